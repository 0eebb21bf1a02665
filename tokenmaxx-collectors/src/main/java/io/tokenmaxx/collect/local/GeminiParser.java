package io.tokenmaxx.collect.local;

/**
 * Gemini CLI chat logs under {@code ~/.gemini/tmp/<project>/chats/}: a {@code .json} conversation
 * ({@code sessionId}, {@code startTime}, {@code messages[]}) rewritten as it grows, or a
 * {@code .jsonl} log of the same records where a later copy of a message id replaces the earlier.
 * A {@code gemini} message's {@code tokens} are Gemini's usage metadata: {@code input} includes
 * {@code cached} (when the {@code total} says so), {@code thoughts} are reasoning, {@code tool} is
 * input for tool use. Files are small and parsed whole.
 */
final class GeminiParser {
  private static final byte[] MESSAGES = JsonCursor.ascii("messages");
  private static final byte[] TYPE = JsonCursor.ascii("type");
  private static final byte[] ID = JsonCursor.ascii("id");
  private static final byte[] MODEL = JsonCursor.ascii("model");
  private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
  private static final byte[] START_TIME = JsonCursor.ascii("startTime");
  private static final byte[] SESSION_ID = JsonCursor.ascii("sessionId");
  private static final byte[] TOKENS = JsonCursor.ascii("tokens");
  private static final String[][] TOKEN_KEYS = {
      {"input", "prompt", "input_tokens", "prompt_tokens"},
      {"output", "candidates", "output_tokens", "candidates_tokens"},
      {"cached", "cached_tokens"},
      {"thoughts", "reasoning", "thoughts_tokens", "reasoning_tokens"},
      {"tool", "tool_tokens"},
      {"total", "total_tokens"}};
  private static final byte[][][] TOKEN_KEY_BYTES = new byte[TOKEN_KEYS.length][][];

  static {
    for (int k = 0; k < TOKEN_KEYS.length; k++) {
      TOKEN_KEY_BYTES[k] = new byte[TOKEN_KEYS[k].length][];
      for (int j = 0; j < TOKEN_KEYS[k].length; j++) TOKEN_KEY_BYTES[k][j] = JsonCursor.ascii(TOKEN_KEYS[k][j]);
    }
  }

  private final JsonCursor c = new JsonCursor();
  private String session;
  private String model;
  private long defaultTime;
  private final long[] tokens = new long[6];
  private final boolean[] seen = new boolean[6];

  /** Parses a whole file's bytes; returns the number of malformed lines (JSONL) or documents. */
  int parse(byte[] b, boolean jsonl, long fallbackTime, EntryTable t, StringPool pool) {
    session = null;
    model = null;
    defaultTime = fallbackTime;
    int malformed = 0;
    if (!jsonl) {
      try {
        c.reset(b, 0, b.length);
        record(t, pool, true);
      } catch (JsonCursor.Malformed m) {
        malformed++;
      }
      return malformed;
    }
    int s = 0;
    while (s < b.length) {
      int e = Bytes.indexOfNewline(b, s, b.length);
      if (e < 0) e = b.length;
      int ws = s;
      while (ws < e && (b[ws] == ' ' || b[ws] == '\r' || b[ws] == '\t')) ws++;
      if (ws < e) {
        try {
          c.reset(b, ws, e);
          record(t, pool, false);
        } catch (JsonCursor.Malformed m) {
          malformed++;
        }
      }
      s = e + 1;
    }
    return malformed;
  }

  /** One JSON object: a conversation (with messages) or a single message record. */
  private void record(EntryTable t, StringPool pool, boolean document) {
    if (!c.atObject()) throw JsonCursor.malformed();
    c.beginObject();
    String type = null, id = null, recModel = null;
    long ts = IsoTimestamps.INVALID;
    boolean hasTokens = false;
    while (c.nextKey()) {
      if (c.key(MESSAGES) && c.atArray()) {
        c.beginArray();
        while (c.nextElement()) record(t, pool, false);
      } else if (c.key(SESSION_ID)) {
        String v = c.stringValue();
        if (v != null && !v.isBlank()) session = v;
      } else if (c.key(START_TIME)) {
        long v = time(c.stringValue());
        if (v != IsoTimestamps.INVALID) defaultTime = v;
      } else if (c.key(TYPE)) {
        type = c.stringValue();
      } else if (c.key(ID)) {
        id = c.stringValue();
      } else if (c.key(MODEL)) {
        String v = c.stringValue();
        if (v != null && !v.isBlank()) recModel = v;
      } else if (c.key(TIMESTAMP)) {
        ts = time(c.stringValue());
      } else if (c.key(TOKENS) && c.atObject()) {
        hasTokens = tokens();
      } else {
        c.skipValue();
      }
    }
    if (recModel != null && !"gemini".equals(type)) model = recModel;
    if (!"gemini".equals(type) || !hasTokens) return;
    String m = recModel != null ? recModel : model;
    if (m == null) return;
    add(t, pool, m, id, ts == IsoTimestamps.INVALID ? defaultTime : ts);
  }

  private boolean tokens() {
    java.util.Arrays.fill(tokens, 0);
    java.util.Arrays.fill(seen, false);
    c.beginObject();
    outer:
    while (c.nextKey()) {
      for (int k = 0; k < TOKEN_KEY_BYTES.length; k++) {
        for (byte[] name : TOKEN_KEY_BYTES[k]) {
          if (c.key(name)) {
            long v = c.longValue();
            if (!seen[k] && v >= 0) {
              tokens[k] = v;
              seen[k] = true;
            }
            continue outer;
          }
        }
      }
      c.skipValue();
    }
    return true;
  }

  private void add(EntryTable t, StringPool pool, String m, String id, long ts) {
    long input = tokens[0], output = tokens[1], cached = tokens[2], thoughts = tokens[3], tool = tokens[4];
    boolean inclusive = cached > 0 && seen[5] && tokens[5] == input + output + thoughts + tool
        && tokens[5] != input + output + thoughts + tool + cached;
    long uncached = inclusive ? input - Math.min(input, cached) : input;
    long in = uncached + tool;
    long total = seen[5] ? tokens[5] : in + output + cached + thoughts;
    long missing = total - (in + output + cached + thoughts);
    if (missing > 0) {
      if (output == 0) output = missing;
      else thoughts += missing;
    }
    if (in == 0 && output == 0 && cached == 0 && thoughts == 0) return;
    int row = t.add();
    t.timestamp[row] = ts;
    t.input[row] = in;
    t.cacheRead[row] = cached;
    t.output[row] = output;
    t.reasoning[row] = thoughts;
    t.model[row] = pool.intern(m);
    String key = (session == null ? "" : session) + "\u0000" + (id == null ? ts + ":" + in + ":" + output : id);
    t.messageId[row] = pool.intern(key);
  }

  private static long time(String s) {
    return s == null ? IsoTimestamps.INVALID : IsoTimestamps.lenient(s);
  }
}
