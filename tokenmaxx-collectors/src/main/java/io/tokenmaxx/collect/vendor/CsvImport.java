package io.tokenmaxx.collect.vendor;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.Tools;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports what the vendors' consoles let people download as CSV. Cursor's usage export (one row per
 * event: {@code Date, [User,] Kind, Model, Max Mode, Input (w/ Cache Write), Input (w/o Cache
 * Write), Cache Read, Output Tokens, Total Tokens, Cost}) becomes the same records the Admin API
 * gives, with the same ids. Anthropic's and OpenAI's console exports are read by their header
 * (the columns are not publicly documented; the names recognized are listed in the module README)
 * into daily aggregates per identity, workspace or project and model. Rows that cannot be read are
 * reported with their line and column; every other row is imported.
 */
public final class CsvImport {
  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

  /** What an import read: records, and the rows it could not read (line: reason). */
  public record Result(List<UsageRecord> usage, List<String> errors) {}

  private CsvImport() {}

  /**
   * Reads a CSV export of {@code vendor}.
   *
   * @param identity the person the file belongs to when it has no user column (a personal export), else null
   */
  public static Result read(Vendor vendor, Reader csv, RawIdentity identity) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      while (it.hasNextValue()) rows.add(normalizeKeys(it.nextValue()));
    } catch (RuntimeException e) {
      throw new IOException("not a CSV file with a header row: " + e.getMessage(), e);
    }
    return switch (vendor) {
      case CURSOR -> cursor(rows, identity);
      case ANTHROPIC -> aggregates(rows, identity, "anthropic.console-csv", "anthropic", Aggregate.ANTHROPIC);
      case OPENAI -> aggregates(rows, identity, "openai.console-csv", "openai", Aggregate.OPENAI);
      case GITHUB_COPILOT -> throw new IllegalArgumentException(
          "GitHub Copilot has no CSV usage export to import; configure importers.github-copilot instead");
    };
  }

  private static Map<String, String> normalizeKeys(Map<String, String> row) {
    Map<String, String> out = new LinkedHashMap<>();
    row.forEach((k, v) -> out.put(column(k), v == null ? "" : v.strip()));
    return out;
  }

  /** {@code "Input (w/o Cache Write)"} → {@code input_w_o_cache_write}. */
  static String column(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static Result cursor(List<Map<String, String>> rows, RawIdentity fallback) {
    require(rows, "cursor", "date", "model", "input_w_cache_write", "input_w_o_cache_write", "cache_read", "output_tokens");
    List<UsageRecord> out = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      int line = i + 2;
      try {
        Instant at = instant(r.get("date"), "Date");
        String email = first(r, "user", "email", "user_email");
        RawIdentity who = email != null ? Rows.email(email) : fallback;
        if (who == null) throw new IllegalArgumentException("no User column and no identity given for the file");
        long withWrite = number(r, "input_w_cache_write", "Input (w/ Cache Write)");
        long input = number(r, "input_w_o_cache_write", "Input (w/o Cache Write)");
        long read = number(r, "cache_read", "Cache Read");
        long output = number(r, "output_tokens", "Output Tokens");
        long write = Math.max(0, withWrite - input);
        String model = r.get("model");
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        out.add(UsageRecord.builder()
            .id(CursorImporter.eventId(day, at.toEpochMilli(), who.kind() == RawIdentity.Kind.EMAIL ? who.value() : null,
                model, input, output, write, read, seen))
            .timestamp(at).source(Sources.IMPORT).tool(CursorImporter.TOOL).provider(Rows.providerOf(model)).model(model)
            .identity(who).inputTokens(input).outputTokens(output).cacheWrite5mTokens(write).cacheReadTokens(read)
            .requests(1).reportedCost(money(r.get("cost"))).build());
      } catch (RuntimeException e) {
        errors.add("line " + line + ": " + e.getMessage());
      }
    }
    return new Result(out, errors);
  }

  /** Column names (normalized) that Anthropic's and OpenAI's exports are read by. */
  enum Aggregate {
    ANTHROPIC(List.of("usage_input_tokens_no_cache", "input_tokens_no_cache", "uncached_input_tokens", "input_tokens"), false),
    OPENAI(List.of("input_tokens", "n_context_tokens_total"), true);

    final List<String> inputColumns;
    final boolean inputIncludesCached;

    Aggregate(List<String> inputColumns, boolean inputIncludesCached) {
      this.inputColumns = inputColumns;
      this.inputIncludesCached = inputIncludesCached;
    }
  }

  private static Result aggregates(List<Map<String, String>> rows, RawIdentity fallback, String stream, String provider,
      Aggregate kind) {
    require(rows, provider, "date|usage_date_utc|day|timestamp|start_time", "model|model_version");
    Map<List<String>, UsageRecord> sums = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      try {
        LocalDate day = LocalDate.ofInstant(instant(first(r, "date", "usage_date_utc", "day", "timestamp", "start_time"), "date"),
            ZoneOffset.UTC);
        String model = first(r, "model", "model_version");
        if (model == null) throw new IllegalArgumentException("model is empty");
        RawIdentity who = identity(r, provider, fallback);
        String project = first(r, "workspace_id", "workspace", "project_id", "project");
        long input = numberOf(r, kind.inputColumns);
        long cached = numberOf(r, List.of("usage_input_tokens_cache_read", "cache_read_input_tokens", "input_cached_tokens",
            "cached_input_tokens", "n_cached_context_tokens_total"));
        if (kind.inputIncludesCached) input = Math.max(0, input - cached);
        long write5m = numberOf(r, List.of("usage_input_tokens_cache_write_5m", "cache_creation_input_tokens",
            "ephemeral_5m_input_tokens", "cache_write_5m"));
        long write1h = numberOf(r, List.of("usage_input_tokens_cache_write_1h", "ephemeral_1h_input_tokens", "cache_write_1h"));
        long output = numberOf(r, List.of("usage_output_tokens", "output_tokens", "n_generated_tokens_total"));
        long requests = numberOf(r, List.of("num_model_requests", "requests", "n_requests"));
        BigDecimal cost = money(first(r, "cost_usd", "cost", "amount_usd"));
        List<String> key = List.of(day.toString(), String.valueOf(who), String.valueOf(project), model);
        UsageRecord add = UsageRecord.builder().id(ImportIds.of(stream, day, key.toArray()))
            .timestamp(Rows.noon(day)).source(Sources.IMPORT).tool(Tools.API).provider(provider).model(model).identity(who)
            .project(project).inputTokens(input).cacheReadTokens(cached).cacheWrite5mTokens(write5m).cacheWrite1hTokens(write1h)
            .outputTokens(output).requests((int) Math.min(Integer.MAX_VALUE, requests)).reportedCost(cost).build();
        sums.merge(key, add, CsvImport::plus);
      } catch (RuntimeException e) {
        errors.add("line " + (i + 2) + ": " + e.getMessage());
      }
    }
    return new Result(List.copyOf(sums.values()), errors);
  }

  private static UsageRecord plus(UsageRecord a, UsageRecord b) {
    BigDecimal cost = a.reportedCost() == null ? b.reportedCost() : b.reportedCost() == null ? a.reportedCost()
        : a.reportedCost().add(b.reportedCost());
    return a.toBuilder().inputTokens(a.inputTokens() + b.inputTokens()).cacheReadTokens(a.cacheReadTokens() + b.cacheReadTokens())
        .cacheWrite5mTokens(a.cacheWrite5mTokens() + b.cacheWrite5mTokens())
        .cacheWrite1hTokens(a.cacheWrite1hTokens() + b.cacheWrite1hTokens()).outputTokens(a.outputTokens() + b.outputTokens())
        .requests(a.requests() + b.requests()).reportedCost(cost).build();
  }

  private static RawIdentity identity(Map<String, String> r, String provider, RawIdentity fallback) {
    String email = first(r, "email", "user_email", "user");
    if (email != null && email.indexOf('@') > 0) return RawIdentity.email(email);
    String user = first(r, "user_id");
    if (user != null) return new RawIdentity(RawIdentity.Kind.USER_ID, provider + ":" + user);
    String key = first(r, "api_key_id", "api_key");
    if (key != null) return new RawIdentity(RawIdentity.Kind.API_KEY, provider + ":" + key);
    return fallback;
  }

  private static void require(List<Map<String, String>> rows, String vendor, String... columns) {
    if (rows.isEmpty()) return;
    List<String> missing = new ArrayList<>();
    for (String c : columns) {
      boolean any = false;
      for (String alt : c.split("\\|")) any |= rows.get(0).containsKey(alt);
      if (!any) missing.add(c.replace("|", " or "));
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("not a " + vendor + " usage export: missing column(s) " + missing
          + "; found " + rows.get(0).keySet());
    }
  }

  private static String first(Map<String, String> r, String... names) {
    for (String n : names) {
      String v = r.get(n);
      if (v != null && !v.isBlank()) return v;
    }
    return null;
  }

  private static long number(Map<String, String> r, String column, String header) {
    String v = r.get(column);
    if (v == null || v.isBlank()) return 0;
    try {
      return Math.max(0, new BigDecimal(v.replace(",", "")).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(header + " is not a whole number: '" + v + "'");
    }
  }

  private static long numberOf(Map<String, String> r, List<String> columns) {
    for (String c : columns) if (r.containsKey(c)) return number(r, c, c);
    return 0;
  }

  /** {@code $0.12}, {@code 0.12}, or a word such as {@code Included}: no cost. */
  private static BigDecimal money(String v) {
    if (v == null || v.isBlank()) return null;
    String s = v.replace("$", "").replace(",", "").strip();
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Instant instant(String v, String column) {
    if (v == null || v.isBlank()) throw new IllegalArgumentException(column + " is empty");
    String s = v.strip().replace("\"", "");
    try {
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(s).atTime(12, 0).toInstant(ZoneOffset.UTC);
      if (s.matches("\\d{12,14}")) return Instant.ofEpochMilli(Long.parseLong(s));
      if (s.matches("\\d{9,11}")) return Instant.ofEpochSecond(Long.parseLong(s));
      if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")) return Instant.parse(s);
      return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(column + " '" + v + "' is not a date or time");
    }
  }
}
