package io.tokenmaxx.cli.checkin;

import java.util.regex.Pattern;

/**
 * User text on a terminal: control characters (escape sequences could move the cursor, recolour
 * or rewrite the screen) are shown as U+FFFD; newlines and tabs stay.
 */
final class Terminal {
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");

  private Terminal() {}

  static String safe(String s) {
    return s == null ? "" : CONTROL.matcher(s).replaceAll("\uFFFD");
  }

  /** One line: newlines become spaces, long text is cut with an ellipsis. */
  static String line(String s, int max) {
    String one = safe(s).replaceAll("\\s+", " ").strip();
    return one.length() <= max ? one : one.substring(0, Math.max(0, max - 1)) + "…";
  }
}
