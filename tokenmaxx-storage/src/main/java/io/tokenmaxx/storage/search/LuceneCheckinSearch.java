package io.tokenmaxx.storage.search;

import io.tokenmaxx.checkin.CheckIn;
import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.CheckinStore;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link CheckinSearch} with Lucene: English stemming, the simple query syntax (which never fails
 * to parse), the reading rule and the filters as non-scoring clauses, facet counts over every
 * readable match, and highlighted fragments. Near-real-time: a saved check-in is searchable when
 * {@link #index} returns. The index is derived from the store and can always be rebuilt from it.
 */
public final class LuceneCheckinSearch implements CheckinSearch {
  private static final Sort NEWEST = new Sort(new SortField(CheckinDocuments.WEEK_SORT, SortField.Type.LONG, true));
  private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE,
      new SortField(CheckinDocuments.WEEK_SORT, SortField.Type.LONG, true));

  private final Path path;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Object lock = new Object();
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private volatile FacetState facets;
  private boolean closed;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private LuceneCheckinSearch(Path path) {
    this.path = path;
  }

  /** An index in memory (rebuild it from the store at start). */
  public static LuceneCheckinSearch inMemory() {
    return new LuceneCheckinSearch(null);
  }

  /** An index in a folder (created when missing). */
  public static LuceneCheckinSearch at(Path folder) {
    return new LuceneCheckinSearch(folder);
  }

  private IndexWriter writer() throws IOException {
    synchronized (lock) {
      if (closed) throw new StorageException("check-in search index is closed");
      if (writer == null) {
        directory = path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
        writer.commit();
        searchers = new SearcherManager(writer, null);
      }
      return writer;
    }
  }

  private SearcherManager searchers() throws IOException {
    writer();
    return searchers;
  }

  @Override
  public void index(CheckIn c) {
    indexAll(List.of(c));
  }

  @Override
  public void indexAll(List<CheckIn> checkins) {
    try {
      IndexWriter w = writer();
      for (CheckIn c : checkins) {
        w.updateDocument(new Term(CheckinDocuments.ID, c.id()),
            CheckinDocuments.FACETS_CONFIG.build(CheckinDocuments.document(c)));
      }
      w.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw failed("index check-ins", e);
    }
  }

  @Override
  public long rebuild(CheckinStore store) {
    try {
      IndexWriter w = writer();
      long[] n = new long[1];
      synchronized (lock) {
        w.deleteAll();
        IOException[] error = new IOException[1];
        store.forEach(c -> {
          if (error[0] != null) return;
          try {
            w.addDocument(CheckinDocuments.FACETS_CONFIG.build(CheckinDocuments.document(c)));
            n[0]++;
          } catch (IOException e) {
            error[0] = e;
          }
        });
        if (error[0] != null) throw error[0];
        w.commit();
      }
      searchers.maybeRefreshBlocking();
      return n[0];
    } catch (IOException e) {
      throw failed("rebuild the check-in index", e);
    }
  }

  @Override
  public long size() {
    try {
      IndexSearcher s = searchers().acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw failed("count indexed check-ins", e);
    }
  }

  @Override
  public Result search(CheckinSearch.Query q, Reader reader) {
    try {
      SearcherManager manager = searchers();
      IndexSearcher searcher = manager.acquire();
      try {
        org.apache.lucene.search.Query text = CheckinQueries.text(analyzer, q.text());
        org.apache.lucene.search.Query query = CheckinQueries.full(text, q, reader);
        boolean byRelevance = !(text instanceof MatchAllDocsQuery);
        FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, q.limit(),
            byRelevance ? RELEVANCE : NEWEST, byRelevance, new FacetsCollectorManager());
        TopDocs top = result.topDocs();
        long total = 0;
        for (FacetsCollector.MatchingDocs m : result.facetsCollector().getMatchingDocs()) total += m.totalHits();
        Map<String, List<FacetCount>> facetCounts = facets(searcher, result.facetsCollector());
        Map<String, String[]> highlights = byRelevance && top.scoreDocs.length > 0
            ? UnifiedHighlighter.builder(searcher, analyzer).withFormatter(new MarkFormatter())
                .withBreakIterator(WholeBreakIterator::new).withMaxLength(5000)
                .build().highlightFields(CheckinDocuments.TEXT, text, top)
            : Map.of();
        StoredFields stored = searcher.storedFields();
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < top.scoreDocs.length; i++) {
          ScoreDoc sd = top.scoreDocs[i];
          Document d = stored.document(sd.doc);
          Map<String, String> fragments = new LinkedHashMap<>();
          for (String field : CheckinDocuments.TEXT) {
            String[] h = highlights.get(field);
            String frag = h == null ? null : h[i];
            if (frag != null && frag.contains(MARK_START)) fragments.put(field, frag);
          }
          float score = Float.isNaN(sd.score) ? 0 : sd.score;
          hits.add(new Hit(d.get(CheckinDocuments.ID), d.get(CheckinDocuments.PERSON),
              LocalDate.ofEpochDay(d.getField(CheckinDocuments.WEEK).numericValue().longValue()), score, fragments));
        }
        return new Result(total, hits, facetCounts);
      } finally {
        manager.release(searcher);
      }
    } catch (IOException e) {
      throw failed("search check-ins", e);
    }
  }

  private Map<String, List<FacetCount>> facets(IndexSearcher searcher, FacetsCollector fc) throws IOException {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (String dim : CheckinDocuments.FACETS) out.put(dim, new ArrayList<>());
    IndexReader reader = searcher.getIndexReader();
    if (reader.numDocs() == 0) return out;
    FacetState s = facets;
    if (s == null || s.reader() != reader) {
      synchronized (lock) {
        s = facets;
        if (s == null || s.reader() != reader) {
          s = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, CheckinDocuments.FACETS_CONFIG));
          facets = s;
        }
      }
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(s.state(), fc);
    for (String dim : CheckinDocuments.FACETS) {
      FacetResult r;
      try {
        r = counts.getTopChildren(15, dim);
      } catch (IllegalArgumentException notIndexed) {
        continue; // no document has this dimension yet
      }
      if (r == null) continue;
      for (LabelAndValue lv : r.labelValues) {
        if (lv.label.equals(CheckinDocuments.NONE)) continue;
        out.get(dim).add(new FacetCount(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }

  private StorageException failed(String what, IOException e) {
    return new StorageException("check-in search (" + (path == null ? "in memory" : path.toString()) + "): could not "
        + what + ": " + e.getMessage(), e);
  }

  @Override
  public CheckResult check() {
    try {
      size();
      return CheckResult.ok("check-in search");
    } catch (RuntimeException e) {
      return CheckResult.failed("check-in search", e);
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) return;
      closed = true;
      try {
        if (searchers != null) searchers.close();
        if (writer != null) writer.close();
        if (directory != null) directory.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing the check-in index: " + e.getMessage(), e);
      }
    }
  }
}
