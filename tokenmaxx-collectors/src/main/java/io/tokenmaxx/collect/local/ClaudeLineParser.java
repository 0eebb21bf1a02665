package io.tokenmaxx.collect.local;

/**
 * Extracts the usage of one Claude Code transcript line: an assistant line's {@code message.usage}
 * (or the same nested in an {@code agent_progress} line's {@code data.message}), with
 * {@code message.id}, {@code requestId}, model, timestamp, {@code isSidechain}, {@code costUSD}
 * and the {@code speed} flag. Content blocks and everything else are skipped unparsed.
 *
 * <p>The acceptance rules are ccusage's, so totals agree: {@code input_tokens} and
 * {@code output_tokens} must be non-negative integers; {@code speed} is {@code standard} or
 * {@code fast}; a {@code version} must start with {@code N.N.N}; ids, session and model must not
 * be empty; {@code null} is refused for {@code id}, {@code model}, {@code speed}, {@code costUSD},
 * {@code version}, {@code sessionId}, {@code requestId}, {@code cwd}, {@code isApiErrorMessage}
 * and the two cache counts; the timestamp must be {@code YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)}.
 * Cache writes are {@code cache_creation_input_tokens}, the amount billed; the 1-hour part of the
 * {@code usage.cache_creation} split is priced at the 1-hour rate and the rest at the 5-minute
 * rate, so a split of zeros (written when the API sent none) loses nothing. ccusage counts the
 * split instead of the total; the two agree whenever the split adds up, which it does on the
 * first-party API. Without the total the split is taken as it is.
 */
final class ClaudeLineParser {
  private static final byte[] MESSAGE = JsonCursor.ascii("message");
  private static final byte[] TIMESTAMP = JsonCursor.ascii("timestamp");
  private static final byte[] SESSION_ID = JsonCursor.ascii("sessionId");
  private static final byte[] VERSION = JsonCursor.ascii("version");
  private static final byte[] REQUEST_ID = JsonCursor.ascii("requestId");
  private static final byte[] IS_SIDECHAIN = JsonCursor.ascii("isSidechain");
  private static final byte[] COST_USD = JsonCursor.ascii("costUSD");
  private static final byte[] API_ERROR = JsonCursor.ascii("isApiErrorMessage");
  private static final byte[] CWD = JsonCursor.ascii("cwd");
  private static final byte[] DATA = JsonCursor.ascii("data");
  private static final byte[] ID = JsonCursor.ascii("id");
  private static final byte[] MODEL = JsonCursor.ascii("model");
  private static final byte[] USAGE = JsonCursor.ascii("usage");
  private static final byte[] CONTENT = JsonCursor.ascii("content");
  private static final byte[] INPUT = JsonCursor.ascii("input_tokens");
  private static final byte[] OUTPUT = JsonCursor.ascii("output_tokens");
  private static final byte[] CACHE_CREATION_TOKENS = JsonCursor.ascii("cache_creation_input_tokens");
  private static final byte[] CACHE_READ = JsonCursor.ascii("cache_read_input_tokens");
  private static final byte[] CACHE_CREATION = JsonCursor.ascii("cache_creation");
  private static final byte[] EPHEMERAL_5M = JsonCursor.ascii("ephemeral_5m_input_tokens");
  private static final byte[] EPHEMERAL_1H = JsonCursor.ascii("ephemeral_1h_input_tokens");
  private static final byte[] SPEED = JsonCursor.ascii("speed");
  private static final byte[] TYPE = JsonCursor.ascii("type");
  private static final byte[] ASSISTANT = JsonCursor.ascii("assistant");
  private static final byte[] PROGRESS = JsonCursor.ascii("progress");

  /** The cursor in use: {@link #line}, or {@link #tailValues} while the line's tail is read. */
  private JsonCursor c;
  private final JsonCursor line = new JsonCursor();
  private final JsonCursor tailValues = new JsonCursor();
  private final JsonTail tail = new JsonTail();
  private byte[] lineBytes;
  private int lineStart, lineEnd;
  /** The line's last members were read from its end ({@link #readTail}): the top-level loop is done. */
  private boolean tailed;
  /** A second, full parse: no shortcuts. */
  private boolean full;

  /** Where a string field's raw bytes are: {@code [start, end)}, start -1 when absent. */
  private static final class Span {
    int start = -1;
    int end;

    void set(long raw) {
      start = (int) (raw >>> 32);
      end = (int) raw;
    }

    boolean present() {
      return start >= 0;
    }

    boolean empty() {
      return start >= 0 && start == end;
    }
  }

