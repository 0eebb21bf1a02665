package io.tokenmaxx.storage.search;

import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.checkin.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** The Lucene queries of a search: the user's text, the filters, and the reading rule. */
final class CheckinQueries {
  private static final Map<String, Float> WEIGHTS = Map.of("tried", 1.0f, "worked", 1.3f, "failed", 1.0f,
      "learned", 1.3f, CheckinDocuments.TAG_TEXT, 1.5f);

  private CheckinQueries() {}

  /** The user's text (simple syntax: never a parse error), or everything when blank. */
  static Query text(Analyzer analyzer, String text) {
    if (text == null || text.isBlank()) return new MatchAllDocsQuery();
    SimpleQueryParser parser = new SimpleQueryParser(analyzer, WEIGHTS);
    parser.setDefaultOperator(Occur.MUST);
    Query q = parser.parse(text);
    return q == null ? new MatchNoDocsQuery("nothing to search for") : q;
  }

  /** The text with the filters and the reader's rights as FILTER clauses (they do not score). */
  static Query full(Query text, CheckinSearch.Query q, Reader reader) {
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
    b.add(readable(reader), Occur.FILTER);
    for (String t : q.tags()) b.add(new TermQuery(new Term(CheckinDocuments.TAG, t)), Occur.FILTER);
    for (String t : q.tools()) b.add(new TermQuery(new Term(CheckinDocuments.TOOL, t)), Occur.FILTER);
    anyOf(b, CheckinDocuments.DEPARTMENT, q.departments());
    anyOf(b, CheckinDocuments.TEAM, q.teams());
    anyOf(b, CheckinDocuments.PERSON, q.persons());
    if (q.fromWeek() != null || q.toWeek() != null) {
      long from = q.fromWeek() == null ? Long.MIN_VALUE : q.fromWeek().toEpochDay();
      long to = q.toWeek() == null ? Long.MAX_VALUE : q.toWeek().toEpochDay() - 1;
      b.add(LongPoint.newRangeQuery(CheckinDocuments.WEEK, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static void anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
    if (values.isEmpty()) return;
    b.add(terms(field, values), Occur.FILTER);
  }

  private static Query terms(String field, Set<String> values) {
    List<BytesRef> refs = new ArrayList<>();
    for (String v : values) refs.add(new BytesRef(v));
    return new TermInSetQuery(field, refs);
  }

  private static Query visibility(Visibility v) {
    return new TermQuery(new Term(CheckinDocuments.VISIBILITY, v.label()));
  }

  /** {@link Reader#canRead} as a query. */
  static Query readable(Reader r) {
    if (r.person() == null) {
      if (!r.admin()) return visibility(Visibility.ORGANIZATION);
      return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
          .add(visibility(Visibility.PRIVATE), Occur.MUST_NOT).build();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
    any.add(new TermQuery(new Term(CheckinDocuments.PERSON, r.person())), Occur.SHOULD);
    any.add(visibility(Visibility.ORGANIZATION), Occur.SHOULD);
    BooleanQuery.Builder team = new BooleanQuery.Builder().add(visibility(Visibility.TEAM), Occur.FILTER);
    if (!r.admin()) {
      BooleanQuery.Builder who = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
      if (r.team() != null) who.add(new TermQuery(new Term(CheckinDocuments.TEAM, r.team())), Occur.SHOULD);
      if (!r.reports().isEmpty()) who.add(terms(CheckinDocuments.PERSON, r.reports()), Occur.SHOULD);
      if (r.team() == null && r.reports().isEmpty()) who.add(new MatchNoDocsQuery(), Occur.SHOULD);
      team.add(who.build(), Occur.FILTER);
    }
    any.add(team.build(), Occur.SHOULD);
    return any.build();
  }
}
