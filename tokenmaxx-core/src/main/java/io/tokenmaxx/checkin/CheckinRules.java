package io.tokenmaxx.checkin;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalizes and checks check-in input; every error names the field. */
public final class CheckinRules {
  public static final int MAX_TEXT = 4000;
  public static final int MAX_TAGS = 12;
  public static final int MAX_TAG_LENGTH = 40;
  public static final int MAX_LINKS = 10;
  public static final int MAX_LINK_LENGTH = 600;
  /** A week has 10080 minutes; nobody saves more. */
  public static final int MAX_MINUTES_SAVED = 10_080;

  private static final Pattern TAG_CHARS = Pattern.compile("[\\p{L}\\p{N}+#._/-]+");
  /** Control characters (but newline and tab) and the search highlight marks never enter stored text. */
  /**
   * Control characters, the search-highlight marks, and the bidirectional embedding, override and
   * isolate characters (U+202A..U+202E, U+2066..U+2069), which can make text read differently from
   * what it is (a name or link shown backwards); line breaks and tabs stay.
   */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\uE000\\uE001\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\t]]");

  private CheckinRules() {}

  /** A tag as stored: trimmed, lower case, inner spaces as '-', one leading '#' dropped. */
  public static String tag(String raw) {
    String t = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFC).trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("#")) t = t.substring(1);
    t = t.replaceAll("\\s+", "-");
    return t;
  }

  static List<String> tags(String field, List<String> raw) {
    if (raw == null) return List.of();
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      String t = tag(raw.get(i));
      if (t.isEmpty()) continue;
      if (t.length() > MAX_TAG_LENGTH) {
        throw new IllegalArgumentException(field + "[" + i + "]: longer than " + MAX_TAG_LENGTH + " characters");
      }
      if (!TAG_CHARS.matcher(t).matches()) {
        throw new IllegalArgumentException(field + "[" + i + "]: '" + t
            + "' may hold letters, digits and + # . _ / - only");
      }
      out.add(t);
    }
    if (out.size() > MAX_TAGS) throw new IllegalArgumentException(field + ": at most " + MAX_TAGS + " allowed, got " + out.size());
    return List.copyOf(out);
  }

  static String text(String field, String raw) {
    if (raw == null) return "";
    String t = CONTROL.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC).replace("\r\n", "\n")).replaceAll("").strip();
    if (t.length() > MAX_TEXT) {
      throw new IllegalArgumentException(field + ": at most " + MAX_TEXT + " characters, got " + t.length());
    }
    return t;
  }

  static List<String> links(List<String> raw) {
    if (raw == null) return List.of();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      String l = raw.get(i) == null ? "" : raw.get(i).trim();
      if (l.isEmpty()) continue;
      if (l.length() > MAX_LINK_LENGTH) throw new IllegalArgumentException("links[" + i + "]: longer than " + MAX_LINK_LENGTH + " characters");
      try {
        URI u = new URI(l);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
          throw new IllegalArgumentException("links[" + i + "]: '" + l + "' is not an http(s) URL");
        }
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("links[" + i + "]: '" + l + "' is not a URL (" + e.getReason() + ")");
      }
      if (!out.contains(l)) out.add(l);
    }
    if (out.size() > MAX_LINKS) throw new IllegalArgumentException("links: at most " + MAX_LINKS + " allowed");
    return List.copyOf(out);
  }

  /**
   * The check-in that results from applying a draft: to {@code existing} (an edit; null fields
   * keep their value) or to nothing (a first submission).
   */
  public static CheckIn apply(CheckIn existing, CheckinDraft d, String id, String person, LocalDate week,
      String team, String department, Instant now) {
    if (d.replaceAll()) existing = existing == null ? null : new CheckIn(existing.id(), existing.person(), existing.week(),
        "", "", "", "", List.of(), List.of(), null, List.of(), existing.visibility(), existing.team(),
        existing.department(), existing.created(), existing.updated());
    String tried = d.tried() != null ? text("tried", d.tried()) : existing != null ? existing.tried() : "";
    String worked = d.worked() != null ? text("worked", d.worked()) : existing != null ? existing.worked() : "";
    String failed = d.failed() != null ? text("failed", d.failed()) : existing != null ? existing.failed() : "";
    String learned = d.learned() != null ? text("learned", d.learned()) : existing != null ? existing.learned() : "";
    if (tried.isEmpty() && worked.isEmpty() && failed.isEmpty() && learned.isEmpty()) {
      throw new IllegalArgumentException("tried: say at least what you tried, what worked, what failed or what you learned");
    }
    List<String> tags = d.tags() != null ? tags("tags", d.tags()) : existing != null ? existing.tags() : List.of();
    List<String> tools = d.tools() != null ? tags("tools", d.tools()) : existing != null ? existing.tools() : List.of();
    Integer minutes = d.minutesSaved() != null ? d.minutesSaved() : existing != null ? existing.minutesSaved() : null;
    if (minutes != null && (minutes < 0 || minutes > MAX_MINUTES_SAVED)) {
      throw new IllegalArgumentException("minutesSaved: must be within 0.." + MAX_MINUTES_SAVED + " (a week), was " + minutes);
    }
    List<String> links = d.links() != null ? links(d.links()) : existing != null ? existing.links() : List.of();
    Visibility vis = d.visibility() != null ? d.visibility() : existing != null ? existing.visibility() : Visibility.TEAM;
    return new CheckIn(existing != null ? existing.id() : id, person, week, tried, worked, failed, learned,
        tags, tools, minutes, links, vis, existing != null ? existing.team() : team,
        existing != null ? existing.department() : department,
        existing != null ? existing.created() : now, now);
  }
}