  /** One message object (the direct one or the one inside agent_progress data). */
  private static final class Msg {
    final Span id = new Span();
    final Span model = new Span();
    boolean usage;
    long input, output, cacheCreation, cacheRead, e5m, e1h;
    boolean breakdown;
    boolean creationTotal;
    boolean fast;

    void clear() {
      id.start = model.start = -1;
      usage = breakdown = creationTotal = fast = false;
      input = output = cacheCreation = cacheRead = e5m = e1h = 0;
    }
  }

  /** The fields around a message: top-level ones, or those of {@code data.message}. */
  private static final class Envelope {
    final Span timestamp = new Span();
    final Span requestId = new Span();
    final Span costUsd = new Span();
    Boolean sidechain;
    boolean apiError;
    boolean hasMessage;
    boolean failed;
    final Msg msg = new Msg();

    void clear() {
      timestamp.start = requestId.start = costUsd.start = -1;
      sidechain = null;
      apiError = hasMessage = failed = false;
      msg.clear();
    }
  }

  private final Envelope top = new Envelope();
  private final Envelope progress = new Envelope();
  private final Span sessionId = new Span();
  private final Span version = new Span();
  private boolean refused;

  LineStatus parse(byte[] b, int s, int e, EntryTable t, StringPool pool) {
    return parse(b, s, e, -1, t, pool);
  }

  /**
   * Parses the line {@code b[s, e)}. {@code mark}, where the reader found {@code "usage":{}, lets
   * the parser jump over an assistant message's content (its bulk) straight to the usage: only
   * when the message's id and model came first, and only if the rest of the line then parses as
   * the end of the message and of the line. Anything else (a marker nested deeper, an odd key
   * order) is caught by that check and the line is parsed again in full.
   */
  LineStatus parse(byte[] b, int s, int e, int mark, EntryTable t, StringPool pool) {
    this.mark = mark > s ? mark : -1;
    jumped = false;
    full = false;
    LineStatus st = parseOnce(b, s, e, t, pool);
    if (!jumped || st == LineStatus.USAGE) return st;
    this.mark = -1;
    full = true;
    return parseOnce(b, s, e, t, pool);
  }

  private int mark = -1;
  private boolean jumped;

  private LineStatus parseOnce(byte[] b, int s, int e, EntryTable t, StringPool pool) {
    top.clear();
    progress.clear();
    sessionId.start = version.start = -1;
    refused = false;
    tailed = false;
    c = line;
    lineBytes = b;
    lineStart = s;
    lineEnd = e;
    try {
      c.reset(b, s, e);
      if (c.peek() != '{') return LineStatus.MALFORMED;
      c.beginObject();
      while (c.nextKey()) {
        if (c.key(MESSAGE)) {
          message(top);
          if (tailed) break;
        } else if (c.key(TYPE)) {
          // only assistant and progress lines carry usage: any other type is rejected here
          if (!typeMayCarryUsage()) return LineStatus.NOT_USAGE;
        } else if (c.key(TIMESTAMP)) string(top.timestamp, top);
        else if (c.key(REQUEST_ID)) string(top.requestId, top);
        else if (c.key(SESSION_ID)) string(sessionId, top);
        else if (c.key(VERSION)) string(version, top);
        else if (c.key(IS_SIDECHAIN)) top.sidechain = bool(top);
        else if (c.key(COST_USD)) number(top.costUsd, top);
        else if (c.key(API_ERROR)) top.apiError = Boolean.TRUE.equals(bool(top));
        else if (c.key(CWD)) skipRefusingNull();
        else if (c.key(DATA)) data();
        else c.skipValue();
      }
      if (!tailed && !c.atEnd()) return LineStatus.MALFORMED;
    } catch (JsonCursor.Malformed m) {
      return LineStatus.MALFORMED;
    } finally {
      c = line;
    }
    if (refused) return LineStatus.INVALID;
    Envelope env;
    boolean direct;
    if (top.hasMessage && top.msg.usage && !top.failed && top.timestamp.present()) {
      env = top;
      direct = true;
    } else if (progress.hasMessage && progress.msg.usage && !progress.failed && progress.timestamp.present()) {
      env = progress;
      direct = false;
    } else {
      return top.hasMessage || progress.hasMessage ? (top.msg.usage || progress.msg.usage ? LineStatus.INVALID : LineStatus.NOT_USAGE)
          : LineStatus.NOT_USAGE;
    }
    long ts = IsoTimestamps.strict(b, env.timestamp.start, env.timestamp.end);
    if (ts == IsoTimestamps.INVALID) return LineStatus.INVALID;
    if (direct) {
      if (version.present() && !semverPrefix(b, version.start, version.end)) return LineStatus.INVALID;
      if (sessionId.empty()) return LineStatus.INVALID;
    }
    Msg m = env.msg;
    if (env.requestId.empty() || m.id.empty() || m.model.empty()) return LineStatus.INVALID;
    int row = t.add();
    t.timestamp[row] = ts;
    t.input[row] = m.input;
    t.output[row] = m.output;
    t.cacheRead[row] = m.cacheRead;
    if (m.breakdown && !m.creationTotal) {
      t.cacheWrite5m[row] = m.e5m;
      t.cacheWrite1h[row] = m.e1h;
    } else {
      // cache_creation_input_tokens is what was billed. The TTL split beside it may be zeros
      // (APIs and gateways that send no split) or fall short: what it does not place is priced at
      // the 5-minute rate. (ccusage counts the split alone, and misses those writes.)
      long oneHour = m.breakdown ? Math.min(m.e1h, m.cacheCreation) : 0;
      t.cacheWrite5m[row] = m.cacheCreation - oneHour;
      t.cacheWrite1h[row] = oneHour;
    }
    if (m.model.present()) t.model[row] = pool.intern(b, m.model.start, m.model.end);
    if (m.id.present()) t.messageId[row] = pool.intern(b, m.id.start, m.id.end);
    if (env.requestId.present()) t.requestId[row] = pool.intern(b, env.requestId.start, env.requestId.end);
    if (env.costUsd.present()) t.reportedCost[row] = pool.intern(b, env.costUsd.start, env.costUsd.end);
    int f = 0;
    if (Boolean.TRUE.equals(env.sidechain)) f |= EntryTable.SIDECHAIN;
    if (m.fast) f |= EntryTable.FAST;
    if (!direct) f |= EntryTable.PROGRESS_COPY;
    if (env.apiError) f |= EntryTable.API_ERROR;
    t.flags[row] = f;
    return LineStatus.USAGE;
  }

