package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripts and styles: compressed when the browser accepts it, revalidated by ETag, nothing else served. */
class StaticAssetsWebTest {
  static TestDashboard app;
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    app = TestDashboard.get();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void theChartLibraryIsSentCompressedAndRevalidatedByEtag() throws Exception {
    String path = "/webjars/echarts/5.5.0/echarts.min.js";
    HttpResponse<byte[]> plain = get(path);
    HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    assertThat(gz.headers().firstValue("content-encoding")).contains("gzip");
    assertThat(gz.body().length).isLessThan(plain.body().length / 2);
    try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.body());
    }
    String etag = plain.headers().firstValue("etag").orElseThrow();
    assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(plain.headers().firstValue("cache-control")).contains("public, max-age=86400");
  }

  @Test
  void ourOwnAssetsAreServedAndNothingOutsideTheirFolders() throws Exception {
    assertThat(get("/static/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
    for (String bad : new String[] {"/static/../application.yaml", "/static/%2e%2e/web/static/app.css",
        "/webjars/echarts/5.5.0/package.json", "/static/", "/static/missing.js",
        "/webjars/../../io/tokenmaxx/server/web/StaticAssets.class"}) {
      assertThat(get(bad).statusCode()).as(bad).isIn(400, 404);
    }
  }
}
