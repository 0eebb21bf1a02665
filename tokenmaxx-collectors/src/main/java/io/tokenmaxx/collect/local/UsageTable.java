package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;

/**
 * The deduplicated, priced usage of a scan, column by column: what reports aggregate without
 * building an object per request. {@link #record(int)} materializes any row as a
 * {@link UsageRecord}, and {@link #records()} is the same table as a list. Strings (tools, models,
 * sessions, projects, price references) are interned: {@code *Id} accessors return indexes into
 * {@link #string(int)}.
 *
 * <p>Token columns are disjoint as in {@link UsageRecord}. The computed cost is in pico-dollars
 * ({@link #computedCostPicos}) unless it is not a whole number of them, then it is only available
 * as {@link #computedCost(int)}.
 */
public final class UsageTable {
  /** {@link #computedCostPicos} of a row without a price. */
  public static final long UNPRICED = Long.MIN_VALUE + 1;
  /** {@link #computedCostPicos} of a row whose cost is kept as a BigDecimal only. */
  public static final long NOT_PICOS = Long.MIN_VALUE;

  final String[] strings;
  final int size;
  final long[] timestamp, input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning, costPicos;
  final int[] tool, model, session, project, priceRef, flags;
  /** Sparse: costs not representable in picos, and reported costs (null where none). */
  final BigDecimal[] costExact, reported;
  /** Where each row came from, for its id. */
  final List<FileScan> files;
  final int[] file, row;
  final RawIdentity identity;
  /** The records themselves when the table was built from records ({@link RecordTable}), else null. */
  final List<UsageRecord> sourceRecords;

  UsageTable(String[] strings, int size, long[] timestamp, long[] input, long[] output, long[] cacheRead,
      long[] cacheWrite5m, long[] cacheWrite1h, long[] reasoning, long[] costPicos, int[] tool, int[] model,
      int[] session, int[] project, int[] priceRef, int[] flags, BigDecimal[] costExact, BigDecimal[] reported,
      List<FileScan> files, int[] file, int[] row, RawIdentity identity) {
    this(strings, size, timestamp, input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning,
        costPicos, tool, model, session, project, priceRef, flags, costExact, reported, files, file, row,
        identity, null);
  }

  UsageTable(String[] strings, int size, long[] timestamp, long[] input, long[] output, long[] cacheRead,
      long[] cacheWrite5m, long[] cacheWrite1h, long[] reasoning, long[] costPicos, int[] tool, int[] model,
      int[] session, int[] project, int[] priceRef, int[] flags, BigDecimal[] costExact, BigDecimal[] reported,
      List<FileScan> files, int[] file, int[] row, RawIdentity identity, List<UsageRecord> sourceRecords) {
    this.sourceRecords = sourceRecords;
    this.strings = strings;
    this.size = size;
    this.timestamp = timestamp;
    this.input = input;
    this.output = output;
    this.cacheRead = cacheRead;
    this.cacheWrite5m = cacheWrite5m;
    this.cacheWrite1h = cacheWrite1h;
    this.reasoning = reasoning;
    this.costPicos = costPicos;
    this.tool = tool;
    this.model = model;
    this.session = session;
    this.project = project;
    this.priceRef = priceRef;
    this.flags = flags;
    this.costExact = costExact;
    this.reported = reported;
    this.files = files;
    this.file = file;
    this.row = row;
    this.identity = identity;
  }

  public int size() { return size; }
  public String string(int id) { return id < 0 ? null : strings[id]; }
  /** Number of interned strings: ids range over {@code [0, stringCount())}. */
  public int stringCount() { return strings.length; }

  public long timestampMillis(int i) { return timestamp[i]; }
  public int toolId(int i) { return tool[i]; }
  public int modelId(int i) { return model[i]; }
  /** Session ids are unique per tool and project, not globally. */
  public int sessionId(int i) { return session[i]; }
  /** -1 when the record has no project. */
  public int projectId(int i) { return project[i]; }
  public long inputTokens(int i) { return input[i]; }
  public long outputTokens(int i) { return output[i]; }
  public long cacheReadTokens(int i) { return cacheRead[i]; }
  public long cacheWrite5mTokens(int i) { return cacheWrite5m[i]; }
  public long cacheWrite1hTokens(int i) { return cacheWrite1h[i]; }
  public long reasoningTokens(int i) { return reasoning[i]; }
  public boolean priced(int i) { return costPicos[i] != UNPRICED; }
  /** The computed cost in pico-dollars, {@link #UNPRICED}, or {@link #NOT_PICOS}. */
  public long computedCostPicos(int i) { return costPicos[i]; }

  /** The computed cost, null when the model has no price. */
  public BigDecimal computedCost(int i) {
    long p = costPicos[i];
    if (p == UNPRICED) return null;
    return p == NOT_PICOS ? costExact[i] : BigDecimal.valueOf(p, 12);
  }

  /** The cost the log reported, null when none. */
  public BigDecimal reportedCost(int i) { return reported == null ? null : reported[i]; }
  /** True when the log named no model and one was assumed (Codex's fallback). */
  public boolean fallbackModel(int i) { return (flags[i] & EntryTable.FALLBACK_MODEL) != 0; }
  public String priceRef(int i) { return string(priceRef[i]); }

  /** Row {@code i} as a record. */
  public UsageRecord record(int i) {
    if (sourceRecords != null) return sourceRecords.get(i);
    FileScan fs = files.get(file[i]);
    return UsageRecord.builder()
        .id(TableBuilder.id(fs, row[i]))
        .timestamp(Instant.ofEpochMilli(timestamp[i]))
        .source(io.tokenmaxx.model.Sources.LOCAL_LOG)
        .tool(strings[tool[i]])
        .provider(TableBuilder.provider(fs, row[i]))
        .model(string(model[i]))
        .identity(identity)
        .sessionId(string(session[i]))
        .project(string(project[i]))
        .inputTokens(input[i])
        .outputTokens(output[i])
        .cacheReadTokens(cacheRead[i])
        .cacheWrite5mTokens(cacheWrite5m[i])
        .cacheWrite1hTokens(cacheWrite1h[i])
        .reasoningTokens(reasoning[i])
        .requests(1)
        .reportedCost(reportedCost(i))
        .computedCost(computedCost(i))
        .priceRef(priceRef(i))
        .status((flags[i] & EntryTable.API_ERROR) != 0 ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK)
        .build();
  }

  /** The table as records, materialized as they are read. */
  public List<UsageRecord> records() {
    return new AbstractList<>() {
      @Override
      public UsageRecord get(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return record(i);
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
