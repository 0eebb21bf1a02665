package io.tokenmaxx.collect.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads OTLP/JSON into the OTLP protobuf messages. OTLP/JSON is not protobuf's canonical JSON
 * mapping, so this reader (driven by the message descriptors, for every OTLP message alike)
 * follows the OTLP specification instead:
 * <ul>
 *   <li>keys are lowerCamelCase; the proto field names are accepted too;</li>
 *   <li>enums are integers (names are accepted too);</li>
 *   <li>64-bit integers are decimal strings or numbers;</li>
 *   <li>{@code traceId}, {@code spanId} and {@code parentSpanId} are hex, other bytes base64;</li>
 *   <li>unknown fields are ignored.</li>
 * </ul>
 * A value of the wrong type inside a data point, log record or span is recorded in
 * {@link ItemErrors} and only that item is rejected; anywhere else, and for malformed JSON, the
 * whole body is refused.
 */
final class OtlpJsonReader {
  private static final int MAX_DEPTH = 64;
  private static final Set<String> HEX_FIELDS = Set.of("trace_id", "span_id", "parent_span_id");
  /** Repeated fields whose index is part of an item key, and which of them are item levels. */
  private static final Set<String> CONTAINERS = Set.of("resource_metrics", "scope_metrics",
      "metrics", "data_points", "resource_logs", "scope_logs", "log_records", "resource_spans",
      "scope_spans", "spans");
  private static final Set<String> ITEM_LEVELS = Set.of("metrics", "data_points", "log_records",
      "spans");
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH * 2).build())
      .build();
  private static final Map<Descriptor, Map<String, FieldDescriptor>> FIELDS =
      new ConcurrentHashMap<>();
  private static final Descriptor KEY_VALUE = KeyValue.getDescriptor();
  private static final Map<String, FieldDescriptor> ANY_VALUE_FIELDS =
      fieldsOf(AnyValue.getDescriptor());

  private final JsonParser parser;
  private final ItemErrors errors = new ItemErrors();
  private final String[] pathNames = new String[MAX_DEPTH + 1];
  private final int[] pathIndex = new int[MAX_DEPTH + 1];
  private int depth;

  private OtlpJsonReader(JsonParser parser) {
    this.parser = parser;
  }

  /** Merges the JSON document in {@code json} into {@code root}; returns the per-item errors. */
  static ItemErrors read(byte[] json, Message.Builder root) throws OtlpDecodeException {
    try (JsonParser p = FACTORY.createParser(json)) {
      OtlpJsonReader reader = new OtlpJsonReader(p);
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new OtlpDecodeException(400, "invalid OTLP/JSON: the body must be a JSON object, was "
            + (first == null ? "empty" : first.asString() == null ? first.name() : first.asString()));
      }
      reader.readMessage(root);
      if (p.nextToken() != null) {
        throw new OtlpDecodeException(400, "invalid OTLP/JSON: unexpected content after the object"
            + " at " + location(p));
      }
      return reader.errors.isEmpty() ? ItemErrors.NONE : reader.errors;
    } catch (JsonProcessingException e) {
      throw new OtlpDecodeException(400, "invalid JSON: " + e.getOriginalMessage() + " at "
          + location(e.getProcessor() instanceof JsonParser jp ? jp : null), e);
    } catch (IOException e) {
      throw new OtlpDecodeException(400, "invalid JSON: " + e.getMessage(), e);
    }
  }

  private static String location(JsonParser p) {
    if (p == null) return "unknown position";
    var loc = p.currentLocation();
    return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
  }

  /** Parser positioned on START_OBJECT; leaves it on the matching END_OBJECT. */
  private void readMessage(Message.Builder builder) throws IOException, OtlpDecodeException {
    Map<String, FieldDescriptor> fields = fieldsOf(builder.getDescriptorForType());
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      FieldDescriptor fd = fields.get(name);
      if (fd == null || value == JsonToken.VALUE_NULL) {
        parser.skipChildren();
        continue;
      }
      push(fd.getName(), -1);
      if (fd.isRepeated()) {
        readRepeated(builder, fd, value);
      } else {
        readSingle(builder, fd, value);
      }
      depth--;
    }
  }

  private void readRepeated(Message.Builder builder, FieldDescriptor fd, JsonToken value)
      throws IOException, OtlpDecodeException {
    if (value != JsonToken.START_ARRAY) {
      valueError("expected an array, was " + describe(value));
      parser.skipChildren();
      return;
    }
    int index = 0;
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      pathIndex[depth] = index++;
      if (element == JsonToken.VALUE_NULL) continue;
      if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && fd.getMessageType() == KEY_VALUE) {
        KeyValue kv = readKeyValue(element);
        if (kv != null) builder.addRepeatedField(fd, kv);
      } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        Message.Builder sub = readSubMessage(builder, fd, element);
        if (sub != null) builder.addRepeatedField(fd, sub.build());
      } else {
        Object v = readScalar(fd, element);
        if (v != null) builder.addRepeatedField(fd, v);
      }
    }
  }

  /**
   * Attributes are most of any OTLP body: {@code KeyValue} and {@code AnyValue} are read with
   * their generated builders rather than through reflection. Returns null after recording an error.
   */
  private KeyValue readKeyValue(JsonToken token) throws IOException, OtlpDecodeException {
    if (token != JsonToken.START_OBJECT) {
      valueError("expected an object, was " + describe(token));
      parser.skipChildren();
      return null;
    }
    KeyValue.Builder kv = KeyValue.newBuilder();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken t = parser.nextToken();
      if (t == JsonToken.VALUE_NULL) continue;
      switch (name) {
        case "key" -> {
          push("key", -1);
          if (t == JsonToken.VALUE_STRING) {
            kv.setKey(parser.getText());
          } else {
            valueError("expected a string, was " + describe(t));
            parser.skipChildren();
          }
          depth--;
        }
        case "value" -> {
          push("value", -1);
          AnyValue v = readAnyValue(t);
          if (v != null) kv.setValue(v);
          depth--;
        }
        default -> parser.skipChildren();
      }
    }
    return kv.build();
  }

  private AnyValue readAnyValue(JsonToken token) throws IOException, OtlpDecodeException {
    if (token != JsonToken.START_OBJECT) {
      valueError("expected an object, was " + describe(token));
      parser.skipChildren();
      return null;
    }
    if (depth >= MAX_DEPTH) {
      throw new OtlpDecodeException(400, "invalid OTLP/JSON: nested deeper than " + MAX_DEPTH
          + " levels at " + path());
    }
    AnyValue.Builder v = AnyValue.newBuilder();
    Map<String, FieldDescriptor> fields = ANY_VALUE_FIELDS;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken t = parser.nextToken();
      FieldDescriptor fd = fields.get(name);
      if (fd == null || t == JsonToken.VALUE_NULL) {
        parser.skipChildren();
        continue;
      }
      push(fd.getName(), -1);
      switch (fd.getNumber()) {
        case AnyValue.ARRAY_VALUE_FIELD_NUMBER -> {
          ArrayValue.Builder array = ArrayValue.newBuilder();
          if (readValues(t, array, null)) v.setArrayValue(array);
        }
        case AnyValue.KVLIST_VALUE_FIELD_NUMBER -> {
          KeyValueList.Builder list = KeyValueList.newBuilder();
          if (readValues(t, null, list)) v.setKvlistValue(list);
        }
        default -> {
          Object scalar = readScalar(fd, t);
          if (scalar != null) v.setField(fd, scalar);
        }
      }
      depth--;
    }
    return v.build();
  }

  /** {@code {"values":[...]}} of an array (AnyValues) or a kvlist (KeyValues). */
  private boolean readValues(JsonToken token, ArrayValue.Builder array, KeyValueList.Builder list)
      throws IOException, OtlpDecodeException {
    if (token != JsonToken.START_OBJECT) {
      valueError("expected an object, was " + describe(token));
      parser.skipChildren();
      return false;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken t = parser.nextToken();
      if (!name.equals("values") || t == JsonToken.VALUE_NULL) {
        parser.skipChildren();
        continue;
      }
      push("values", -1);
      if (t != JsonToken.START_ARRAY) {
        valueError("expected an array, was " + describe(t));
        parser.skipChildren();
      } else {
        int index = 0;
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
          pathIndex[depth] = index++;
          if (element == JsonToken.VALUE_NULL) continue;
          if (array != null) {
            AnyValue e = readAnyValue(element);
            if (e != null) array.addValues(e);
          } else {
            KeyValue e = readKeyValue(element);
            if (e != null) list.addValues(e);
          }
        }
      }
      depth--;
    }
    return true;
  }

  private void readSingle(Message.Builder builder, FieldDescriptor fd, JsonToken value)
      throws IOException, OtlpDecodeException {
    if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      Message.Builder sub = readSubMessage(builder, fd, value);
      if (sub != null) builder.setField(fd, sub.build());
    } else {
      Object v = readScalar(fd, value);
      if (v != null) builder.setField(fd, v);
    }
  }

  private Message.Builder readSubMessage(Message.Builder parent, FieldDescriptor fd,
      JsonToken token) throws IOException, OtlpDecodeException {
    if (token != JsonToken.START_OBJECT) {
      valueError("expected an object, was " + describe(token));
      parser.skipChildren();
      return null;
    }
    if (depth >= MAX_DEPTH) {
      throw new OtlpDecodeException(400, "invalid OTLP/JSON: nested deeper than " + MAX_DEPTH
          + " levels at " + path());
    }
    Message.Builder sub = parent.newBuilderForField(fd);
    readMessage(sub);
    return sub;
  }

  /** Returns the value to set, or null after recording an error (the token is consumed). */
  private Object readScalar(FieldDescriptor fd, JsonToken t) throws IOException,
      OtlpDecodeException {
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      valueError("expected " + expected(fd) + ", was " + describe(t));
      parser.skipChildren();
      return null;
    }
    try {
      return switch (fd.getJavaType()) {
        case STRING -> {
          if (t != JsonToken.VALUE_STRING) throw new NumberFormatException();
          yield parser.getText();
        }
        case BOOLEAN -> switch (t) {
          case VALUE_TRUE -> Boolean.TRUE;
          case VALUE_FALSE -> Boolean.FALSE;
          case VALUE_STRING -> switch (parser.getText()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException();
          };
          default -> throw new NumberFormatException();
        };
        case INT -> (int) integer(t, isUnsigned(fd) ? 0 : Integer.MIN_VALUE,
            isUnsigned(fd) ? 0xFFFF_FFFFL : Integer.MAX_VALUE);
        case LONG -> isUnsigned(fd) ? unsignedLong(t) : integer(t, Long.MIN_VALUE, Long.MAX_VALUE);
        case DOUBLE -> floating(t);
        case FLOAT -> (float) floating(t);
        case BYTE_STRING -> bytes(fd, t);
        case ENUM -> enumValue(fd.getEnumType(), t);
        case MESSAGE -> throw new IllegalStateException("not a scalar: " + fd.getFullName());
      };
    } catch (NumberFormatException | ArithmeticException e) {
      valueError("expected " + expected(fd) + ", was " + describe(t) + quoted(t));
      return null;
    }
  }

  private String quoted(JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT
        || t == JsonToken.VALUE_NUMBER_FLOAT) {
      String text = parser.getText();
      if (text.length() > 40) text = text.substring(0, 40) + "...";
      return " '" + text + "'";
    }
    return "";
  }

  private long integer(JsonToken t, long min, long max) throws IOException {
    long v;
    Long fast = fastLong(t);
    if (fast != null) {
      v = fast;
    } else {
      BigInteger big = bigInteger(t);
      if (big.bitLength() > 63) throw new ArithmeticException("out of range");
      v = big.longValue();
    }
    if (v < min || v > max) throw new ArithmeticException("out of range");
    return v;
  }

  private static final BigInteger UNSIGNED_64_MAX = BigInteger.ONE.shiftLeft(64).subtract(
      BigInteger.ONE);

  private long unsignedLong(JsonToken t) throws IOException {
    Long fast = fastLong(t);
    if (fast != null) {
      if (fast < 0) throw new ArithmeticException("out of range");
      return fast;
    }
    BigInteger v = bigInteger(t);
    if (v.signum() < 0 || v.compareTo(UNSIGNED_64_MAX) > 0) {
      throw new ArithmeticException("out of range");
    }
    return v.longValue();
  }

  /** The value when it is a plain integer within the signed 64-bit range, else null. */
  private Long fastLong(JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType nt = parser.getNumberType();
      return nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG
          ? parser.getLongValue() : null;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = parser.getText();
      int n = s.length();
      if (n == 0 || n > 20) return null;
      for (int i = s.charAt(0) == '-' ? 1 : 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') return null;
      }
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    return null;
  }

  private BigInteger bigInteger(JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NUMBER_INT -> parser.getBigIntegerValue();
      case VALUE_NUMBER_FLOAT -> exactInteger(parser.getDecimalValue());
      case VALUE_STRING -> parseInteger(parser.getText());
      default -> throw new NumberFormatException();
    };
  }

  private static BigInteger parseInteger(String s) {
    String trimmed = s.trim();
    if (trimmed.isEmpty()) throw new NumberFormatException();
    try {
      return new BigInteger(trimmed);
    } catch (NumberFormatException e) {
      return exactInteger(new BigDecimal(trimmed));
    }
  }

  /**
   * The integer a decimal such as {@code 1.5e3} writes; its digits are never expanded beyond 20
   * (so {@code 1e999999999}, a few bytes, is out of range at once instead of a billion digits).
   */
  private static BigInteger exactInteger(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() > 0) throw new ArithmeticException("not an integer");
    if (s.precision() - s.scale() > 20) throw new ArithmeticException("out of range");
    return s.toBigIntegerExact();
  }

  private double floating(JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_STRING -> switch (parser.getText()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(parser.getText().trim());
      };
      default -> throw new NumberFormatException();
    };
  }

  private ByteString bytes(FieldDescriptor fd, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) throw new NumberFormatException();
    String s = parser.getText();
    try {
      if (HEX_FIELDS.contains(fd.getName())) return ByteString.copyFrom(HexFormat.of().parseHex(s));
      try {
        return ByteString.copyFrom(Base64.getDecoder().decode(s));
      } catch (IllegalArgumentException e) {
        return ByteString.copyFrom(Base64.getUrlDecoder().decode(s));
      }
    } catch (IllegalArgumentException e) {
      throw new NumberFormatException();
    }
  }

  private EnumValueDescriptor enumValue(EnumDescriptor type, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      long n = parser.getLongValue();
      if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) throw new ArithmeticException();
      return type.findValueByNumberCreatingIfUnknown((int) n);
    }
    if (t == JsonToken.VALUE_STRING) {
      EnumValueDescriptor v = type.findValueByName(parser.getText());
      if (v == null) throw new NumberFormatException();
      return v;
    }
    throw new NumberFormatException();
  }

  private static boolean isUnsigned(FieldDescriptor fd) {
    return switch (fd.getType()) {
      case UINT32, FIXED32, UINT64, FIXED64 -> true;
      default -> false;
    };
  }

  private static String expected(FieldDescriptor fd) {
    return switch (fd.getJavaType()) {
      case STRING -> "a string";
      case BOOLEAN -> "true or false";
      case INT, LONG -> (isUnsigned(fd) ? "an unsigned " : "a ")
          + (fd.getJavaType() == FieldDescriptor.JavaType.INT ? "32" : "64") + "-bit integer";
      case DOUBLE, FLOAT -> "a number";
      case BYTE_STRING -> HEX_FIELDS.contains(fd.getName()) ? "a hex string" : "a base64 string";
      case ENUM -> "an enum number of " + fd.getEnumType().getName();
      case MESSAGE -> "an object";
    };
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> t.name();
    };
  }

  private void push(String fieldName, int index) throws OtlpDecodeException {
    if (depth >= MAX_DEPTH) {
      throw new OtlpDecodeException(400, "invalid OTLP/JSON: nested deeper than " + MAX_DEPTH
          + " levels at " + path());
    }
    depth++;
    pathNames[depth] = fieldName;
    pathIndex[depth] = index;
  }

  /** Records a bad value against its item, or refuses the body when it is outside any item. */
  private void valueError(String what) throws OtlpDecodeException {
    String message = path() + ": " + what;
    StringBuilder key = new StringBuilder();
    boolean inItem = false;
    for (int i = 1; i <= depth; i++) {
      if (pathIndex[i] >= 0 && CONTAINERS.contains(pathNames[i])) {
        if (!key.isEmpty()) key.append('/');
        key.append(pathIndex[i]);
        inItem |= ITEM_LEVELS.contains(pathNames[i]);
      }
    }
    if (!inItem) throw new OtlpDecodeException(400, "invalid OTLP/JSON: " + message);
    errors.add(key.toString(), message);
  }

  /** The JSON path of the current value, e.g. {@code resourceMetrics[0].scopeMetrics[1]...}. */
  private String path() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= depth; i++) {
      if (i > 1) b.append('.');
      b.append(camel(pathNames[i]));
      if (pathIndex[i] >= 0) b.append('[').append(pathIndex[i]).append(']');
    }
    return b.toString();
  }

  private static String camel(String protoName) {
    StringBuilder b = new StringBuilder(protoName.length());
    boolean up = false;
    for (int i = 0; i < protoName.length(); i++) {
      char c = protoName.charAt(i);
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static Map<String, FieldDescriptor> fieldsOf(Descriptor d) {
    Map<String, FieldDescriptor> known = FIELDS.get(d);
    if (known != null) return known;
    return FIELDS.computeIfAbsent(d, desc -> {
      Map<String, FieldDescriptor> m = new HashMap<>();
      for (FieldDescriptor fd : desc.getFields()) {
        m.put(fd.getName(), fd);
        m.put(fd.getJsonName(), fd);
      }
      return Map.copyOf(m);
    });
  }
}