  private void data() {
    if (!c.atObject()) {
      c.skipValue();
      return;
    }
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(MESSAGE) && c.atObject()) progressEnvelope();
      else c.skipValue();
    }
  }

  private void progressEnvelope() {
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(MESSAGE)) message(progress);
      else if (c.key(TIMESTAMP)) string(progress.timestamp, progress);
      else if (c.key(REQUEST_ID)) string(progress.requestId, progress);
      else if (c.key(IS_SIDECHAIN)) progress.sidechain = bool(progress);
      else if (c.key(COST_USD)) number(progress.costUsd, progress);
      else if (c.key(SESSION_ID) || c.key(VERSION) || c.key(API_ERROR) || c.key(CWD)) skipRefusingNull();
      else c.skipValue();
    }
  }

  private void message(Envelope env) {
    if (!c.atObject()) {
      c.skipValue();
      return;
    }
    env.hasMessage = true;
    Msg m = env.msg;
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(ID)) string(m.id, env);
      else if (c.key(MODEL)) string(m.model, env);
      else if (c.key(USAGE)) usage(env);
      else if (c.key(CONTENT) && mark > c.pos && !jumped && m.id.present() && m.model.present()) {
        jumped = true;
        c.jumpToKey(mark);
      } else if (c.key(CONTENT) && env == top && m.usage && !full && !jumped && m.id.present()
          && m.model.present() && readTail(env)) {
        tailed = true;
        return;
      } else c.skipValue();
    }
  }

  /**
   * The usage came before the content (Claude Code 2.1): rather than walk the content (the bulk
   * of the line), reads the line's last members backwards from its end (requestId, timestamp,
   * sessionId, version, cwd, ... after the message) with {@link JsonTail}. Taken only when the
   * tail says {@code "type":"assistant"} and holds the request id, timestamp and session; any
   * result but a usage entry is then checked by a full parse.
   */
  private boolean readTail(Envelope env) {
    byte[] b = lineBytes;
    if (!tail.read(b, lineStart, lineEnd) || tail.stop <= c.pos) return false;
    int type = tail.find(b, TYPE);
    if (type < 0 || !tail.stringIs(b, type, ASSISTANT)) return false;
    if (tail.find(b, REQUEST_ID) < 0 || tail.find(b, TIMESTAMP) < 0 || tail.find(b, SESSION_ID) < 0) return false;
    jumped = true;
    c = tailValues;
    // in line order, so a repeated key ends with its last value, as in a forward read
    for (int i = tail.count - 1; i >= 0; i--) {
      c.reset(b, tail.valueStart[i], tail.valueEnd[i]);
      if (tail.keyIs(b, i, REQUEST_ID)) string(env.requestId, env);
      else if (tail.keyIs(b, i, TIMESTAMP)) string(env.timestamp, env);
      else if (tail.keyIs(b, i, SESSION_ID)) string(sessionId, env);
      else if (tail.keyIs(b, i, VERSION)) string(version, env);
      else if (tail.keyIs(b, i, IS_SIDECHAIN)) env.sidechain = bool(env);
      else if (tail.keyIs(b, i, COST_USD)) number(env.costUsd, env);
      else if (tail.keyIs(b, i, API_ERROR)) env.apiError = Boolean.TRUE.equals(bool(env));
      else if (tail.keyIs(b, i, CWD)) skipRefusingNull();
    }
    c = line;
    return true;
  }

  /** Reads a top-level {@code type}; false when it names a line that never carries usage. */
  private boolean typeMayCarryUsage() {
    if (c.peek() != '"') {
      c.skipValue();
      return true;
    }
    long raw = c.rawString();
    if (raw < 0) return true;
    int s = (int) (raw >>> 32);
    int e = (int) raw;
    return equals(c.b, s, e, ASSISTANT) || equals(c.b, s, e, PROGRESS);
  }

  private static boolean equals(byte[] b, int s, int e, byte[] v) {
    if (e - s != v.length) return false;
    for (int i = 0; i < v.length; i++) if (b[s + i] != v[i]) return false;
    return true;
  }

  private void usage(Envelope env) {
    if (!c.atObject()) {
      c.skipValue();
      return;
    }
    Msg m = env.msg;
    boolean in = false;
    boolean out = false;
    c.beginObject();
    while (c.nextKey()) {
      if (c.key(INPUT)) {
        m.input = count(env);
        in = true;
      } else if (c.key(OUTPUT)) {
        m.output = count(env);
        out = true;
      } else if (c.key(CACHE_CREATION_TOKENS)) {
        if (refuseNull()) continue;
        m.cacheCreation = count(env);
        m.creationTotal = true;
      } else if (c.key(CACHE_READ)) {
        if (refuseNull()) continue;
        m.cacheRead = count(env);
      } else if (c.key(CACHE_CREATION)) {
        if (c.nullValue()) continue;
        if (!c.atObject()) {
          c.skipValue();
          env.failed = true;
          continue;
        }
        m.breakdown = true;
        c.beginObject();
        while (c.nextKey()) {
          if (c.key(EPHEMERAL_5M)) m.e5m = count(env);
          else if (c.key(EPHEMERAL_1H)) m.e1h = count(env);
          else c.skipValue();
        }
      } else if (c.key(SPEED)) {
        if (refuseNull()) continue;
        String speed = c.stringValue();
        if ("fast".equals(speed)) m.fast = true;
        else if (!"standard".equals(speed)) env.failed = true;
      } else {
        c.skipValue();
      }
    }
    if (!in || !out) env.failed = true;
    m.usage = true;
  }

  private long count(Envelope env) {
    long v = c.longValue();
    if (v < 0) {
      env.failed = true;
      return 0;
    }
    return v;
  }

  private void string(Span span, Envelope env) {
    if (refuseNull()) return;
    long raw = c.rawString();
    if (raw < 0) env.failed = true;
    else span.set(raw);
  }

  private void number(Span span, Envelope env) {
    if (refuseNull()) return;
    int start = skipWsPos();
    String text = c.numberText();
    if (text == null) env.failed = true;
    else {
      span.start = start;
      span.end = start + text.length();
    }
  }

  private int skipWsPos() {
    c.peek();
    return c.pos;
  }

  private Boolean bool(Envelope env) {
    if (c.nullValue()) return null;
    Boolean v = c.boolValue();
    if (v == null) env.failed = true;
    return v;
  }

  /** ccusage refuses a line where certain fields are null: true (and consumed) when it is. */
  private boolean refuseNull() {
    if (c.nullValue()) {
      refused = true;
      return true;
    }
    return false;
  }

  private void skipRefusingNull() {
    if (!refuseNull()) c.skipValue();
  }

  static boolean semverPrefix(byte[] b, int s, int e) {
    int i = s;
    for (int part = 0; part < 2; part++) {
      int start = i;
      while (i < e && b[i] >= '0' && b[i] <= '9') i++;
      if (i == start || i >= e || b[i] != '.') return false;
      i++;
    }
    return i < e && b[i] >= '0' && b[i] <= '9';
  }
}
