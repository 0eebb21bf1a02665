package io.tokenmaxx.collect.local;

/**
 * Qwen Code chat logs ({@code ~/.qwen/projects/<project>/chats/<session>.jsonl}). Two kinds of
 * line carry usage, in Gemini's shape ({@code promptTokenCount} with the cached input inside it,
 * {@code cachedContentTokenCount}, {@code candidatesTokenCount}, {@code thoughtsTokenCount},
 * {@code totalTokenCount}) or its telemetry names ({@code input_token_count}, ...):
 * <ul>
 *   <li>a {@code system} line of subtype {@code ui_telemetry} whose {@code qwen-code.api_response}
 *       event is one model request: every request, the sub-agents' too (0.24 writes the
 *       memory extractor's requests nowhere else in the chat), with its response id;</li>
 *   <li>an {@code assistant} record's {@code usageMetadata}: the main conversation's requests
 *       only. Since the telemetry lines exist, the request's telemetry line is the record's parent
 *       ({@code parentUuid}): such a record is the same request again and is dropped at
 *       deduplication ({@link IdDedup}); older logs have only these records.</li>
 * </ul>
 * Whether the thinking tokens are inside {@code candidatesTokenCount} is read off the total:
 * Qwen Code 0.24 counts them inside (the total is prompt plus candidates, as OpenAI counts
 * reasoning inside completion tokens), Gemini's API apart (the total adds them). On Anthropic,
 * Qwen Code folds cache writes into the prompt count and keeps no split: they count as input.
 */
final class QwenLineParser {
  private static final byte[] TYPE = JsonCursor.ascii("type");
  private static final byte[] SUBTYPE = JsonCursor.ascii("subtype");
  private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
  private static final byte[] SESSION_ID = JsonCursor.ascii("sessionId");
  private static final byte[] MODEL = JsonCursor.ascii("model");
  private static final byte[] UUID = JsonCursor.ascii("uuid");
  private static final byte[] PARENT_UUID = JsonCursor.ascii("parentUuid");
  private static final byte[] USAGE = JsonCursor.ascii("usageMetadata");
  private static final byte[] PROMPT = JsonCursor.ascii("promptTokenCount");
  private static final byte[] CANDIDATES = JsonCursor.ascii("candidatesTokenCount");
  private static final byte[] THOUGHTS = JsonCursor.ascii("thoughtsTokenCount");
  private static final byte[] CACHED = JsonCursor.ascii("cachedContentTokenCount");
  private static final byte[] TOTAL = JsonCursor.ascii("totalTokenCount");
  private static final byte[] SYSTEM_PAYLOAD = JsonCursor.ascii("systemPayload");
  private static final byte[] UI_EVENT = JsonCursor.ascii("uiEvent");
  private static final byte[] EVENT_NAME = JsonCursor.ascii("event.name");
  private static final byte[] EVENT_TIMESTAMP = JsonCursor.ascii("event.timestamp");
  private static final byte[] INPUT_COUNT = JsonCursor.ascii("input_token_count");
  private static final byte[] OUTPUT_COUNT = JsonCursor.ascii("output_token_count");
  private static final byte[] CACHED_COUNT = JsonCursor.ascii("cached_content_token_count");
  private static final byte[] THOUGHTS_COUNT = JsonCursor.ascii("thoughts_token_count");
  private static final byte[] TOTAL_COUNT = JsonCursor.ascii("total_token_count");
  static final String API_RESPONSE = "qwen-code.api_response";

  private final JsonCursor c = new JsonCursor();

  /** The counts of one line, as written. */
  private static final class Counts {
    long prompt, candidates, thoughts, cached, total;
    boolean present;

    void clear() {
      prompt = candidates = thoughts = cached = 0;
      total = -1;
      present = false;
    }
  }

  private final Counts usage = new Counts();
  private final Counts event = new Counts();

