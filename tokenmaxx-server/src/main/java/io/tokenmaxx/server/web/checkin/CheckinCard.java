package io.tokenmaxx.server.web.checkin;

import io.tokenmaxx.checkin.CheckIn;
import java.util.Map;

/**
 * A check-in as pages show it: the check-in, its author's name and team name, highlighted fragments of a search
 * (field to highlight; empty outside a search), and whether the viewer wrote it.
 */
public record CheckinCard(CheckIn checkin, String author, String team, Map<String, Highlight> highlights, boolean mine) {

  /** The fields in display order with their labels. */
  public static final String[][] FIELDS = {{"tried", "Tried"}, {"worked", "Worked"}, {"failed", "Failed"},
      {"learned", "Learned"}};

  /** The feed filtered by a tag or tool (the value URL-encoded). */
  public static String filterLink(String facet, String value) {
    return "/checkins?" + facet + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  public String text(String field) {
    return switch (field) {
      case "tried" -> checkin.tried();
      case "worked" -> checkin.worked();
      case "failed" -> checkin.failed();
      default -> checkin.learned();
    };
  }
}
