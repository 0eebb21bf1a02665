package io.tokenmaxx.checkin;

import java.util.Locale;

/** The digest as Markdown; every piece of user text goes through {@link Markdown#inline}. */
public final class DigestMarkdown {
  private DigestMarkdown() {}

  public static String render(Digest d) {
    StringBuilder sb = new StringBuilder();
    sb.append("# AI check-in digest, week of ").append(d.week()).append("\n\n");
    sb.append(String.format(Locale.ROOT, "%d of %d people checked in (%.0f%%)", d.checkins(), d.people(),
        d.participation() * 100));
    if (d.minutesSaved() > 0) sb.append(String.format(Locale.ROOT, "; %.1f hours saved reported", d.minutesSaved() / 60.0));
    sb.append(".\n\n## Participation by team\n\n| team | department | checked in | members | rate |\n|---|---|---:|---:|---:|\n");
    for (Digest.TeamParticipation t : d.teams()) {
      if (t.suppressed()) {
        sb.append("| ").append(Markdown.inline(t.team())).append(" | ").append(Markdown.inline(t.department()))
            .append(" | suppressed | | |\n");
        continue;
      }
      sb.append("| ").append(Markdown.inline(t.team())).append(" | ").append(Markdown.inline(t.department()))
          .append(" | ").append(t.checkedIn()).append(" | ").append(t.members())
          .append(String.format(Locale.ROOT, " | %.0f%% |%n", t.rate() * 100));
    }
    section(sb, "Top learnings", d.learnings());
    section(sb, "What failed, and why", d.failures());
    sb.append("\n## New use cases\n\n");
    if (d.newUseCases().isEmpty()) sb.append("None this week.\n");
    for (Digest.UseCase u : d.newUseCases()) {
      sb.append("- ").append(Markdown.inline(u.tag())).append(" (").append(u.checkins())
          .append(u.checkins() == 1 ? " check-in" : " check-ins").append(")\n");
    }
    sb.append("\n## Trying something for the first time\n\n");
    if (d.firstTries().isEmpty()) sb.append("Nobody this week.\n");
    for (Digest.FirstTry f : d.firstTries()) {
      sb.append("- ").append(Markdown.inline(f.name())).append(": ").append(Markdown.inline(String.join(", ", f.tools())))
          .append('\n');
    }
    Digest.Snapshot lb = d.leaderboard();
    if (lb != null) {
      sb.append("\n## Leaderboard of the week\n\n");
      sb.append("Ranked by ").append(lb.measure()).append(" (").append(Markdown.inline(lb.rule())).append("); ")
          .append(lb.people()).append(" people ranked");
      if (lb.flagged() > 0) sb.append(", ").append(lb.flagged()).append(" with a flagged week (marked)");
      sb.append(".\n\n");
      if (lb.top().isEmpty()) sb.append("Too few people to show a ranking.\n");
      for (Digest.Entry e : lb.top()) {
        sb.append(e.rank()).append(". ").append(Markdown.inline(e.pseudonym())).append(": ").append(e.value())
            .append(e.flagged() ? " (flagged)" : "").append('\n');
      }
    }
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, java.util.List<Digest.Item> items) {
    sb.append("\n## ").append(title).append("\n\n");
    if (items.isEmpty()) sb.append("Nothing shared this week.\n");
    for (Digest.Item i : items) {
      sb.append("- ").append(Markdown.inline(i.text())).append(" — ").append(Markdown.inline(i.name()));
      if (!i.tags().isEmpty()) {
        sb.append(" (");
        for (int k = 0; k < i.tags().size(); k++) sb.append(k > 0 ? ", " : "").append(Markdown.inline(i.tags().get(k)));
        sb.append(')');
      }
      sb.append('\n');
    }
  }
}
