package io.tokenmaxx.server.ops;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** {@code GET /metrics}: the server's own metrics in Prometheus text format. */
public final class MetricsService implements HttpService {
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);

  public MetricsService(PrometheusRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/metrics", this::metrics);
  }

  private void metrics(ServerRequest req, ServerResponse res) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    writer.write(out, registry.scrape());
    res.header(HeaderNames.CONTENT_TYPE, PrometheusTextFormatWriter.CONTENT_TYPE);
    res.send(out.toByteArray());
  }
}
