package io.tokenmaxx.storage.search;

import io.tokenmaxx.checkin.CheckinSearch;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Highlighted fragments as plain text with private-use marks around matches: the page escapes the
 * text first and only then turns the marks into tags, so user content can never inject markup.
 * The whole field is one passage; a long one is cut to a window around its first match.
 */
final class MarkFormatter extends PassageFormatter {
  static final int WINDOW = 320;

  @Override
  public Object format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    for (Passage p : passages) {
      if (!sb.isEmpty()) sb.append(" … ");
      int from = p.getStartOffset();
      int to = p.getEndOffset();
      if (to - from > WINDOW && p.getNumMatches() > 0) {
        from = Math.max(from, p.getMatchStarts()[0] - WINDOW / 3);
        to = Math.min(to, from + WINDOW);
        while (from > p.getStartOffset() && from < to && !Character.isWhitespace(content.charAt(from - 1))) from++;
        if (from > p.getStartOffset()) sb.append("… ");
      }
      int pos = from;
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = Math.max(pos, p.getMatchStarts()[i]);
        int end = Math.min(to, p.getMatchEnds()[i]);
        if (end <= start) continue;
        sb.append(content, pos, start).append(CheckinSearch.MARK_START).append(content, start, end)
            .append(CheckinSearch.MARK_END);
        pos = end;
      }
      sb.append(content, pos, Math.max(pos, to));
      if (to < p.getEndOffset()) sb.append(" …");
    }
    return sb.toString().strip();
  }
}
