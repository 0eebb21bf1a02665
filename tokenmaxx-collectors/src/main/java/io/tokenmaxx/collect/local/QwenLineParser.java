package io.tokenmaxx.collect.local;

/**
 * Qwen Code chat logs ({@code ~/.qwen/projects/<project>/chats/<session>.jsonl}): an
 * {@code assistant} record carries {@code usageMetadata} in Gemini's shape —
 * {@code promptTokenCount} (cached input included), {@code cachedContentTokenCount},
 * {@code candidatesTokenCount}, {@code thoughtsTokenCount}, {@code totalTokenCount} — with
 * {@code sessionId}, {@code timestamp} and {@code model}.
 */
final class QwenLineParser {
  private static final byte[] TYPE = JsonCursor.ascii("type");
  private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
  private static final byte[] SESSION_ID = JsonCursor.ascii("sessionId");
  private static final byte[] MODEL = JsonCursor.ascii("model");
  private static final byte[] UUID = JsonCursor.ascii("uuid");
  private static final byte[] USAGE = JsonCursor.ascii("usageMetadata");
  private static final byte[] PROMPT = JsonCursor.ascii("promptTokenCount");
  private static final byte[] CANDIDATES = JsonCursor.ascii("candidatesTokenCount");
  private static final byte[] THOUGHTS = JsonCursor.ascii("thoughtsTokenCount");
  private static final byte[] CACHED = JsonCursor.ascii("cachedContentTokenCount");
  private static final byte[] TOTAL = JsonCursor.ascii("totalTokenCount");

  private final JsonCursor c = new JsonCursor();

  LineStatus parse(byte[] b, int s, int e, EntryTable t, StringPool pool) {
    String type = null, session = null, model = null, uuid = null;
    long ts = IsoTimestamps.INVALID;
    long prompt = 0, candidates = 0, thoughts = 0, cached = 0, total = -1;
    boolean usage = false;
    try {
      c.reset(b, s, e);
      if (c.peek() != '{') return LineStatus.MALFORMED;
      c.beginObject();
      while (c.nextKey()) {
        if (c.key(TYPE)) type = c.stringValue();
        else if (c.key(TIMESTAMP)) {
          String v = c.stringValue();
          ts = v == null ? IsoTimestamps.INVALID : IsoTimestamps.lenient(v);
        } else if (c.key(SESSION_ID)) session = c.stringValue();
        else if (c.key(MODEL)) model = c.stringValue();
        else if (c.key(UUID)) uuid = c.stringValue();
        else if (c.key(USAGE) && c.atObject()) {
          usage = true;
          c.beginObject();
          while (c.nextKey()) {
            if (c.key(PROMPT)) prompt = Math.max(0, c.longValue());
            else if (c.key(CANDIDATES)) candidates = Math.max(0, c.longValue());
            else if (c.key(THOUGHTS)) thoughts = Math.max(0, c.longValue());
            else if (c.key(CACHED)) cached = Math.max(0, c.longValue());
            else if (c.key(TOTAL)) total = c.longValue();
            else c.skipValue();
          }
        } else c.skipValue();
      }
      if (!c.atEnd()) return LineStatus.MALFORMED;
    } catch (JsonCursor.Malformed m) {
      return LineStatus.MALFORMED;
    }
    if (!"assistant".equals(type) || !usage) return LineStatus.NOT_USAGE;
    if (ts == IsoTimestamps.INVALID) return LineStatus.INVALID;
    long cacheRead = Math.min(cached, prompt);
    long input = prompt - cacheRead;
    long missing = total - (prompt + candidates + thoughts);
    if (total > 0 && missing > 0) {
      if (candidates == 0) candidates = missing;
      else thoughts += missing;
    }
    if (input == 0 && candidates == 0 && cacheRead == 0 && thoughts == 0) return LineStatus.NOT_USAGE;
    int row = t.add();
    t.timestamp[row] = ts;
    t.input[row] = input;
    t.cacheRead[row] = cacheRead;
    t.output[row] = candidates;
    t.reasoning[row] = thoughts;
    t.model[row] = pool.intern(model == null || model.isBlank() ? "unknown" : model);
    String key = (session == null ? "" : session) + "\u0000"
        + (uuid != null ? uuid : ts + ":" + model + ":" + prompt + ":" + candidates + ":" + cached + ":" + thoughts);
    t.messageId[row] = pool.intern(key);
    return LineStatus.USAGE;
  }
}
