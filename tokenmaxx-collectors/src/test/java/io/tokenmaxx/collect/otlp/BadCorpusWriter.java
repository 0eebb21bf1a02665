package io.tokenmaxx.collect.otlp;

import static io.tokenmaxx.collect.otlp.Otlp.DELTA;
import static io.tokenmaxx.collect.otlp.Otlp.kv;

import com.google.protobuf.CodedOutputStream;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the binary files of the bad-input corpus ({@code src/test/resources/otlp/bad}); the JSON
 * files there are written by hand. To regenerate, run from the module directory after
 * {@code mvn test-compile}, with the opentelemetry-proto and protobuf-java jars on the class path:
 * {@code java -cp target/test-classes:PROTO_JAR:PROTOBUF_JAR io.tokenmaxx.collect.otlp.BadCorpusWriter}.
 */
final class BadCorpusWriter {
  static final Instant T = Instant.parse("2025-06-02T10:00:00Z");
  static final Resource CLAUDE = Otlp.resource(kv("service.name", "claude-code"));

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/otlp/bad");
    Files.createDirectories(dir);
    byte[] good = Otlp.metrics(CLAUDE, Otlp.sum("claude_code.token.usage", DELTA,
        Otlp.point(T.minusSeconds(60), T, 120, kv("session.id", "s1"),
            kv("model", "claude-sonnet-4-5"), kv("type", "input")),
        Otlp.point(T.minusSeconds(60), T, 30, kv("session.id", "s1"),
            kv("model", "claude-sonnet-4-5"), kv("type", "output")))).toByteArray();
    Files.write(dir.resolve("truncated-metrics.pb"), Arrays.copyOf(good, good.length / 2));
    Files.write(dir.resolve("garbage.pb"), "GET / HTTP/1.1\r\n\u00ff\u00fe not protobuf"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    // Field 1 (resource_metrics, a message) sent with the varint wire type: protobuf treats a
    // field with an unexpected wire type as an unknown field, so this is an empty request.
    Files.write(dir.resolve("wrong-wire-type.pb"), new byte[] {0x08, 0x01});
    // Wire type 7 does not exist.
    Files.write(dir.resolve("invalid-wire-type.pb"), new byte[] {0x0F, 0x00});

    // Unknown fields (a future field 99 at the top level and inside the data point) are kept
    // aside by protobuf and ignored.
    ByteArrayOutputStream withUnknown = new ByteArrayOutputStream();
    withUnknown.write(good);
    CodedOutputStream o = CodedOutputStream.newInstance(withUnknown);
    o.writeUInt64(99, 12345);
    o.writeString(98, "from the future");
    o.flush();
    Files.write(dir.resolve("unknown-fields.pb"), withUnknown.toByteArray());

    Files.write(dir.resolve("wrong-types-logs.pb"), Otlp.logs(CLAUDE,
        Otlp.event("claude_code.api_request", T, kv("session.id", "s1"),
            kv("event.sequence", 1L), kv("input_tokens", "a few"), kv("output_tokens", 3L)),
        Otlp.event("claude_code.api_request", T, kv("session.id", "s1"),
            kv("event.sequence", 2L), kv("input_tokens", true), kv("output_tokens", 3L)),
        Otlp.event("claude_code.api_request", T, kv("session.id", "s1"),
            kv("event.sequence", 3L), kv("input_tokens", 10L), kv("output_tokens", 3L),
            kv("cost_usd", "cheap")),
        Otlp.event("claude_code.api_request", T, kv("session.id", "s1"),
            kv("event.sequence", 4L), kv("input_tokens", 10L), kv("output_tokens", 3L)))
        .toByteArray());

    Files.write(dir.resolve("bad-values-metrics.pb"), Otlp.metrics(CLAUDE,
        Otlp.sum("claude_code.token.usage", DELTA,
            Otlp.point(T.minusSeconds(60), T, -5, kv("session.id", "s1"), kv("type", "input")),
            Otlp.point(T.minusSeconds(60), T, 1e300, kv("session.id", "s1"),
                kv("type", "output")),
            Otlp.point(T.minusSeconds(60), T, Double.NaN, kv("session.id", "s1"),
                kv("type", "cacheRead")),
            Otlp.point(T.minusSeconds(60), T, Double.POSITIVE_INFINITY,
                kv("session.id", "s1"), kv("type", "cacheCreation")),
            Otlp.point(T.minusSeconds(60), T, 7, kv("session.id", "s2"), kv("type", "input"))),
        Otlp.sum("claude_code.commit.count", DELTA,
            Otlp.point(T.minusSeconds(60), T, Long.MAX_VALUE, kv("session.id", "s1")))
        ).toByteArray());

    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      byte[] zeros = new byte[1 << 16];
      for (int i = 0; i < 32; i++) gz.write(zeros); // 2 MiB of zeros
    }
    Files.write(dir.resolve("gzip-bomb.pb.gz"), bomb.toByteArray());
    System.out.println("wrote corpus to " + dir.toAbsolutePath());
  }

  private BadCorpusWriter() {}
}