  LineStatus parse(byte[] b, int s, int e, EntryTable t, StringPool pool) {
    String type = null, subtype = null, session = null, model = null, uuid = null, parent = null;
    String eventName = null, eventModel = null;
    long ts = IsoTimestamps.INVALID;
    long eventTs = IsoTimestamps.INVALID;
    usage.clear();
    event.clear();
    try {
      c.reset(b, s, e);
      if (c.peek() != '{') return LineStatus.MALFORMED;
      c.beginObject();
      while (c.nextKey()) {
        if (c.key(TYPE)) type = c.stringValue();
        else if (c.key(SUBTYPE)) subtype = c.stringValue();
        else if (c.key(TIMESTAMP)) ts = timestamp(c.stringValue());
        else if (c.key(SESSION_ID)) session = c.stringValue();
        else if (c.key(MODEL)) model = c.stringValue();
        else if (c.key(UUID)) uuid = c.stringValue();
        else if (c.key(PARENT_UUID)) parent = c.stringValue();
        else if (c.key(USAGE) && c.atObject()) {
          usage.present = true;
          c.beginObject();
          while (c.nextKey()) {
            if (c.key(PROMPT)) usage.prompt = Math.max(0, c.longValue());
            else if (c.key(CANDIDATES)) usage.candidates = Math.max(0, c.longValue());
            else if (c.key(THOUGHTS)) usage.thoughts = Math.max(0, c.longValue());
            else if (c.key(CACHED)) usage.cached = Math.max(0, c.longValue());
            else if (c.key(TOTAL)) usage.total = c.longValue();
            else c.skipValue();
          }
        } else if (c.key(SYSTEM_PAYLOAD) && c.atObject()) {
          c.beginObject();
          while (c.nextKey()) {
            if (c.key(UI_EVENT) && c.atObject()) {
              c.beginObject();
              while (c.nextKey()) {
                if (c.key(EVENT_NAME)) eventName = c.stringValue();
                else if (c.key(EVENT_TIMESTAMP)) eventTs = timestamp(c.stringValue());
                else if (c.key(MODEL)) eventModel = c.stringValue();
                else if (c.key(INPUT_COUNT)) event.prompt = count(event);
                else if (c.key(OUTPUT_COUNT)) event.candidates = count(event);
                else if (c.key(THOUGHTS_COUNT)) event.thoughts = count(event);
                else if (c.key(CACHED_COUNT)) event.cached = count(event);
                else if (c.key(TOTAL_COUNT)) event.total = c.longValue();
                else c.skipValue();
              }
            } else {
              c.skipValue();
            }
          }
        } else c.skipValue();
      }
      if (!c.atEnd()) return LineStatus.MALFORMED;
    } catch (JsonCursor.Malformed m) {
      return LineStatus.MALFORMED;
    }
    if ("system".equals(type) && "ui_telemetry".equals(subtype) && API_RESPONSE.equals(eventName)) {
      if (!event.present) return LineStatus.NOT_USAGE; // a response without counts: nothing billed
      long when = eventTs != IsoTimestamps.INVALID ? eventTs : ts;
      if (when == IsoTimestamps.INVALID || uuid == null) return LineStatus.INVALID;
      int row = add(t, pool, event, when, eventModel != null ? eventModel : model);
      if (row < 0) return LineStatus.NOT_USAGE;
      t.messageId[row] = pool.intern(key(session, uuid));
      t.flags[row] |= EntryTable.USAGE_EVENT;
      return LineStatus.USAGE;
    }
    if (!"assistant".equals(type) || !usage.present) return LineStatus.NOT_USAGE;
    if (ts == IsoTimestamps.INVALID) return LineStatus.INVALID;
    int row = add(t, pool, usage, ts, model);
    if (row < 0) return LineStatus.NOT_USAGE;
    t.messageId[row] = pool.intern(key(session, uuid != null ? uuid : ts + ":" + model + ":" + usage.prompt + ":"
        + usage.candidates + ":" + usage.cached + ":" + usage.thoughts));
    if (parent != null) t.requestId[row] = pool.intern(key(session, parent)); // its telemetry line, if any
    return LineStatus.USAGE;
  }

  private static String key(String session, String id) {
    return (session == null ? "" : session) + "\u0000" + id;
  }

  private static long timestamp(String v) {
    return v == null ? IsoTimestamps.INVALID : IsoTimestamps.lenient(v);
  }

  private long count(Counts k) {
    k.present = true;
    return Math.max(0, c.longValue());
  }

  /** Adds a row with disjoint token fields; -1 (and nothing added) when the counts are all zero. */
  private static int add(EntryTable t, StringPool pool, Counts k, long ts, String model) {
    long cacheRead = Math.min(k.cached, k.prompt);
    long input = k.prompt - cacheRead;
    long output = k.candidates;
    long reasoning = k.thoughts;
    if (k.total > 0 && k.total == k.prompt + k.candidates && reasoning <= output) {
      output -= reasoning; // thinking counted inside the candidates (Qwen Code 0.24)
    } else {
      long missing = k.total - (k.prompt + k.candidates + k.thoughts);
      if (k.total > 0 && missing > 0) { // counted in the total only
        if (output == 0) output = missing;
        else reasoning += missing;
      }
    }
    if (input == 0 && output == 0 && cacheRead == 0 && reasoning == 0) return -1;
    int row = t.add();
    t.timestamp[row] = ts;
    t.input[row] = input;
    t.cacheRead[row] = cacheRead;
    t.output[row] = output;
    t.reasoning[row] = reasoning;
    t.model[row] = pool.intern(model == null || model.isBlank() ? "unknown" : model);
    return row;
  }
}
