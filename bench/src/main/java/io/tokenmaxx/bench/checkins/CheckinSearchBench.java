package io.tokenmaxx.bench.checkins;

import io.tokenmaxx.checkin.CheckinSearch;
import io.tokenmaxx.checkin.Reader;
import io.tokenmaxx.storage.search.LuceneCheckinSearch;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Check-in search over 100k generated check-ins: typical queries (words, phrases, a tag or tool
 * filter, a department) for readers with different rights (a member, a manager, a department head
 * whose subtree is large, an admin), each with the readable total, the best 20 hits with highlights
 * and the four facets. Peers in the same run: DuckDB ILIKE and PostgreSQL full-text search.
 *
 * <p>Usage: {@code CheckinSearchBench [checkins] [rounds]}; PostgreSQL from {@code TOKENMAXX_TEST_PG_URL}
 * (default jdbc:postgresql://127.0.0.1:5432/test, user postgres), skipped with a note when unreachable.
 */
public final class CheckinSearchBench {

  public static void main(String[] args) throws Exception {
    int target = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    long t0 = System.nanoTime();
    BenchCorpus corpus = new BenchCorpus(target);
    System.out.printf(Locale.ROOT, "corpus: %,d check-ins of %,d people, generated in %.1f s%n", corpus.checkins.size(),
        corpus.org.people().size(), (System.nanoTime() - t0) / 1e9);
    for (int i = 0; i < corpus.readers.size(); i++) System.out.println("  reader: " + corpus.readerNames.get(i));

    List<String[]> rows = new ArrayList<>();
    try (LuceneCheckinSearch lucene = LuceneCheckinSearch.inMemory()) {
      t0 = System.nanoTime();
      for (int i = 0; i < corpus.checkins.size(); i += 10_000) {
        lucene.indexAll(corpus.checkins.subList(i, Math.min(corpus.checkins.size(), i + 10_000)));
      }
      System.out.printf(Locale.ROOT, "lucene: indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      double[] luceneTimes = time("lucene", corpus, rounds, (q, r) -> lucene.search(new CheckinSearch.Query(q.text(),
          q.tag() == null ? Set.of() : Set.of(q.tag()), q.tool() == null ? Set.of() : Set.of(q.tool()),
          q.department() == null ? Set.of() : Set.of(q.department()), null, null, null, null, 20), r).total());
      rows.add(row("tokenmaxx (Lucene, facets + highlights)", luceneTimes, luceneTimes));

      try (SqlPeer duck = new SqlPeer("DuckDB ILIKE", DriverManager.getConnection("jdbc:duckdb:"), false)) {
        t0 = System.nanoTime();
        duck.load(corpus.checkins);
        System.out.printf(Locale.ROOT, "duckdb: loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        double[] times = time("duckdb", corpus, Math.max(2, rounds / 8), duck::search);
        rows.add(row("peer: DuckDB, ILIKE scan + GROUP BY facets", times, luceneTimes));
      }
      Connection pg = postgres();
      if (pg != null) {
        try (SqlPeer post = new SqlPeer("PostgreSQL FTS", pg, true)) {
          t0 = System.nanoTime();
          post.load(corpus.checkins);
          System.out.printf(Locale.ROOT, "postgres: loaded and indexed in %.1f s%n", (System.nanoTime() - t0) / 1e9);
          double[] times = time("postgres", corpus, Math.max(2, rounds / 4), post::search);
          rows.add(row("peer: PostgreSQL tsvector + GIN, GROUP BY facets", times, luceneTimes));
        }
      } else {
        System.out.println("postgres: not reachable; its row is left out");
      }
    }
    System.out.println();
    System.out.println("| engine | searches | p50 ms | p95 ms | p99 ms | p95 vs tokenmaxx |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String[] r : rows) System.out.println("| " + String.join(" | ", r) + " |");
  }

  interface Engine {
    long search(BenchCorpus.Q q, Reader r) throws Exception;
  }

  static double[] time(String name, BenchCorpus corpus, int rounds, Engine e) throws Exception {
    for (int w = 0; w < 3; w++) for (BenchCorpus.Q q : BenchCorpus.QUERIES) for (Reader r : corpus.readers) e.search(q, r); // warm up
    List<Double> ms = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (BenchCorpus.Q q : BenchCorpus.QUERIES) {
        for (Reader r : corpus.readers) {
          long t = System.nanoTime();
          e.search(q, r);
          ms.add((System.nanoTime() - t) / 1e6);
        }
      }
    }
    if (System.getenv("SEARCH_DETAIL") != null) {
      int k = 0;
      int per = BenchCorpus.QUERIES.size() * corpus.readers.size();
      for (BenchCorpus.Q q : BenchCorpus.QUERIES) {
        for (int ri = 0; ri < corpus.readers.size(); ri++) {
          double sum = 0;
          for (int round = 0; round < rounds; round++) sum += ms.get(round * per + k);
          System.out.printf(Locale.ROOT, "  %-40s %-40s %.2f ms%n", q.label(), corpus.readerNames.get(ri), sum / rounds);
          k++;
        }
      }
    }
    double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    System.out.printf(Locale.ROOT, "%s: %d searches, p50 %.2f ms, p95 %.2f ms%n", name, a.length, pct(a, 50), pct(a, 95));
    return a;
  }

  static double pct(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String[] row(String name, double[] a, double[] base) {
    return new String[] {name, Integer.toString(a.length), String.format(Locale.ROOT, "%.2f", pct(a, 50)),
        String.format(Locale.ROOT, "%.2f", pct(a, 95)), String.format(Locale.ROOT, "%.2f", pct(a, 99)),
        String.format(Locale.ROOT, "%.1fx", pct(a, 95) / pct(base, 95))};
  }

  static Connection postgres() {
    String url = System.getenv().getOrDefault("TOKENMAXX_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    Properties p = new Properties();
    p.setProperty("user", System.getenv().getOrDefault("TOKENMAXX_TEST_PG_USER", "postgres"));
    try {
      return DriverManager.getConnection(url, p);
    } catch (Exception e) {
      return null;
    }
  }
}
