package io.tokenmaxx.storage.jdbc;

import io.tokenmaxx.guard.GuardConfig;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one statement that computes {@link io.tokenmaxx.guard.WeekFeatures} for every person-week
 * of a range: local times in the organization's zone, gaps with {@code LAG}, per-week sums, the
 * busiest day's distinct hours, prompt-hash repetition and entropy terms, and outcomes. Mirrors
 * {@link io.tokenmaxx.guard.FeatureExtractor} line by line.
 */
final class GuardFeatureSql {
  private GuardFeatureSql() {}

  static Sql build(Dialect d, GuardConfig c, Instant from, Instant to) {
    String local = d.localTime("ts", c.zone());
    String dow = d.isoDayOfWeek("lt");
    String sod = "(CAST(EXTRACT(HOUR FROM lt) AS INTEGER) * 3600 + CAST(EXTRACT(MINUTE FROM lt) AS INTEGER) * 60"
        + " + CAST(FLOOR(EXTRACT(SECOND FROM lt)) AS INTEGER))";
    int snap = c.snapshotDay().getValue();
    String daysUntil = "((" + snap + " - dow + 7) % 7)";
    String pre = "(CASE WHEN " + daysUntil + " = 0 THEN 7 ELSE " + daysUntil + " END * 86400 - sod <= "
        + (c.snapshotWindowHours() * 3600L) + ")";
    String night = c.nightStartHour() <= c.nightEndHour()
        ? "(hr >= " + c.nightStartHour() + " AND hr < " + c.nightEndHour() + ")"
        : "(hr >= " + c.nightStartHour() + " OR hr < " + c.nightEndHour() + ")";
    long maxGapMicros = c.maxGapSeconds() * 1_000_000L;
    String inGap = "gap_us IS NOT NULL AND gap_us <= " + maxGapMicros;
    String gap = "(CAST(gap_us AS FLOAT8) / 1000000.0)";
    String toolGap = "(CAST(tool_gap_us AS FLOAT8) / 1000000.0)";
    StringBuilder days = new StringBuilder();
    for (int i = 1; i <= 7; i++) days.append(", SUM(CASE WHEN dow = ").append(i).append(" THEN total ELSE 0 END) AS d").append(i);
    for (int i = 1; i <= 7; i++) days.append(", SUM(CASE WHEN dow = ").append(i).append(" THEN 1 ELSE 0 END) AS r").append(i);
    for (int i = 1; i <= 7; i++) days.append(", COUNT(DISTINCT CASE WHEN dow = ").append(i).append(" THEN sess END) AS s").append(i);
    String spaced = "tool_gap_us IS NOT NULL AND tool_gap_us >= " + c.regularMinGapSeconds() * 1_000_000L + " AND tool_gap_us <= "
        + c.regularMaxGapSeconds() * 1_000_000L;
    int tiny = c.tinyOutputTokens();
    String sql = "WITH u AS (SELECT person, " + d.epochMicros("ts") + " AS us, " + local + " AS lt, requests, "
        + "(input_tokens + output_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens + reasoning_tokens) AS total, "
        + "(output_tokens + reasoning_tokens) AS gen, cache_read_tokens AS cr, prompt_hash, input_tokens AS inp, tool, session_id AS sess "
        + "FROM " + Tables.USAGE + " WHERE person IS NOT NULL AND ts >= ? AND ts < ?), "
        + "v AS (SELECT person, us, lt, requests, total, gen, cr, prompt_hash, inp, tool, sess, " + dow + " AS dow, "
        + "CAST(EXTRACT(HOUR FROM lt) AS INTEGER) AS hr, "
        + "us - LAG(us) OVER (PARTITION BY person ORDER BY us) AS gap_us, "
        + "us - LAG(us) OVER (PARTITION BY person, tool ORDER BY us) AS tool_gap_us FROM u), "
        + "w AS (SELECT person, requests, total, gen, cr, prompt_hash, inp, tool, sess, dow, hr, gap_us, tool_gap_us, CAST(lt AS DATE) AS day, "
        + d.dateMinusDays("lt", "(dow - 1)") + " AS week, " + sod.replace("lt", "lt") + " AS sod FROM v), "
        + "base AS (SELECT person, week, COUNT(*) AS records, SUM(requests) AS requests, SUM(total) AS total, "
        + "SUM(gen) AS gen, SUM(cr) AS cr, SUM(CASE WHEN gen <= " + c.tinyOutputTokens() + " THEN 1 ELSE 0 END) AS tiny, "
        + "COUNT(DISTINCT dow * 24 + hr) AS active_hours, SUM(CASE WHEN " + night + " THEN 1 ELSE 0 END) AS night, "
        + "SUM(CASE WHEN " + inGap + " THEN 1 ELSE 0 END) AS gap_count, "
        + "SUM(CASE WHEN " + inGap + " THEN " + gap + " ELSE 0 END) AS gap_sum, "
        + "SUM(CASE WHEN " + inGap + " THEN " + gap + " * " + gap + " ELSE 0 END) AS gap_sq, "
        + "SUM(CASE WHEN prompt_hash IS NOT NULL THEN 1 ELSE 0 END) AS hashed, COUNT(DISTINCT prompt_hash) AS distinct_hashes"
        + days + ", SUM(CASE WHEN " + pre + " THEN total ELSE 0 END) AS pre, SUM(CASE WHEN " + pre + " THEN 1 ELSE 0 END) AS pre_n, "
        + "COUNT(DISTINCT tool) AS tools, SUM(CASE WHEN inp + cr > 0 THEN 1 ELSE 0 END) AS shaped, "
        + "SUM(CASE WHEN " + spaced + " THEN 1 ELSE 0 END) AS spaced, "
        + "SUM(CASE WHEN gen <= " + tiny + " THEN total ELSE 0 END) AS tiny_tokens, "
        + "COUNT(DISTINCT CASE WHEN " + pre + " THEN sess END) AS pre_s FROM w GROUP BY person, week), "
        + "hours AS (SELECT person, week, MAX(h) AS max_hours, SUM(CASE WHEN mg <= " + tiny + " THEN 1 ELSE 0 END) AS hollow "
        + "FROM (SELECT person, week, day, COUNT(DISTINCT hr) AS h, MAX(gen) AS mg "
        + "FROM w GROUP BY person, week, day) x GROUP BY person, week), "
        + "thin AS (SELECT person, week, SUM(CASE WHEN mg <= " + tiny + " THEN 1 ELSE 0 END) AS thin "
        + "FROM (SELECT person, week, tool, MAX(gen) AS mg FROM w GROUP BY person, week, tool) x GROUP BY person, week), "
        + "shapes AS (SELECT person, week, SUM(CASE WHEN n >= " + c.repeatMinCount() + " THEN n ELSE 0 END) AS rep "
        + "FROM (SELECT person, week, inp, cr, COUNT(*) AS n FROM w WHERE inp + cr > 0 GROUP BY person, week, inp, cr) x "
        + "GROUP BY person, week), "
        + "gb AS (SELECT person, week, CAST(FLOOR(LN(" + toolGap + ") / LN(CAST(" + io.tokenmaxx.guard.Substance.BAND_BASE + " AS FLOAT8))) AS INTEGER) AS band, "
        + "COUNT(*) AS n FROM w WHERE " + spaced + " GROUP BY person, week, CAST(FLOOR(LN(" + toolGap + ") / LN(CAST("
        + io.tokenmaxx.guard.Substance.BAND_BASE + " AS FLOAT8))) AS INTEGER)), "
        + "pairs AS (SELECT a.person, a.week, a.band, a.n + COALESCE(b.n, 0) AS pair FROM gb a LEFT JOIN gb b "
        + "ON b.person = a.person AND b.week = a.week AND b.band = a.band + 1), "
        + "best AS (SELECT person, week, band, pair, ROW_NUMBER() OVER (PARTITION BY person, week ORDER BY pair DESC, band ASC) AS rn "
        + "FROM pairs), "
        + "hashes AS (SELECT person, week, prompt_hash, COUNT(*) AS n FROM w WHERE prompt_hash IS NOT NULL GROUP BY person, week, prompt_hash), "
        + "hash_stats AS (SELECT person, week, SUM(CASE WHEN n >= " + c.repeatMinCount() + " THEN n ELSE 0 END) AS repeated, "
        + "SUM(n * LN(CAST(n AS FLOAT8))) AS clnc FROM hashes GROUP BY person, week), "
        + "o AS (SELECT person, " + d.dateMinusDays(local, "(" + d.isoDayOfWeek(local) + " - 1)") + " AS week, kind, value "
        + "FROM " + Tables.OUTCOME + " WHERE person IS NOT NULL AND ts >= ? AND ts < ?), "
        + "outc AS (SELECT person, week, "
        + "SUM(CASE WHEN kind = 'commit' THEN value ELSE 0 END) AS commits, "
        + "SUM(CASE WHEN kind = 'pull_request' THEN value ELSE 0 END) AS prs, "
        + "SUM(CASE WHEN kind = 'lines_added' THEN value ELSE 0 END) AS lines_added, "
        + "SUM(CASE WHEN kind = 'edit_accepted' THEN value ELSE 0 END) AS edits, "
        + "SUM(CASE WHEN kind = 'active_seconds_user' THEN value ELSE 0 END) AS user_s, "
        + "SUM(CASE WHEN kind = 'active_seconds_cli' THEN value ELSE 0 END) AS cli_s FROM o GROUP BY person, week) "
        + "SELECT b.person, CAST(b.week AS DATE), b.records, b.requests, b.total, b.gen, b.cr, b.tiny, b.active_hours, "
        + "h.max_hours, b.night, b.gap_count, b.gap_sum, b.gap_sq, b.hashed, b.distinct_hashes, "
        + "COALESCE(s.repeated, 0), COALESCE(s.clnc, 0), b.d1, b.d2, b.d3, b.d4, b.d5, b.d6, b.d7, b.pre, "
        + "COALESCE(o.commits, 0), COALESCE(o.prs, 0), COALESCE(o.lines_added, 0), COALESCE(o.edits, 0), "
        + "COALESCE(o.user_s, 0), COALESCE(o.cli_s, 0), b.pre_n, b.r1, b.r2, b.r3, b.r4, b.r5, b.r6, b.r7, h.hollow, "
        + "b.tools, COALESCE(t.thin, 0), b.shaped, COALESCE(sh.rep, 0), b.spaced, COALESCE(bb.pair, 0), COALESCE(bb.band, -1), "
        + "b.tiny_tokens, b.s1, b.s2, b.s3, b.s4, b.s5, b.s6, b.s7, b.pre_s "
        + "FROM base b JOIN hours h ON h.person = b.person AND h.week = b.week "
        + "LEFT JOIN hash_stats s ON s.person = b.person AND s.week = b.week "
        + "LEFT JOIN outc o ON o.person = b.person AND o.week = b.week "
        + "LEFT JOIN thin t ON t.person = b.person AND t.week = b.week "
        + "LEFT JOIN shapes sh ON sh.person = b.person AND sh.week = b.week "
        + "LEFT JOIN best bb ON bb.person = b.person AND bb.week = b.week AND bb.rn = 1 ORDER BY b.person, b.week";
    OffsetDateTime f = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
    OffsetDateTime t = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
    return new Sql(sql, List.of(f, t, f, t));
  }
}
