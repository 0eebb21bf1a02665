package io.tokenmaxx.server.web.checkin;

import io.tokenmaxx.checkin.CheckinSearch;
import java.util.ArrayList;
import java.util.List;

/**
 * A search fragment as segments: the template prints each segment escaped and wraps the matched
 * ones in {@code <mark>}, so user text is never markup, only the marks are.
 */
public record Highlight(List<Segment> segments) {

  public record Segment(String text, boolean mark) {}

  public static Highlight of(String fragment) {
    List<Segment> out = new ArrayList<>();
    int pos = 0;
    while (pos < fragment.length()) {
      int start = fragment.indexOf(CheckinSearch.MARK_START, pos);
      if (start < 0) {
        out.add(new Segment(fragment.substring(pos), false));
        break;
      }
      if (start > pos) out.add(new Segment(fragment.substring(pos, start), false));
      int end = fragment.indexOf(CheckinSearch.MARK_END, start + 1);
      if (end < 0) end = fragment.length();
      out.add(new Segment(fragment.substring(start + 1, end), true));
      pos = Math.min(fragment.length(), end + 1);
    }
    return new Highlight(out);
  }
}
