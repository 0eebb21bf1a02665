package io.tokenmaxx.collect.otlp;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.WireFormat;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an OTLP {@code ExportLogsServiceRequest} from protobuf bytes straight into {@link LogMapper},
 * one record at a time, without building its messages: the generated parser makes some 80 objects
 * per Claude Code event (a builder and a message per attribute and per value), this makes the
 * value strings. Attribute keys, which repeat on every record, are decoded once per request.
 *
 * <p>It accepts and refuses what the generated parser does: fields are read by field number and
 * wire type (a known number with another wire type is an unknown field, as there), unknown fields
 * are skipped, every string must be valid UTF-8, truncated or over-long lengths and unmatched
 * end-group tags are errors, and the parts it has no use for (scope attributes, entity references,
 * array and key-value-list values) are still parsed, by the generated parser, so that they are
 * checked the same way. Fields may arrive in any order: a resource or scope that follows its
 * records still applies to them (each level is read twice, its header first).
 *
 * <p>Field numbers are those of opentelemetry-proto's {@code logs.proto}, {@code common.proto} and
 * {@code resource.proto}.
 */
final class LogsWire {
  private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
  private static final int VARINT = WireFormat.WIRETYPE_VARINT;
  /** Depth left for the generated parser below a log record's attribute value. */
  private static final int NESTED_RECURSION_LIMIT = 100 - 6;
  private static final int KEY_SLOTS = 256;
  private static final int MAX_CACHED_KEYS = KEY_SLOTS / 2;

  private final byte[] buf;
  private final LogMapper mapper;
  private final int maxLength;
  private final LogItem item;
  /** Keys seen in this request: open addressing over (offset, length) of their first bytes. */
  private final String[] keyStrings = new String[KEY_SLOTS];
  private final int[] keyOffsets = new int[KEY_SLOTS];
  private final int[] keyLengths = new int[KEY_SLOTS];
  private int cachedKeys;

  // A value as it is read; a KeyValue's key may follow its value on the wire.
  private Attrs.Kind valueKind;
  private long valueBits;
  private Object valueRef;

  private LogsWire(byte[] buf, LogMapper mapper, int maxLength) {
    this.buf = buf;
    this.mapper = mapper;
    this.maxLength = maxLength;
    this.item = new LogItem(new Attrs(16, null, maxLength));
  }

