package io.tokenmaxx.checkin;

import io.tokenmaxx.component.Component;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full-text search over check-ins, filtered by what the reader may read, with facet counts. Kept
 * up to date by {@link #index} on every save; {@link #rebuild} fills it from the store.
 */
public interface CheckinSearch extends Component {

  void index(CheckIn checkin);

  void indexAll(List<CheckIn> checkins);

  /** Replaces the whole index with the store's check-ins; returns how many were indexed. */
  long rebuild(CheckinStore store);

  /** Number of indexed check-ins. */
  long size();

  Result search(Query query, Reader reader);

  /**
   * @param text        what to look for (simple syntax: words, "phrases", -not, prefix*); blank = everything
   * @param tags        only check-ins with all of these tags
   * @param tools       only with all of these tools
   * @param departments only from these departments
   * @param teams       only from these teams
   * @param persons     only by these people
   * @param fromWeek    inclusive, may be null
   * @param toWeek      exclusive, may be null
   * @param limit       hits to return
   */
  record Query(String text, Set<String> tags, Set<String> tools, Set<String> departments,
      Set<String> teams, Set<String> persons, LocalDate fromWeek, LocalDate toWeek, int limit) {
    public Query {
      tags = tags == null ? Set.of() : Set.copyOf(tags.stream().map(CheckinRules::tag).toList());
      tools = tools == null ? Set.of() : Set.copyOf(tools.stream().map(CheckinRules::tag).toList());
      departments = departments == null ? Set.of() : Set.copyOf(departments);
      teams = teams == null ? Set.of() : Set.copyOf(teams);
      persons = persons == null ? Set.of() : Set.copyOf(persons);
      if (limit < 1 || limit > 500) throw new IllegalArgumentException("limit must be within 1..500, was " + limit);
      if (text != null && text.length() > 500) throw new IllegalArgumentException("q: at most 500 characters");
    }

    public static Query text(String text, int limit) {
      return new Query(text, null, null, null, null, null, null, null, limit);
    }
  }

  /**
   * @param total  readable check-ins matching
   * @param hits   the best of them, with highlighted fragments
   * @param facets counts by facet ("tag", "tool", "department", "team") and value, largest first
   */
  record Result(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {}

  /**
   * @param id        check-in id
   * @param person    author
   * @param week      its week
   * @param score     relevance
   * @param fragments field name to highlighted text: plain text with the matches between
   *                  {@link #MARK_START} and {@link #MARK_END} (escape the text, then turn the marks into tags)
   */
  record Hit(String id, String person, LocalDate week, float score, Map<String, String> fragments) {}

  record FacetCount(String value, long count) {}

  /** Private-use characters around matched words in fragments: never in user text. */
  String MARK_START = "\uE000";
  String MARK_END = "\uE001";
}
