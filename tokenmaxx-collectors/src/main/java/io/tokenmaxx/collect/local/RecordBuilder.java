package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.pricing.PriceMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Turns kept entries into {@link UsageRecord}s: stable ids (the dedupe key, so a re-scan yields
 * the same ids), provider, the model as reports show it (fast mode as {@code -fast}, ccusage's
 * convention), session, project, identity, reported cost and the catalog cost with its provenance.
 */
final class RecordBuilder {
  static final String SYNTHETIC = "<synthetic>";
  static final String ASSUMED_MODEL = "model assumed, the log names none; ";

  private final PriceCatalog catalog;
  private final RawIdentity identity;
  long unpriced;
  long fallback;

  RecordBuilder(PriceCatalog catalog, RawIdentity identity) {
    this.catalog = catalog;
    this.identity = identity;
  }

  /** Adds the records of the kept entries {@code (file[i], row[i])} to {@code out}. */
  void build(List<FileScan> files, int[] file, int[] row, int size, List<UsageRecord> out) {
    for (int i = 0; i < size; i++) {
      UsageRecord r = record(files.get(file[i]), row[i]);
      if (r != null) out.add(r);
    }
  }

  private UsageRecord record(FileScan fs, int r) {
    EntryTable t = fs.entries;
    StringPool pool = fs.pool;
    String model = t.model[r] < 0 ? null : pool.get(t.model[r]);
    if (SYNTHETIC.equals(model)) return null;
    int flags = t.flags[r];
    if (model != null && (flags & EntryTable.FAST) != 0) model = model + "-fast";
    LogFile f = fs.file;
    boolean codex = f.format() == LogFile.Format.CODEX;
    long ts = t.timestamp[r];
    Instant at = Instant.ofEpochMilli(ts);
    UsageRecord.Builder b = UsageRecord.builder()
        .id(id(fs, r, codex))
        .timestamp(at)
        .source(Sources.LOCAL_LOG)
        .tool(f.tool())
        .provider(codex ? "openai" : "anthropic")
        .model(model)
        .identity(identity)
        .sessionId(f.sessionId())
        .project(codex ? codexProject(fs) : f.project())
        .inputTokens(t.input[r])
        .outputTokens(t.output[r])
        .cacheReadTokens(t.cacheRead[r])
        .cacheWrite5mTokens(t.cacheWrite5m[r])
        .cacheWrite1hTokens(t.cacheWrite1h[r])
        .reasoningTokens(t.reasoning[r])
        .requests(1)
        .status((flags & EntryTable.API_ERROR) != 0 ? UsageRecord.STATUS_ERROR : UsageRecord.STATUS_OK);
    if (t.reportedCost[r] >= 0) {
      try {
        b.reportedCost(new BigDecimal(pool.get(t.reportedCost[r])));
      } catch (NumberFormatException e) {
        // not a number: no reported cost
      }
    }
    PriceMatch price = model == null ? null : catalog.find(model, at);
    boolean assumed = (flags & EntryTable.FALLBACK_MODEL) != 0;
    if (assumed) fallback++;
    if (price != null) {
      b.computedCost(price.cost(t.input[r], t.output[r] + t.reasoning[r], t.cacheRead[r],
          t.cacheWrite5m[r], t.cacheWrite1h[r]));
      b.priceRef(assumed ? ASSUMED_MODEL + price.ref() : price.ref());
    } else {
      unpriced++;
      if (assumed) b.priceRef(ASSUMED_MODEL + "no price");
    }
    return b.build();
  }

  private static String id(FileScan fs, int r, boolean codex) {
    EntryTable t = fs.entries;
    StringPool pool = fs.pool;
    if (!codex && t.messageId[r] >= 0) {
      return "claude-code:" + pool.get(t.messageId[r]) + ":" + (t.requestId[r] < 0 ? "-" : pool.get(t.requestId[r]));
    }
    long h = 1125899906842597L;
    h = 31 * h + t.timestamp[r];
    h = 31 * h + (t.model[r] < 0 ? 0 : pool.hash64(t.model[r]));
    h = 31 * h + t.input[r];
    h = 31 * h + t.output[r];
    h = 31 * h + t.cacheRead[r];
    h = 31 * h + t.cacheWrite5m[r];
    h = 31 * h + t.cacheWrite1h[r];
    h = 31 * h + t.reasoning[r];
    String prefix = codex ? "codex:" : "claude-code:" + fs.file.sessionId() + ":";
    return prefix + Long.toHexString(t.timestamp[r]) + "-" + Long.toHexString(h);
  }

  /** A Codex session's project: its working directory, spelled as Claude Code names projects. */
  private static String codexProject(FileScan fs) {
    if (fs.state == null || fs.state.cwd < 0) return null;
    return projectName(fs.pool.get(fs.state.cwd));
  }

  /** {@code /home/me/work/app} becomes {@code -home-me-work-app}, Claude Code's project folder name. */
  static String projectName(String cwd) {
    StringBuilder sb = new StringBuilder(cwd.length());
    for (int i = 0; i < cwd.length(); i++) {
      char c = cwd.charAt(i);
      sb.append(Character.isLetterOrDigit(c) || c == '-' ? c : '-');
    }
    return sb.toString();
  }
}