  /** Reads {@code bytes} (a whole request) and hands every log record to {@code mapper}. */
  static void read(byte[] bytes, LogMapper mapper, int maxLength)
      throws InvalidProtocolBufferException {
    try {
      new LogsWire(bytes, mapper, maxLength).request();
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidProtocolBufferException(e);
    }
  }

  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }

  private CodedInputStream stream(int offset, int length) {
    return CodedInputStream.newInstance(buf, offset, length);
  }

  /**
   * Skips an unknown field the way the generated parser reads one (into an unknown-field set):
   * {@code CodedInputStream.skipField} is stricter about over-long varints than that.
   */
  private static void skip(CodedInputStream in, int tag) throws IOException {
    if (!UnknownFieldSet.newBuilder().mergeFieldFrom(tag, in)) {
      throw new InvalidProtocolBufferException(
          "Protocol message end-group tag did not match expected tag.");
    }
  }

  /** Skips a field the first pass has already read (and so checked) without copying it. */
  private static void skipChecked(CodedInputStream in, int tag) throws IOException {
    if (WireFormat.getTagWireType(tag) == LEN) {
      in.skipRawBytes(checkLength(in.readRawVarint32()));
    } else {
      skip(in, tag);
    }
  }

  /** Where the stream is, as an offset into the request (the stream started at {@code base}). */
  private static int start(CodedInputStream in, int base) throws IOException {
    return base + in.getTotalBytesRead();
  }

  private void request() throws IOException {
    CodedInputStream in = stream(0, buf.length);
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, LEN)) {
        int len = in.readRawVarint32();
        int off = start(in, 0);
        in.skipRawBytes(checkLength(len)); // checks it is all there
        resourceLogs(off, len);
      } else {
        skip(in, tag);
      }
    }
  }

  private static int checkLength(int len) throws InvalidProtocolBufferException {
    if (len < 0) {
      throw new InvalidProtocolBufferException(
          "CodedInputStream encountered an embedded string or message which claimed to have "
              + "negative size.");
    }
    return len;
  }

  private void resourceLogs(int offset, int length) throws IOException {
    // First the resource (it may come after its scopes), then the scopes.
    Attrs resource = new Attrs(8, null, maxLength);
    CodedInputStream in = stream(offset, length);
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, LEN)) {
        int len = checkLength(in.readRawVarint32());
        int old = in.pushLimit(len);
        resource(in, offset, resource);
        in.popLimit(old);
      } else if (tag == tag(3, LEN)) {
        in.readStringRequireUtf8(); // schema_url
      } else if (tag == tag(2, LEN)) {
        in.skipRawBytes(checkLength(in.readRawVarint32())); // scope_logs: the second pass
      } else {
        skip(in, tag);
      }
    }
    ResourceContext rc = new ResourceContext(resource, maxLength);
    in = stream(offset, length);
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(2, LEN)) {
        int len = in.readRawVarint32();
        int off = start(in, offset);
        in.skipRawBytes(checkLength(len));
        scopeLogs(off, len, rc);
      } else {
        skipChecked(in, tag); // read in the first pass
      }
    }
  }

  /** Resource fields: attributes are read; entity references are parsed only to be checked. */
  private void resource(CodedInputStream in, int base, Attrs into) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, LEN)) {
        keyValue(in, base, into);
      } else if (tag == tag(2, VARINT)) {
        in.readUInt32();
      } else if (tag == tag(3, LEN)) {
        int len = checkLength(in.readRawVarint32());
        int off = start(in, base);
        in.skipRawBytes(len);
        EntityRef.parser().parseFrom(nestedStream(off, len)); // only checked
      } else {
        skip(in, tag);
      }
    }
  }

  private void scopeLogs(int offset, int length, ResourceContext rc) throws IOException {
    InstrumentationScope.Builder scope = null; // repeated occurrences merge, as when parsed
    CodedInputStream in = stream(offset, length);
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, LEN)) {
        int len = checkLength(in.readRawVarint32());
        int off = start(in, offset);
        in.skipRawBytes(len);
        if (scope == null) scope = InstrumentationScope.newBuilder();
        scope.mergeFrom(nestedStream(off, len));
      } else if (tag == tag(3, LEN)) {
        in.readStringRequireUtf8(); // schema_url
      } else if (tag == tag(2, LEN)) {
        in.skipRawBytes(checkLength(in.readRawVarint32())); // log_records: the second pass
      } else {
        skip(in, tag);
      }
    }
    String scopeName = scope == null ? "" : scope.getName();
    in = stream(offset, length);
    int l = 0;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(2, LEN)) {
        int len = checkLength(in.readRawVarint32());
        int old = in.pushLimit(len);
        item.reset(rc.attrs);
        logRecord(in, offset);
        in.popLimit(old);
        mapper.map(l++, item, rc, scopeName);
      } else {
        skipChecked(in, tag); // read in the first pass
      }
    }
  }

  private void logRecord(CodedInputStream in, int base) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (tag) {
        case 9 -> item.timeUnixNano = in.readFixed64(); // 1: time_unix_nano
        case 89 -> item.observedTimeUnixNano = in.readFixed64(); // 11: observed_time_unix_nano
        case 16 -> in.readEnum(); // 2: severity_number
        case 26 -> checkUtf8(in, base); // 3: severity_text
        case 42 -> { // 5: body
          int len = checkLength(in.readRawVarint32());
          int old = in.pushLimit(len);
          anyValue(in, base);
          in.popLimit(old);
          // A repeated body merges into the first: one that sets nothing changes nothing.
          if (valueKind != Attrs.Kind.EMPTY) {
            item.body = valueKind == Attrs.Kind.STRING ? (String) valueRef : null;
          }
        }
        case 50 -> keyValue(in, base, item.attrs); // 6: attributes
        case 56 -> in.readUInt32(); // 7: dropped_attributes_count
        case 69 -> in.readFixed32(); // 8: flags
        case 74, 82 -> in.skipRawBytes(checkLength(in.readRawVarint32())); // 9, 10: trace/span id
        case 98 -> item.eventName = in.readStringRequireUtf8(); // 12: event_name
        default -> skip(in, tag);
      }
    }
  }

  /** One length-prefixed KeyValue, appended to {@code into}. */
  private void keyValue(CodedInputStream in, int base, Attrs into) throws IOException {
    int len = checkLength(in.readRawVarint32());
    int old = in.pushLimit(len);
    String key = "";
    Attrs.Kind kind = Attrs.Kind.EMPTY;
    long bits = 0;
    Object ref = null;
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, LEN)) {
        key = key(in, base);
      } else if (tag == tag(2, LEN)) {
        int vlen = checkLength(in.readRawVarint32());
        int vold = in.pushLimit(vlen);
        anyValue(in, base);
        in.popLimit(vold);
        if (valueKind != Attrs.Kind.EMPTY) { // a repeated value merges, as for the body
          kind = valueKind;
          bits = valueBits;
          ref = valueRef;
        }
      } else if (tag == tag(3, VARINT)) {
        in.readInt32(); // key_strindex
      } else {
        skip(in, tag);
      }
    }
    in.popLimit(old);
    switch (kind) {
      case STRING -> into.addString(key, (String) ref);
      case BOOL -> into.addBool(key, bits != 0);
      case INT -> into.addInt(key, bits);
      case DOUBLE -> into.addDouble(key, Double.longBitsToDouble(bits));
      case EMPTY -> into.addEmpty(key);
      case OTHER -> into.addOther(key, (AnyValue) ref);
    }
  }

  /** Reads an AnyValue's fields into valueKind/valueBits/valueRef (the last of the oneof wins). */
  private void anyValue(CodedInputStream in, int base) throws IOException {
    valueKind = Attrs.Kind.EMPTY;
    valueBits = 0;
    valueRef = null;
    int tag;
    while ((tag = in.readTag()) != 0) {
      switch (tag) {
        case 10 -> set(Attrs.Kind.STRING, 0, in.readStringRequireUtf8());
        case 16 -> set(Attrs.Kind.BOOL, in.readBool() ? 1 : 0, null);
        case 24 -> set(Attrs.Kind.INT, in.readInt64(), null);
        case 33 -> set(Attrs.Kind.DOUBLE, Double.doubleToRawLongBits(in.readDouble()), null);
        case 42 -> {
          int len = checkLength(in.readRawVarint32());
          int off = start(in, base);
          in.skipRawBytes(len);
          set(Attrs.Kind.OTHER, 0, AnyValue.newBuilder().setArrayValue(
              ArrayValue.parser().parseFrom(nestedStream(off, len))).build());
        }
        case 50 -> {
          int len = checkLength(in.readRawVarint32());
          int off = start(in, base);
          in.skipRawBytes(len);
          set(Attrs.Kind.OTHER, 0, AnyValue.newBuilder().setKvlistValue(
              KeyValueList.parser().parseFrom(nestedStream(off, len))).build());
        }
        case 58 -> set(Attrs.Kind.OTHER, 0, AnyValue.newBuilder()
            .setBytesValue(in.readBytes()).build());
        case 64 -> set(Attrs.Kind.OTHER, 0, AnyValue.newBuilder()
            .setStringValueStrindex(in.readInt32()).build());
        default -> skip(in, tag);
      }
    }
  }

  private void set(Attrs.Kind kind, long bits, Object ref) {
    valueKind = kind;
    valueBits = bits;
    valueRef = ref;
  }

  private CodedInputStream nestedStream(int offset, int length) {
    CodedInputStream in = stream(offset, length);
    in.setRecursionLimit(NESTED_RECURSION_LIMIT);
    return in;
  }

  /** A key, decoded once per request: later occurrences are matched by their bytes. */
  private String key(CodedInputStream in, int base) throws IOException {
    int len = checkLength(in.readRawVarint32());
    int off = start(in, base);
    in.skipRawBytes(len); // throws when the bytes are not all there
    int h = len;
    for (int i = off, end = off + len; i < end; i++) h = 31 * h + buf[i];
    h ^= h >>> 16;
    int mask = KEY_SLOTS - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      String k = keyStrings[s];
      if (k == null) {
        String decoded = utf8(off, len);
        if (cachedKeys < MAX_CACHED_KEYS) {
          keyStrings[s] = decoded;
          keyOffsets[s] = off;
          keyLengths[s] = len;
          cachedKeys++;
        }
        return decoded;
      }
      if (keyLengths[s] == len
          && Arrays.equals(buf, keyOffsets[s], keyOffsets[s] + len, buf, off, off + len)) {
        return k;
      }
    }
  }

  private void checkUtf8(CodedInputStream in, int base) throws IOException {
    int len = checkLength(in.readRawVarint32());
    int off = start(in, base);
    in.skipRawBytes(len);
    for (int i = off, end = off + len; i < end; i++) {
      if (buf[i] < 0) {
        utf8(off, len);
        return;
      }
    }
  }

  private String utf8(int off, int len) throws InvalidProtocolBufferException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, off, len)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidProtocolBufferException("Protocol message had invalid UTF-8.");
    }
  }
}
