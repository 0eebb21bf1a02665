package io.tokenmaxx.collect.local;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns Codex CLI rollout lines into usage entries. {@code turn_context} lines set the model;
 * {@code event_msg} lines whose payload is a {@code token_count} carry
 * {@code info.last_token_usage} (this call) and {@code info.total_token_usage} (the session so
 * far). The delta is {@code last_token_usage}, else the difference of consecutive totals; a count
 * repeating the previous total exactly is the same call reported twice and is skipped. Codex
 * reports input including cached input and output including reasoning: both are split here.
 * Without any model before a count, the model is {@code gpt-5} and the entry is flagged as a
 * fallback (ccusage's rule), as is {@code codex-auto-review}, which maps to the newest model
 * released by the event's date.
 */
final class CodexLineParser {
  static final String FALLBACK_MODEL = "gpt-5";
  private static final String AUTO_REVIEW = "codex-auto-review";
  /** Release dates of the models {@code codex-auto-review} stands for, newest first. */
  private static final String[][] AUTO_REVIEW_MODELS = {
      {"2026-04-23", "gpt-5.5"}, {"2026-03-05", "gpt-5.4"}, {"2026-02-05", "gpt-5.3-codex"},
      {"2025-12-11", "gpt-5.2-codex"}, {"2025-11-13", "gpt-5.1-codex"}, {"2025-09-15", "gpt-5-codex"},
      {"2025-08-07", "gpt-5"}};

  private static final byte[] TYPE = JsonCursor.ascii("type");
  private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
  private static final byte[] PAYLOAD = JsonCursor.ascii("payload");
  private static final byte[] INFO = JsonCursor.ascii("info");
  private static final byte[] LAST = JsonCursor.ascii("last_token_usage");
  private static final byte[] TOTAL = JsonCursor.ascii("total_token_usage");
  private static final byte[] MODEL = JsonCursor.ascii("model");
  private static final byte[] MODEL_NAME = JsonCursor.ascii("model_name");
  private static final byte[] METADATA = JsonCursor.ascii("metadata");
  private static final byte[] CWD = JsonCursor.ascii("cwd");
  private static final String[][] USAGE_KEYS = {
      {"input_tokens", "prompt_tokens", "input"},
      {"cached_input_tokens", "cache_read_input_tokens", "cached_tokens"},
      {"output_tokens", "completion_tokens", "output"},
      {"reasoning_output_tokens", "reasoning_tokens"},
      {"total_tokens"}};
  private static final byte[][][] USAGE_KEY_BYTES = new byte[USAGE_KEYS.length][][];

  static {
    for (int i = 0; i < USAGE_KEYS.length; i++) {
      USAGE_KEY_BYTES[i] = new byte[USAGE_KEYS[i].length][];
      for (int j = 0; j < USAGE_KEYS[i].length; j++) USAGE_KEY_BYTES[i][j] = JsonCursor.ascii(USAGE_KEYS[i][j]);
    }
  }

  /** Parsing state carried from line to line of one file (and kept in the scan cache). */
  static final class State {
    final long[] previousTotal = new long[5];
    boolean hasPreviousTotal;
    /** Pool index of the current model, -1 when none yet. */
    int model = -1;
    boolean modelIsFallback;
    /** Pool index of the first working directory a turn context named, -1 when none yet. */
    int cwd = -1;

    State copy() {
      State s = new State();
      System.arraycopy(previousTotal, 0, s.previousTotal, 0, 5);
      s.hasPreviousTotal = hasPreviousTotal;
      s.model = model;
      s.modelIsFallback = modelIsFallback;
      s.cwd = cwd;
      return s;
    }
  }

  private final JsonCursor c = new JsonCursor();
  private final long[] last = new long[5];
  private final long[] total = new long[5];
  private final long[][] fields = new long[5][3];
  private boolean hasLast;
  private boolean hasTotal;
  private String type;
  private String payloadType;
  private String payloadModel;
  private String infoModel;
  private String cwd;
  private long tsMillis;
  private boolean tsPresent;
  /** An event whose payload type is not a token count, known before its payload was read. */
  private boolean rejected;

  LineStatus parse(byte[] b, int s, int e, EntryTable t, StringPool pool, State st) {
    type = payloadType = payloadModel = infoModel = cwd = null;
    rejected = false;
    hasLast = hasTotal = false;
    tsPresent = false;
    tsMillis = IsoTimestamps.INVALID;
    try {
      c.reset(b, s, e);
      if (c.peek() != '{') return LineStatus.MALFORMED;
      c.beginObject();
      while (c.nextKey()) {
        if (c.key(TYPE)) {
          type = c.stringValue();
          // only turn contexts (the model) and events (token counts) matter: any other type is
          // rejected as soon as it is read (Codex writes it before the payload)
          if (!"event_msg".equals(type) && !"turn_context".equals(type)) return LineStatus.NOT_USAGE;
        } else if (c.key(TIMESTAMP)) timestamp();
        else if (c.key(PAYLOAD)) {
          payload();
          if (rejected) return LineStatus.NOT_USAGE;
        } else c.skipValue();
      }
    } catch (JsonCursor.Malformed m) {
      return LineStatus.MALFORMED;
    }
    if ("turn_context".equals(type)) {
      if (payloadModel != null) {
        st.model = pool.intern(payloadModel);
        st.modelIsFallback = false;
      }
      if (cwd != null && st.cwd < 0) st.cwd = pool.intern(cwd);
      return LineStatus.NOT_USAGE;
    }
    if (!"event_msg".equals(type) || !"token_count".equals(payloadType)) return LineStatus.NOT_USAGE;
    if (!tsPresent) return LineStatus.INVALID;
    long in, cached, out, reasoning, tot;
    if (hasTotal && st.hasPreviousTotal && Arrays.equals(total, st.previousTotal)) {
      return LineStatus.NOT_USAGE; // the same total reported again
    }
    if (hasLast) {
      in = last[0];
      cached = last[1];
      out = last[2];
      reasoning = last[3];
      tot = last[4];
    } else if (hasTotal) {
      long[] p = st.hasPreviousTotal ? st.previousTotal : new long[5];
      in = Math.max(0, total[0] - p[0]);
      cached = Math.max(0, total[1] - p[1]);
      out = Math.max(0, total[2] - p[2]);
      reasoning = Math.max(0, total[3] - p[3]);
      tot = Math.max(0, total[4] - p[4]);
    } else {
      return LineStatus.NOT_USAGE;
    }
    if (hasTotal) {
      System.arraycopy(total, 0, st.previousTotal, 0, 5);
      st.hasPreviousTotal = true;
    }
    if (in == 0 && cached == 0 && out == 0 && reasoning == 0) return LineStatus.NOT_USAGE;
    if (tsMillis == IsoTimestamps.INVALID) return LineStatus.INVALID;

    String parsed = payloadModel != null ? payloadModel : infoModel;
    boolean fallback = false;
    int modelIdx;
    if (parsed != null) {
      modelIdx = pool.intern(parsed);
      st.model = modelIdx;
      st.modelIsFallback = false;
    } else if (st.model >= 0) {
      modelIdx = st.model;
      fallback = st.modelIsFallback;
    } else {
      modelIdx = pool.intern(FALLBACK_MODEL);
      st.model = modelIdx;
      st.modelIsFallback = true;
      fallback = true;
    }
    if (AUTO_REVIEW.equals(pool.get(modelIdx))) {
      modelIdx = pool.intern(autoReviewModel(tsMillis));
      fallback = true;
    }
    cached = Math.min(cached, in);
    reasoning = Math.min(reasoning, out);
    int row = t.add();
    t.timestamp[row] = tsMillis;
    t.model[row] = modelIdx;
    t.input[row] = in - cached;
    t.cacheRead[row] = cached;
    t.output[row] = out - reasoning;
    t.reasoning[row] = reasoning;
    t.flags[row] = fallback ? EntryTable.FALLBACK_MODEL : 0;
    return LineStatus.USAGE;
  }

  static String autoReviewModel(long tsMillis) {
    String date = java.time.Instant.ofEpochMilli(tsMillis).toString().substring(0, 10);
    for (String[] m : AUTO_REVIEW_MODELS) if (date.compareTo(m[0]) >= 0) return m[1];
    return FALLBACK_MODEL;
  }

  private void timestamp() {
    int p = c.peek();
    if (p == '"') {
      long raw = c.rawString();
      int s = (int) (raw >>> 32);
      int e = (int) raw;
      while (s < e && c.b[s] == ' ') s++;
      while (e > s && c.b[e - 1] == ' ') e--;
      if (s == e) return;
      tsPresent = true;
      tsMillis = IsoTimestamps.strict(c.b, s, e);
      if (tsMillis == IsoTimestamps.INVALID) {
        tsMillis = IsoTimestamps.lenient(new String(c.b, s, e - s, StandardCharsets.UTF_8));
      }
    } else if (p >= '0' && p <= '9') {
      long v = c.longValue();
      if (v >= 0) {
        tsPresent = true;
        tsMillis = IsoTimestamps.fromNumber(v);
      }
    } else {
      c.skipValue();
    }
  }

  private void payload() {
    if (!c.atObject()) {
      c.skipValue();
      return;
    }
    String model = null, modelName = null, metaModel = null;
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(TYPE)) {
        payloadType = c.stringValue();
        if ("event_msg".equals(type) && !"token_count".equals(payloadType)) {
          rejected = true;
          return;
        }
      } else if (c.key(INFO)) info();
      else if (c.key(MODEL)) model = nonEmpty(c.stringValue());
      else if (c.key(MODEL_NAME)) modelName = nonEmpty(c.stringValue());
      else if (c.key(METADATA)) metaModel = metadataModel();
      else if (c.key(CWD)) cwd = nonEmpty(c.stringValue());
      else c.skipValue();
    }
    payloadModel = model != null ? model : modelName != null ? modelName : metaModel;
  }

  private void info() {
    if (!c.atObject()) {
      c.skipValue();
      return;
    }
    String model = null, modelName = null, metaModel = null;
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(LAST)) hasLast = usage(last);
      else if (c.key(TOTAL)) hasTotal = usage(total);
      else if (c.key(MODEL)) model = nonEmpty(c.stringValue());
      else if (c.key(MODEL_NAME)) modelName = nonEmpty(c.stringValue());
      else if (c.key(METADATA)) metaModel = metadataModel();
      else c.skipValue();
    }
    infoModel = model != null ? model : modelName != null ? modelName : metaModel;
  }

  private String metadataModel() {
    if (!c.atObject()) {
      c.skipValue();
      return null;
    }
    String m = null;
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(MODEL)) m = nonEmpty(c.stringValue());
      else c.skipValue();
    }
    return m;
  }

  /** Reads a usage object into {@code out}; false when the value is not an object. */
  private boolean usage(long[] out) {
    if (!c.atObject()) {
      c.skipValue();
      return false;
    }
    for (long[] f : fields) Arrays.fill(f, -1);
    c.beginObject();
    outer:
    while (c.nextKey()) {
      for (int i = 0; i < USAGE_KEY_BYTES.length; i++) {
        for (int j = 0; j < USAGE_KEY_BYTES[i].length; j++) {
          if (c.key(USAGE_KEY_BYTES[i][j])) {
            fields[i][j] = c.longValue();
            continue outer;
          }
        }
      }
      c.skipValue();
    }
    for (int i = 0; i < 4; i++) out[i] = first(fields[i]);
    long sum = out[0] + out[2] + out[3];
    long t = fields[4][0];
    out[4] = t > 0 || (t == 0 && sum == 0) ? t : sum;
    return true;
  }

  private static long first(long[] candidates) {
    for (long v : candidates) if (v >= 0) return v;
    return 0;
  }

  private static String nonEmpty(String s) {
    if (s == null) return null;
    String t = s.trim();
    return t.isEmpty() ? null : t;
  }
}
