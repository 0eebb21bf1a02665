package io.tokenmaxx.checkin;

import java.util.List;

/**
 * What a person submits or edits. On an edit, null fields keep the stored value; on a first
 * submission they are empty. Normalized and checked by {@link CheckinRules#apply}.
 */
public record CheckinDraft(
    String tried,
    String worked,
    String failed,
    String learned,
    List<String> tags,
    List<String> tools,
    Integer minutesSaved,
    List<String> links,
    Visibility visibility) {

  public static CheckinDraft empty() {
    return new CheckinDraft(null, null, null, null, null, null, null, null, null);
  }
}
