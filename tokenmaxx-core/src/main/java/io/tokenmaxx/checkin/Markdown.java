package io.tokenmaxx.checkin;

/**
 * Escapes user text for Markdown: every character with a Markdown meaning gets a backslash and
 * the HTML-significant ones become entities, so check-in text renders as the words it is and can
 * never become a link, an image, a heading or raw HTML in whatever renders the export.
 */
public final class Markdown {
  private static final String SPECIAL = "\\`*_{}[]()#+-.!|~:";

  private Markdown() {}

  /** One line of escaped text (line breaks become spaces). */
  public static String inline(String text) {
    if (text == null) return "";
    StringBuilder sb = new StringBuilder(text.length() + 16);
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        if (!space) sb.append(' ');
        space = true;
        continue;
      }
      space = c == ' ';
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (SPECIAL.indexOf(c) >= 0) sb.append('\\');
          sb.append(c);
        }
      }
    }
    return sb.toString().strip();
  }

  /** An escaped paragraph block: each line escaped, line breaks kept as Markdown hard breaks. */
  public static String block(String text, String indent) {
    if (text == null || text.isBlank()) return "";
    StringBuilder sb = new StringBuilder();
    String[] lines = text.strip().split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) sb.append("  \n").append(indent);
      sb.append(inline(lines[i]));
    }
    return sb.toString();
  }

  /** A link whose target is an http(s) URL: the text escaped, the URL percent-encoded where unsafe. */
  public static String link(String url) {
    String safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")
        .replace(">", "%3E").replace("\"", "%22");
    return "[" + inline(url) + "](" + safe + ")";
  }
}
