package io.tokenmaxx.storage.search;

import io.tokenmaxx.checkin.CheckinSearch;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Highlighted fragments as plain text with private-use marks around matches: the page escapes the
 * text first and only then turns the marks into tags, so user content can never inject markup.
 */
final class MarkFormatter extends PassageFormatter {
  @Override
  public Object format(Passage[] passages, String content) {
    StringBuilder sb = new StringBuilder();
    for (Passage p : passages) {
      if (!sb.isEmpty()) sb.append(" … ");
      int pos = p.getStartOffset();
      for (int i = 0; i < p.getNumMatches(); i++) {
        int start = Math.max(pos, p.getMatchStarts()[i]);
        int end = p.getMatchEnds()[i];
        if (end <= start) continue;
        sb.append(content, pos, start).append(CheckinSearch.MARK_START).append(content, start, end)
            .append(CheckinSearch.MARK_END);
        pos = end;
      }
      sb.append(content, pos, p.getEndOffset());
    }
    return sb.toString().strip();
  }
}
