package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.WireFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The protobuf logs reader ({@link LogsWire}) against the generated parser followed by the same
 * mapper, on seeded random requests: agent events with attributes of every kind (numeric strings,
 * negative and huge counts, doubles, arrays, key-value lists, bytes, empty values, repeated keys,
 * more attributes than the scan limit), fields written in shuffled order, repeated singular
 * fields and empty occurrences of them (which merge), unknown fields of every wire type, and the same bytes truncated or with
 * a byte changed. Both must give the same records, counts and messages, or both refuse the body.
 */
class LogsWirePropertyTest {
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC);
  static final String[] EVENTS = {"claude_code.api_request", "claude_code.api_error",
      "claude_code.user_prompt", "gemini_cli.api_response", "gemini_cli.api_error",
      "codex.sse_event", "codex.api_request", "codex.user_prompt", "claude_code.tool_result",
      "api_request", "something.else"};
  static final String[] KEYS = {"session.id", "conversation.id", "user.email", "user.account_uuid",
      "user.id", "organization.id", "installation.id", "model", "input_tokens", "output_tokens",
      "cache_read_tokens", "cache_creation_tokens", "cost_usd", "duration_ms", "event.name",
      "event.timestamp", "event.sequence", "prompt.id", "prompt_id", "request_id", "prompt",
      "prompt_length", "input_token_count", "output_token_count", "cached_content_token_count",
      "thoughts_token_count", "tool_token_count", "reasoning_token_count", "cached_token_count",
      "event.kind", "status_code", "http.response.status_code", "error.message", "status",
      "terminal.type", "app.version", "", "model ", "sessi\u00f6n.id"};
  static final String[] RESOURCE_KEYS = {"service.name", "team", "department", "host.name",
      "user.email", "organization.id", "os.type", "deployment.environment"};
  static final String[] SERVICES = {"claude-code", "gemini-cli", "codex_cli_rs", "my-app"};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void readsWhatTheGeneratedParserReads(long seed) throws Exception {
    Random rnd = new Random(seed);
    for (int round = 0; round < 40; round++) {
      ExportLogsServiceRequest request = request(rnd);
      byte[] bytes = rnd.nextInt(3) == 0 ? request.toByteArray() : scrambled(request, rnd);
      String where = "seed " + seed + " round " + round;
      compare(bytes, where);
      // The same bytes broken: cut short, or one byte changed.
      if (bytes.length > 0) {
        compare(java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length)), where + " truncated");
        for (int k = 0; k < 3; k++) {
          byte[] changed = bytes.clone();
          changed[rnd.nextInt(changed.length)] = (byte) rnd.nextInt(256);
          compare(changed, where + " changed");
        }
      }
    }
  }

  /** Both readers agree on {@code bytes}: the same batch, or both refuse it as protobuf. */
  static void compare(byte[] bytes, String where) throws Exception {
    OtlpBatch expected;
    try {
      expected = reference(bytes);
    } catch (InvalidProtocolBufferException e) {
      OtlpDecodeException refused = catchThrowableOfType(OtlpDecodeException.class,
          () -> decoder().decode(Signal.LOGS, bytes, ContentType.PROTOBUF, false));
      assertThat(refused).as(where + ": the generated parser refused it (" + e.getMessage()
          + ")").isNotNull();
      assertThat(refused.httpStatus()).isEqualTo(400);
      return;
    }
    OtlpBatch actual = decoder().decode(Signal.LOGS, bytes, ContentType.PROTOBUF, false);
    assertThat(actual.usage()).as(where).isEqualTo(expected.usage());
    assertThat(actual.outcomes()).as(where).isEqualTo(expected.outcomes());
    assertThat(actual.errors()).as(where).isEqualTo(expected.errors());
    assertThat(actual.identities()).as(where).isEqualTo(expected.identities());
    assertThat(actual.retractions()).as(where).isEqualTo(expected.retractions());
    assertThat(new long[] {actual.accepted(), actual.rejected(), actual.ignored()}).as(where)
        .containsExactly(expected.accepted(), expected.rejected(), expected.ignored());
  }

  static OtlpDecoder decoder() {
    return OtlpDecoder.builder().clock(CLOCK).maxValueLength(64).build();
  }

  /** The generated parser, then the mapper over the parsed messages. */
  static OtlpBatch reference(byte[] bytes) throws InvalidProtocolBufferException {
    ExportLogsServiceRequest parsed = ExportLogsServiceRequest.parseFrom(bytes);
    Settings settings = new Settings(CLOCK, new Deltas(new InMemorySeriesStateStore(CLOCK), CLOCK),
        new InMemorySessionSignalIndex(CLOCK), 64, 10, true, java.time.Instant.EPOCH);
    BatchBuilder out = new BatchBuilder(Signal.LOGS, ContentType.PROTOBUF, 10);
    new LogMapper(settings, out).map(parsed, ItemErrors.NONE);
    return out.build();
  }

  static ExportLogsServiceRequest request(Random rnd) {
    ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
    for (int r = rnd.nextInt(3) + (rnd.nextInt(8) == 0 ? 0 : 1); r > 0; r--) {
      ResourceLogs.Builder rl = ResourceLogs.newBuilder();
      if (rnd.nextInt(6) > 0) {
        Resource.Builder res = Resource.newBuilder();
        if (rnd.nextInt(5) > 0) {
          res.addAttributes(kv("service.name", str(SERVICES[rnd.nextInt(SERVICES.length)])));
        }
        for (int a = rnd.nextInt(5); a > 0; a--) {
          res.addAttributes(kv(RESOURCE_KEYS[rnd.nextInt(RESOURCE_KEYS.length)], value(rnd)));
        }
        rl.setResource(res);
      }
      for (int s = rnd.nextInt(3) + 1; s > 0; s--) {
        ScopeLogs.Builder sl = ScopeLogs.newBuilder();
        if (rnd.nextBoolean()) {
          sl.setScope(InstrumentationScope.newBuilder().setName(rnd.nextBoolean()
              ? "com.anthropic.claude_code.events" : "other").setVersion("1.0")
              .addAttributes(kv("scope.attr", value(rnd))));
        }
        for (int l = rnd.nextInt(12); l > 0; l--) sl.addLogRecords(record(rnd));
        if (rnd.nextInt(4) == 0) sl.setSchemaUrl("https://opentelemetry.io/schemas/1.30.0");
        rl.addScopeLogs(sl);
      }
      b.addResourceLogs(rl);
    }
    return b.build();
  }

  static LogRecord record(Random rnd) {
    LogRecord.Builder r = LogRecord.newBuilder();
    long nanos = (T0.getEpochSecond() + rnd.nextInt(3000)) * 1_000_000_000L + rnd.nextInt(1000);
    switch (rnd.nextInt(6)) {
      case 0 -> r.setObservedTimeUnixNano(nanos);
      case 1 -> r.setTimeUnixNano(-nanos); // a fixed64 with the top bit set
      case 2 -> { } // no time at all (event.timestamp, or rejected)
      default -> r.setTimeUnixNano(nanos).setObservedTimeUnixNano(nanos + 5);
    }
    String event = EVENTS[rnd.nextInt(EVENTS.length)];
    switch (rnd.nextInt(4)) {
      case 0 -> r.setEventName(event);
      case 1 -> r.setBody(str(event));
      case 2 -> r.setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
          .addValues(kv("event", str(event)))));
      default -> r.addAttributes(kv("event.name", str(event.substring(event.indexOf('.') + 1))));
    }
    if (rnd.nextInt(4) == 0) r.setSeverityText("INFO").setSeverityNumberValue(9);
    if (rnd.nextInt(4) == 0) {
      r.setTraceId(ByteString.copyFrom(new byte[16])).setSpanId(ByteString.copyFrom(new byte[8]))
          .setFlags(1).setDroppedAttributesCount(2);
    }
    List<KeyValue> attrs = new ArrayList<>();
    // Mostly a plausible event, sometimes odd values; sometimes more than the scan limit.
    for (String k : new String[] {"session.id", "user.email", "model", "input_tokens",
        "output_tokens", "cache_read_tokens", "cost_usd", "duration_ms", "prompt.id",
        "input_token_count", "output_token_count", "event.kind"}) {
      if (rnd.nextInt(5) > 0) attrs.add(kv(k, plausible(k, rnd)));
    }
    for (int a = rnd.nextInt(rnd.nextInt(4) == 0 ? 30 : 5); a > 0; a--) {
      attrs.add(kv(KEYS[rnd.nextInt(KEYS.length)], value(rnd)));
    }
    Collections.shuffle(attrs, rnd);
    return r.addAllAttributes(attrs).build();
  }

  static AnyValue plausible(String key, Random rnd) {
    if (rnd.nextInt(10) == 0) return value(rnd);
    return switch (key) {
      case "session.id", "prompt.id" -> str("s-" + rnd.nextInt(5));
      case "user.email" -> str("user" + rnd.nextInt(4) + "@example.com");
      case "model" -> str(rnd.nextBoolean() ? "claude-sonnet-4-5" : "gemini-2.5-pro");
      case "cost_usd" -> rnd.nextBoolean() ? str("0.0125") : AnyValue.newBuilder()
          .setDoubleValue(rnd.nextDouble()).build();
      case "event.kind" -> str("response.completed");
      default -> rnd.nextBoolean() ? str(Integer.toString(rnd.nextInt(5000)))
          : AnyValue.newBuilder().setIntValue(rnd.nextInt(5000)).build();
    };
  }

  static AnyValue value(Random rnd) {
    return switch (rnd.nextInt(14)) {
      case 0 -> str("");
      case 1 -> str("-3");
      case 2 -> str("1.5");
      case 3 -> str("abc");
      case 4 -> str("x".repeat(70)); // over the length limit of 64
      case 5 -> AnyValue.newBuilder().setIntValue(-7).build();
      case 6 -> AnyValue.newBuilder().setIntValue(Long.MAX_VALUE).build();
      case 7 -> AnyValue.newBuilder().setDoubleValue(Double.NaN).build();
      case 8 -> AnyValue.newBuilder().setBoolValue(rnd.nextBoolean()).build();
      case 9 -> AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(str("a")))
          .build();
      case 10 -> AnyValue.newBuilder().setBytesValue(ByteString.copyFromUtf8("b")).build();
      case 11 -> AnyValue.getDefaultInstance();
      case 12 -> str("caf\u00e9 \ud83d\ude00");
      default -> str(Integer.toString(rnd.nextInt(100_000)));
    };
  }

  static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  static KeyValue kv(String k, AnyValue v) {
    return KeyValue.newBuilder().setKey(k).setValue(v).build();
  }

  /**
   * The message's bytes with every message's fields in a random order (a repeated field's
   * elements keep theirs), some unknown fields added, and sometimes a singular message field
   * split in two occurrences (which a parser merges back into one).
   */
  static byte[] scrambled(Message m, Random rnd) throws IOException {
    List<byte[]> parts = new ArrayList<>();
    List<Integer> fieldOf = new ArrayList<>();
    for (var e : m.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      List<?> values = f.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
      for (Object v : values) {
        if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          Message sub = (Message) v;
          if (!f.isRepeated() && rnd.nextInt(4) == 0 && sub.getAllFields().size() > 1) {
            // Two occurrences: the first field alone, then the rest.
            var first = sub.getAllFields().keySet().iterator().next();
            Message a = sub.toBuilder().clear().setField(first, sub.getField(first)).build();
            Message b = sub.toBuilder().clearField(first).build();
            parts.add(lengthDelimited(f.getNumber(), scrambled(a, rnd)));
            fieldOf.add(f.getNumber());
            parts.add(lengthDelimited(f.getNumber(), scrambled(b, rnd)));
            fieldOf.add(f.getNumber());
            continue;
          }
          parts.add(lengthDelimited(f.getNumber(), scrambled(sub, rnd)));
          if (!f.isRepeated() && rnd.nextInt(6) == 0) { // an empty occurrence merges as nothing
            fieldOf.add(f.getNumber());
            parts.add(lengthDelimited(f.getNumber(), new byte[0]));
          }
        } else {
          Message.Builder only = m.newBuilderForType();
          if (f.isRepeated()) only.addRepeatedField(f, v); else only.setField(f, v);
          parts.add(only.build().toByteArray());
        }
        fieldOf.add(f.getNumber());
      }
    }
    if (rnd.nextInt(3) == 0) {
      parts.add(unknownField(rnd));
      fieldOf.add(-parts.size());
    }
    // Shuffle, then restore the relative order of each field's own occurrences.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) order.add(i);
    Collections.shuffle(order, rnd);
    List<Integer> slotsByField = new ArrayList<>(order);
    java.util.Map<Integer, java.util.ArrayDeque<Integer>> pending = new java.util.HashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      pending.computeIfAbsent(fieldOf.get(i), k -> new java.util.ArrayDeque<>()).add(i);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int slot : slotsByField) {
      int index = pending.get(fieldOf.get(slot)).poll();
      out.write(parts.get(index));
    }
    return out.toByteArray();
  }

  static byte[] lengthDelimited(int field, byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
    out.writeUInt32NoTag(body.length);
    out.writeRawBytes(body);
    out.flush();
    return bytes.toByteArray();
  }

  static byte[] unknownField(Random rnd) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    int field = 100 + rnd.nextInt(1000);
    switch (rnd.nextInt(5)) {
      case 0 -> out.writeInt64(field, rnd.nextLong());
      case 1 -> out.writeFixed64(field, rnd.nextLong());
      case 2 -> out.writeFixed32(field, rnd.nextInt());
      case 3 -> out.writeByteArray(field, new byte[] {(byte) 0xff, 1, 2});
      default -> {
        out.writeTag(field, WireFormat.WIRETYPE_START_GROUP);
        out.writeInt32(1, 5);
        out.writeTag(field, WireFormat.WIRETYPE_END_GROUP);
      }
    }
    out.flush();
    return bytes.toByteArray();
  }
}
