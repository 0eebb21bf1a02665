package io.tokenmaxx.collect.local;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.pricing.PriceCatalog;
import io.tokenmaxx.pricing.PriceMatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link UsageTable} from the entries deduplication kept: drops synthetic messages,
 * names models as reports show them (fast mode as {@code -fast}, ccusage's convention), derives
 * session and project, and prices every row with the catalog price in force at its time.
 */
final class TableBuilder {
  static final String SYNTHETIC = "<synthetic>";
  static final String ASSUMED_MODEL = "model assumed, the log names none; ";

  private final PriceCatalog catalog;
  private final RawIdentity identity;
  private final List<String> strings = new ArrayList<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<FileScan> files = new ArrayList<>();
  private int size;
  private long[] timestamp, input, output, cacheRead, cacheWrite5m, cacheWrite1h, reasoning, costPicos;
  private int[] tool, model, session, project, priceRef, flags, file, row;
  private BigDecimal[] costExact, reported;
  long unpriced;
  long fallback;

  TableBuilder(PriceCatalog catalog, RawIdentity identity, int capacity) {
    this.catalog = catalog;
    this.identity = identity;
    int n = Math.max(16, capacity);
    timestamp = new long[n];
    input = new long[n];
    output = new long[n];
    cacheRead = new long[n];
    cacheWrite5m = new long[n];
    cacheWrite1h = new long[n];
    reasoning = new long[n];
    costPicos = new long[n];
    tool = new int[n];
    model = new int[n];
    session = new int[n];
    project = new int[n];
    priceRef = new int[n];
    flags = new int[n];
    file = new int[n];
    row = new int[n];
  }

  int intern(String s) {
    if (s == null) return -1;
    Integer id = ids.get(s);
    if (id == null) {
      id = strings.size();
      strings.add(s);
      ids.put(s, id);
    }
    return id;
  }

  /** Adds the kept entries {@code (fileIdx[k], rowIdx[k])} of {@code scans}. */
  void add(List<FileScan> scans, int[] fileIdx, int[] rowIdx, int count) {
    int base = files.size();
    files.addAll(scans);
    int[][] modelIds = new int[scans.size()][];
    int[] toolIds = new int[scans.size()];
    int[] sessionIds = new int[scans.size()];
    int[] projectIds = new int[scans.size()];
    for (int f = 0; f < scans.size(); f++) {
      FileScan fs = scans.get(f).load();
      toolIds[f] = intern(fs.file.tool());
      sessionIds[f] = intern(fs.file.sessionId());
      projectIds[f] = intern(fs.file.format() == LogFile.Format.CODEX ? codexProject(fs) : fs.file.project());
    }
    for (int k = 0; k < count; k++) {
      int f = fileIdx[k];
      int r = rowIdx[k];
      FileScan fs = scans.get(f);
      EntryTable t = fs.entries;
      int m = t.model[r];
      int[] map = modelIds[f];
      if (map == null) {
        map = modelIds[f] = new int[fs.pool.size()];
        Arrays.fill(map, Integer.MIN_VALUE);
      }
      int modelId;
      if (m < 0) {
        modelId = intern(io.tokenmaxx.model.UsageRecord.UNKNOWN_MODEL);
      } else {
        if (map[m] == Integer.MIN_VALUE) {
          String name = fs.pool.get(m);
          map[m] = SYNTHETIC.equals(name) ? -2 : intern(name);
        }
        modelId = map[m];
        if (modelId == -2) continue; // synthetic error messages carry no usage
        if ((t.flags[r] & EntryTable.FAST) != 0) modelId = intern(strings.get(modelId) + "-fast");
      }
      int i = append();
      timestamp[i] = t.timestamp[r];
      input[i] = t.input[r];
      output[i] = t.output[r];
      cacheRead[i] = t.cacheRead[r];
      cacheWrite5m[i] = t.cacheWrite5m[r];
      cacheWrite1h[i] = t.cacheWrite1h[r];
      reasoning[i] = t.reasoning[r];
      tool[i] = toolIds[f];
      model[i] = modelId;
      session[i] = sessionIds[f];
      project[i] = projectIds[f];
      if (fs.file.format().agent() != null) {
        // one file may hold many sessions: session and project are the entry's own
        String context = t.requestId[r] < 0 ? "" : fs.pool.get(t.requestId[r]);
        project[i] = intern(AgentSource.contextPart(context, 1));
        session[i] = intern(AgentSource.contextPart(context, 2));
      }
      flags[i] = t.flags[r];
      file[i] = base + f;
      row[i] = r;
      if (t.reportedCost[r] >= 0) {
        try {
          reported()[i] = new BigDecimal(fs.pool.get(t.reportedCost[r]));
        } catch (NumberFormatException e) {
          // not a number: no reported cost
        }
      }
      price(i, modelId);
    }
  }

  private void price(int i, int modelId) {
    boolean assumed = (flags[i] & EntryTable.FALLBACK_MODEL) != 0;
    if (assumed) fallback++;
    PriceMatch p = catalog.find(strings.get(modelId), Instant.ofEpochMilli(timestamp[i]));
    if (p == null) {
      unpriced++;
      costPicos[i] = UsageTable.UNPRICED;
      priceRef[i] = assumed ? intern(ASSUMED_MODEL + "no price") : -1;
      return;
    }
    long picos = p.costPicos(input[i], output[i] + reasoning[i], cacheRead[i], cacheWrite5m[i], cacheWrite1h[i]);
    if (picos == PriceMatch.NOT_EXACT) {
      costPicos[i] = UsageTable.NOT_PICOS;
      costExact()[i] = p.cost(input[i], output[i] + reasoning[i], cacheRead[i], cacheWrite5m[i], cacheWrite1h[i]);
    } else {
      costPicos[i] = picos;
    }
    priceRef[i] = intern(assumed ? ASSUMED_MODEL + p.ref() : p.ref());
  }

  private BigDecimal[] reported() {
    if (reported == null || reported.length < timestamp.length) {
      reported = reported == null ? new BigDecimal[timestamp.length] : Arrays.copyOf(reported, timestamp.length);
    }
    return reported;
  }

  private BigDecimal[] costExact() {
    if (costExact == null || costExact.length < timestamp.length) {
      costExact = costExact == null ? new BigDecimal[timestamp.length] : Arrays.copyOf(costExact, timestamp.length);
    }
    return costExact;
  }

  private int append() {
    if (size == timestamp.length) {
      int n = size * 2;
      timestamp = Arrays.copyOf(timestamp, n);
      input = Arrays.copyOf(input, n);
      output = Arrays.copyOf(output, n);
      cacheRead = Arrays.copyOf(cacheRead, n);
      cacheWrite5m = Arrays.copyOf(cacheWrite5m, n);
      cacheWrite1h = Arrays.copyOf(cacheWrite1h, n);
      reasoning = Arrays.copyOf(reasoning, n);
      costPicos = Arrays.copyOf(costPicos, n);
      tool = Arrays.copyOf(tool, n);
      model = Arrays.copyOf(model, n);
      session = Arrays.copyOf(session, n);
      project = Arrays.copyOf(project, n);
      priceRef = Arrays.copyOf(priceRef, n);
      flags = Arrays.copyOf(flags, n);
      file = Arrays.copyOf(file, n);
      row = Arrays.copyOf(row, n);
      if (reported != null) reported = Arrays.copyOf(reported, n);
      if (costExact != null) costExact = Arrays.copyOf(costExact, n);
    }
    return size++;
  }

  int size() {
    return size;
  }

  UsageTable build() {
    if (reported != null && reported.length < timestamp.length) reported = Arrays.copyOf(reported, timestamp.length);
    if (costExact != null && costExact.length < timestamp.length) costExact = Arrays.copyOf(costExact, timestamp.length);
    return new UsageTable(strings.toArray(new String[0]), size, timestamp, input, output, cacheRead, cacheWrite5m,
        cacheWrite1h, reasoning, costPicos, tool, model, session, project, priceRef, flags, costExact, reported,
        List.copyOf(files), file, row, identity);
  }

  /** The provider of entry {@code r} of {@code fs}: the format's, or what the entry names. */
  static String provider(FileScan fs, int r) {
    return switch (fs.file.format()) {
      case CLAUDE -> "anthropic";
      case CODEX -> "openai";
      case GEMINI -> "google";
      case QWEN -> "alibaba";
      default -> {
        fs.load();
        int c = fs.entries.requestId[r];
        yield c < 0 ? null : AgentSource.contextPart(fs.pool.get(c), 0);
      }
    };
  }

  /** The stable record id: the dedupe key, so re-scans and other machines agree on it. */
  static String id(FileScan fs, int r) {
    fs.load();
    EntryTable t = fs.entries;
    StringPool pool = fs.pool;
    boolean codex = fs.file.format() == LogFile.Format.CODEX;
    if (fs.file.format() == LogFile.Format.GEMINI || fs.file.format() == LogFile.Format.QWEN
        || fs.file.format().agent() != null) {
      return fs.file.tool() + ":" + pool.get(t.messageId[r]).replace('\u0000', ':');
    }
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
  static String codexProject(FileScan fs) {
    if (fs.state == null || fs.state.cwd < 0) return null;
    return projectName(fs.pool.get(fs.state.cwd));
  }

  /** {@code /home/me/src/app} becomes {@code -home-me-src-app}, Claude Code's project folder name. */
  static String projectName(String cwd) {
    StringBuilder sb = new StringBuilder(cwd.length());
    for (int i = 0; i < cwd.length(); i++) {
      char c = cwd.charAt(i);
      sb.append(Character.isLetterOrDigit(c) || c == '-' ? c : '-');
    }
    return sb.toString();
  }
}
