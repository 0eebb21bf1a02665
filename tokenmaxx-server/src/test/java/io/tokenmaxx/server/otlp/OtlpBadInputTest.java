package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OTLP bad-input corpus (truncated protobuf, wrong types, negative and overflowing counts,
 * unknown fields, gzip bombs, huge payloads, bad tokens) posted to a running server: each gets the
 * right status with a message in OTLP's own encoding, and the server keeps serving.
 */
class OtlpBadInputTest {
  @TempDir static Path dir;
  static TestServer server;
  static String token;

  record Case(String file, String path, String contentType, String encoding, int status, String fragment) {
    @Override
    public String toString() {
      return file + " " + contentType + (encoding == null ? "" : " " + encoding);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir, Map.of("ingest.max-body-bytes", Integer.toString(1 << 20)));
    token = server.ingestToken("ops@example.com");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static byte[] read(String name) {
    try (InputStream in = OtlpBadInputTest.class.getResourceAsStream("/otlp/bad/" + name)) {
      if (in == null) throw new IllegalStateException("missing corpus file " + name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The decoder's corpus, with the answers the server gives where its HTTP layer answers first. */
  static Stream<Case> cases() {
    String tsv = new String(read("cases.tsv"), StandardCharsets.UTF_8);
    List<Case> out = new ArrayList<>();
    for (String l : tsv.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
      String[] c = l.split("\t", -1);
      String encoding = c[3].equals("-") ? null : c[3];
      String fragment = c[7].isEmpty() ? null : c[7].split(" && ")[0];
      int status = Integer.parseInt(c[4]);
      if (c[0].equals("gzip-bomb.pb.gz")) fragment = "exceeds the limit of 1048576 bytes";
      if (c[0].equals("unknown-fields.pb") && "br".equals(encoding)) fragment = "unsupported Content-Encoding";
      out.add(new Case(c[0], "/v1/" + c[1], c[2], encoding, status, fragment));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadBodyGetsItsStatusAndAMessage(Case c) throws Exception {
    List<String> headers = new ArrayList<>();
    if (c.encoding() != null) {
      headers.add("Content-Encoding");
      headers.add(c.encoding());
    }
    HttpResponse<String> r = server.post(c.path(), token, c.contentType(), read(c.file()),
        headers.toArray(String[]::new));
    assertThat(r.statusCode()).as("status of %s: %s", c, r.body()).isEqualTo(c.status());
    if (c.fragment() != null) assertThat(r.body()).contains(c.fragment());
    assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void badTokensAndHugeBodiesAreRefusedInOtlpEncoding() throws Exception {
    byte[] ok = read("unknown-fields.json");
    HttpResponse<String> none = server.post("/v1/metrics", null, "application/json", ok);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(none.body()).contains("missing token");
    HttpResponse<String> wrong = server.post("/v1/metrics", "tmx_wrong", "application/json", ok);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("unknown or revoked token");
    HttpResponse<String> huge = server.post("/v1/logs", token, "application/x-protobuf", new byte[2 << 20]);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.headers().firstValue("Content-Type")).contains("application/x-protobuf");
    HttpResponse<String> good = server.post("/v1/metrics", token, "application/json", ok);
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(server.post("/v1/profiles", token, "application/json", ok).statusCode()).isEqualTo(404);
  }
}
