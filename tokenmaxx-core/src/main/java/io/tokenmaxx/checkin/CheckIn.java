package io.tokenmaxx.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One person's weekly check-in: what they tried, what worked, what failed, what they learned. The
 * text is user content: shown escaped, searchable only by those allowed to read it
 * ({@link Reader#canRead}), exportable by its author.
 *
 * @param id           stable id
 * @param person       the author's person id
 * @param week         Monday of the week it is about
 * @param tried        what I tried
 * @param worked       what worked
 * @param failed       what failed (and why)
 * @param learned      what I learned
 * @param tags         use-case tags, normalized ({@link CheckinRules#tag})
 * @param tools        tools used, normalized the same way
 * @param minutesSaved time saved this week, minutes, null when not given
 * @param links        links (http or https)
 * @param visibility   who may read it
 * @param team         the author's team when it was written (what {@link Visibility#TEAM} means)
 * @param department   the author's department when it was written
 * @param created      first submitted
 * @param updated      last edited
 */
public record CheckIn(
    String id,
    String person,
    LocalDate week,
    String tried,
    String worked,
    String failed,
    String learned,
    List<String> tags,
    List<String> tools,
    Integer minutesSaved,
    List<String> links,
    Visibility visibility,
    String team,
    String department,
    Instant created,
    Instant updated) {

  public CheckIn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(week, "week");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(updated, "updated");
    tried = tried == null ? "" : tried;
    worked = worked == null ? "" : worked;
    failed = failed == null ? "" : failed;
    learned = learned == null ? "" : learned;
    tags = tags == null ? List.of() : List.copyOf(tags);
    tools = tools == null ? List.of() : List.copyOf(tools);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** All four texts, for search and size checks. */
  public String text() {
    return String.join("\n", tried, worked, failed, learned);
  }
}
