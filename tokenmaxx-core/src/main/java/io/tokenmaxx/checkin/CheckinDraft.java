package io.tokenmaxx.checkin;

import java.util.List;

/**
 * What a person submits or edits. On an edit, null fields keep the stored value (unless
 * {@code replaceAll}, as when a whole form is sent: then null means empty); on a first submission
 * they are empty. Normalized and checked by {@link CheckinRules#apply}.
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
    Visibility visibility,
    boolean replaceAll) {

  /** A partial draft: null fields keep the stored value. */
  public CheckinDraft(String tried, String worked, String failed, String learned, List<String> tags,
      List<String> tools, Integer minutesSaved, List<String> links, Visibility visibility) {
    this(tried, worked, failed, learned, tags, tools, minutesSaved, links, visibility, false);
  }

  public static CheckinDraft empty() {
    return new CheckinDraft(null, null, null, null, null, null, null, null, null);
  }

  /** The same draft replacing every field (a whole form). */
  public CheckinDraft replacingAll() {
    return new CheckinDraft(tried, worked, failed, learned, tags, tools, minutesSaved, links, visibility, true);
  }
}
