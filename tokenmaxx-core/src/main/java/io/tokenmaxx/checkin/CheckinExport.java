package io.tokenmaxx.checkin;

import java.util.List;

/** An author's own check-ins as Markdown (JSON is the API's plain serialization of the records). */
public final class CheckinExport {
  private CheckinExport() {}

  public static String markdown(String authorName, List<CheckIn> checkins) {
    StringBuilder sb = new StringBuilder("# Check-ins of ").append(Markdown.inline(authorName)).append("\n");
    for (CheckIn c : checkins) {
      sb.append("\n## Week of ").append(c.week()).append(" (").append(c.visibility().label()).append(")\n\n");
      field(sb, "Tried", c.tried());
      field(sb, "Worked", c.worked());
      field(sb, "Failed", c.failed());
      field(sb, "Learned", c.learned());
      if (!c.tags().isEmpty()) sb.append("- **Tags:** ").append(join(c.tags())).append('\n');
      if (!c.tools().isEmpty()) sb.append("- **Tools:** ").append(join(c.tools())).append('\n');
      if (c.minutesSaved() != null) sb.append("- **Time saved:** ").append(c.minutesSaved()).append(" minutes\n");
      for (String l : c.links()) sb.append("- ").append(Markdown.link(l)).append('\n');
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String label, String text) {
    if (text.isBlank()) return;
    sb.append("- **").append(label).append(":** ").append(Markdown.block(text, "  ")).append('\n');
  }

  private static String join(List<String> values) {
    StringBuilder sb = new StringBuilder();
    for (String v : values) sb.append(sb.isEmpty() ? "" : ", ").append(Markdown.inline(v));
    return sb.toString();
  }
}
