package io.tokenmaxx.server.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinDraft;
import io.tokenmaxx.checkin.Visibility;
import io.tokenmaxx.server.http.ApiError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Check-ins in and out of JSON; input errors name the field. */
public final class CheckinJson {
  public static final Set<String> FIELDS = Set.of("tried", "worked", "failed", "learned", "tags", "tools", "minutesSaved",
      "links", "visibility", "week");

  private CheckinJson() {}

  /**
   * The body of a submit or edit (every field optional; its names are exactly {@link #FIELDS}).
   * visibility: team (default) or private; week: the week it is for when not given as a parameter.
   */
  public record Body(String tried, String worked, String failed, String learned, List<String> tags,
      List<String> tools, Integer minutesSaved, List<String> links, String visibility, String week) {}

  /** A draft from a JSON object: absent fields are null (an edit keeps them). */
  public static CheckinDraft draft(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiError.badRequest("body", "send a JSON object with tried, worked, failed, learned, tags, tools, "
          + "minutesSaved, links, visibility");
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) throw ApiError.badRequest(f, "unknown field; known: " + FIELDS.stream().sorted().toList());
    }
    Integer minutes = null;
    JsonNode m = body.get("minutesSaved");
    if (m != null && !m.isNull()) {
      if (!m.canConvertToInt() || !m.isIntegralNumber()) throw ApiError.badRequest("minutesSaved", "must be a whole number of minutes");
      minutes = m.intValue();
    }
    Visibility visibility = null;
    JsonNode v = body.get("visibility");
    if (v != null && !v.isNull()) {
      try {
        visibility = Visibility.parse(v.asText());
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("visibility", e.getMessage());
      }
    }
    return new CheckinDraft(text(body, "tried"), text(body, "worked"), text(body, "failed"), text(body, "learned"),
        list(body, "tags"), list(body, "tools"), minutes, list(body, "links"), visibility);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    if (!n.isTextual()) throw ApiError.badRequest(field, "must be a string");
    return n.asText();
  }

  /** A list field: a JSON array of strings, or one comma-separated string. */
  private static List<String> list(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return null;
    List<String> out = new ArrayList<>();
    if (n.isTextual()) {
      for (String s : n.asText().split(",")) if (!s.isBlank()) out.add(s.strip());
      return out;
    }
    if (!n.isArray()) throw ApiError.badRequest(field, "must be an array of strings");
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) throw ApiError.badRequest(field + "[" + i + "]", "must be a string");
      out.add(n.get(i).asText());
    }
    return out;
  }

  /**
   * A check-in as the API shows it, with its author's name and whether it can still be edited
   * (only on the author's own views; omitted elsewhere). Fields without a value are omitted.
   */
  public record View(String id, String person, String name, java.time.LocalDate week, String team, String department,
      String visibility, String tried, String worked, String failed, String learned, List<String> tags,
      List<String> tools, Integer minutesSaved, List<String> links, java.time.Instant created,
      java.time.Instant updated, Boolean editable) {}

  public static View of(CheckIn c, String authorName, Boolean editable) {
    return new View(c.id(), c.person(), authorName, c.week(), c.team(), c.department(), c.visibility().label(),
        c.tried(), c.worked(), c.failed(), c.learned(), c.tags(), c.tools(), c.minutesSaved(), c.links(), c.created(),
        c.updated(), editable);
  }
}
