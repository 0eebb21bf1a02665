package io.tokenmaxx.collect.local;

/**
 * Reads a JSON object's last members backwards from its closing brace, as long as their values
 * are scalars (strings, numbers, {@code true}, {@code false}, {@code null}), and stops at the
 * first value that closes with {@code }} or {@code ]}. Lets a parser take the short fields at the
 * end of a log line without walking the long value before them.
 *
 * <p>A string is read backwards up to the nearest quote not escaped by an odd run of
 * backslashes, which in valid JSON is its opening quote. Members are kept as raw spans, last
 * member first; values are not checked here (the caller reads them with {@link JsonCursor}).
 */
final class JsonTail {
  static final int MAX_MEMBERS = 48;
  final int[] keyStart = new int[MAX_MEMBERS];
  final int[] keyEnd = new int[MAX_MEMBERS];
  /** Value spans, quotes included for strings. */
  final int[] valueStart = new int[MAX_MEMBERS];
  final int[] valueEnd = new int[MAX_MEMBERS];
  /** Members read, last member of the object first. */
  int count;
  /** Index of the {@code }} or {@code ]} where reading stopped. */
  int stop;

  /**
   * Reads the members of the object {@code b[s, e)} backwards; true when it ends with at least
   * one scalar member and reading stopped at a non-scalar value ({@link #stop}). False when the
   * range does not end like an object, a member is not {@code "key":scalar}, more than
   * {@link #MAX_MEMBERS} are scalars, or every member is a scalar.
   */
  boolean read(byte[] b, int s, int e) {
    count = 0;
    stop = -1;
    int p = back(b, s, e - 1);
    if (p < s || b[p] != '}') return false;
    p--;
    while (true) {
      p = back(b, s, p);
      if (p < s) return false;
      byte c = b[p];
      if (c == '}' || c == ']') {
        stop = p;
        return count > 0;
      }
      int ve = p + 1;
      int vs;
      if (c == '"') {
        if (escaped(b, s, p)) return false;
        vs = openingQuote(b, s, p);
        if (vs < 0) return false;
        p = vs - 1;
      } else if (scalar(c)) {
        int q = p;
        while (q >= s && scalar(b[q])) q--;
        vs = q + 1;
        p = q;
      } else {
        return false;
      }
      p = back(b, s, p);
      if (p < s || b[p] != ':') return false;
      p = back(b, s, p - 1);
      if (p < s || b[p] != '"' || escaped(b, s, p)) return false;
      int ks = openingQuote(b, s, p);
      if (ks < 0 || count == MAX_MEMBERS) return false;
      keyStart[count] = ks + 1;
      keyEnd[count] = p;
      valueStart[count] = vs;
      valueEnd[count] = ve;
      count++;
      p = back(b, s, ks - 1);
      if (p < s || b[p] != ',') return false; // '{': every member a scalar, nothing was skipped
      p--;
    }
  }

  /** Whether member {@code i}'s key is {@code k} (ASCII, no escapes). */
  boolean keyIs(byte[] b, int i, byte[] k) {
    int n = keyEnd[i] - keyStart[i];
    if (n != k.length) return false;
    for (int j = 0; j < n; j++) if (b[keyStart[i] + j] != k[j]) return false;
    return true;
  }

  /** Whether member {@code i}'s value is the string {@code v} (ASCII, no escapes). */
  boolean stringIs(byte[] b, int i, byte[] v) {
    int s = valueStart[i];
    int n = valueEnd[i] - s - 2;
    if (n != v.length || b[s] != '"') return false;
    for (int j = 0; j < n; j++) if (b[s + 1 + j] != v[j]) return false;
    return true;
  }

  /** The first member (from the end) with key {@code k}, -1 when none. */
  int find(byte[] b, byte[] k) {
    for (int i = 0; i < count; i++) if (keyIs(b, i, k)) return i;
    return -1;
  }

  private static int back(byte[] b, int s, int p) {
    while (p >= s && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r' || b[p] == '\n')) p--;
    return p;
  }

  private static boolean scalar(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
  }

  /** The quote opening the string closed at {@code p}: the nearest quote before it not escaped. */
  private static int openingQuote(byte[] b, int s, int p) {
    for (int q = p - 1; q >= s; q--) {
      if (b[q] == '"' && !escaped(b, s, q)) return q;
    }
    return -1;
  }

  /** Whether the byte at {@code q} follows an odd run of backslashes. */
  private static boolean escaped(byte[] b, int s, int q) {
    int k = q - 1;
    while (k >= s && b[k] == '\\') k--;
    return ((q - 1 - k) & 1) == 1;
  }
}
