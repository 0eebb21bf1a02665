package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code otlp/bad} goes through the same path as a request (headers parsed,
 * decoded, answered) and must get exactly the status, counts and messages of {@code cases.tsv}.
 */
class BadInputCorpusTest {
  static final String DIR = "/otlp/bad/";

  record Case(String file, Signal signal, String contentType, String encoding, int status,
      long rejected, long accepted, List<String> fragments) {
    @Override
    public String toString() {
      return file + " as " + contentType + (encoding == null ? "" : " (" + encoding + ")");
    }
  }

  static Stream<Case> cases() throws IOException {
    String tsv = new String(read("cases.tsv"), StandardCharsets.UTF_8);
    return tsv.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
      String[] c = l.split("\t", -1);
      return new Case(c[0], Signal.valueOf(c[1].toUpperCase(Locale.ROOT)), c[2],
          c[3].equals("-") ? null : c[3], Integer.parseInt(c[4]),
          c[5].equals("-") ? -1 : Long.parseLong(c[5]), c[6].equals("-") ? -1
              : Long.parseLong(c[6]),
          c[7].isEmpty() ? List.of() : List.of(c[7].split(" && ")));
    });
  }

  static byte[] read(String name) {
    try (InputStream in = BadInputCorpusTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) throw new IllegalStateException("missing corpus file " + DIR + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void corpusFileGetsItsExpectedAnswer(Case c) throws Exception {
    OtlpDecoder decoder = OtlpDecoder.builder()
        .clock(new MutableClock(Instant.parse("2025-06-02T10:05:00Z")))
        .maxBodyBytes(1 << 20)
        .build();
    byte[] body = read(c.file());
    OtlpBatch batch = null;
    OtlpResponse response;
    String message;
    try {
      ContentType type = ContentType.fromHeader(c.contentType());
      batch = decoder.decode(c.signal(), body, type, ContentType.gzipFromHeader(c.encoding()));
      response = OtlpResponses.exported(batch);
      message = batch.errorMessage();
    } catch (OtlpDecodeException e) {
      response = OtlpResponses.error(e, null);
      message = e.getMessage();
    }
    assertThat(response.status()).as("status; message: %s", message).isEqualTo(c.status());
    if (c.status() == 200) {
      assertThat(batch.rejected()).as("rejected; errors: %s", batch.errors())
          .isEqualTo(c.rejected());
      assertThat(batch.accepted()).as("accepted").isEqualTo(c.accepted());
      assertThat(partialSuccess(c.signal(), response)).isEqualTo(c.rejected());
    }
    for (String fragment : c.fragments()) {
      assertThat(message).contains(fragment);
    }
  }

  private static long partialSuccess(Signal signal, OtlpResponse r) throws Exception {
    if (r.contentType().equals(ContentType.JSON.mediaType())) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body())
          .path("partialSuccess");
      String field = switch (signal) {
        case METRICS -> "rejectedDataPoints";
        case LOGS -> "rejectedLogRecords";
        case TRACES -> "rejectedSpans";
      };
      return node.path(field).asLong(0);
    }
    return switch (signal) {
      case METRICS -> ExportMetricsServiceResponse.parseFrom(r.body()).getPartialSuccess()
          .getRejectedDataPoints();
      case LOGS -> ExportLogsServiceResponse.parseFrom(r.body()).getPartialSuccess()
          .getRejectedLogRecords();
      case TRACES -> ExportTraceServiceResponse.parseFrom(r.body()).getPartialSuccess()
          .getRejectedSpans();
    };
  }
}
