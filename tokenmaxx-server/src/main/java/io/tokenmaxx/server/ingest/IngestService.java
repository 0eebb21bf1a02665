package io.tokenmaxx.server.ingest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.pipeline.IngestMetrics;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.wire.ParsedBatch;
import io.tokenmaxx.wire.RecordJson;
import io.tokenmaxx.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/ingest}: JSON or NDJSON batches of usage and outcome records (see
 * {@link RecordJson}). Good items are stored even when others are refused; the answer lists each
 * refused item with the field and the reason. Idempotent on the client's record ids.
 */
public final class IngestService implements HttpService {
  private final RequestAuth auth;
  private final RecordJson json;
  private final Acknowledger ack;
  private final IngestMetrics metrics;
  private final long maxBody;

  public IngestService(RequestAuth auth, RecordJson json, Acknowledger ack, IngestMetrics metrics,
      long maxBody) {
    this.auth = auth;
    this.json = json;
    this.ack = ack;
    this.metrics = metrics;
    this.maxBody = maxBody;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/api/v1/ingest", this::ingest);
  }

  private void ingest(ServerRequest req, ServerResponse res) throws IOException {
    Principal who = auth.require(req, Principal.Scope.INGEST);
    byte[] body = Bodies.read(req, maxBody);
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("application/json")
        .toLowerCase(Locale.ROOT);
    ParsedBatch parsed;
    try {
      parsed = type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq")
          ? json.readNdjson(new ByteArrayInputStream(body))
          : json.readJson(new ByteArrayInputStream(body));
    } catch (WireFormatException e) {
      metrics.rejected("ingest", "invalid", 1);
      throw ApiError.badRequest("body", e.getMessage());
    }
    if (!parsed.errors().isEmpty()) metrics.rejected("ingest", "invalid", parsed.errors().size());
    RecordBatch batch = Attribution.apply(who, parsed.records());
    if (!batch.isEmpty()) ack.commit("ingest", batch, res);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accepted", batch.size());
    out.put("rejected", parsed.errors().size());
    if (!parsed.errors().isEmpty()) out.put("errors", parsed.errors());
    if (!parsed.warnings().isEmpty()) out.put("warnings", parsed.warnings());
    boolean nothingGood = batch.isEmpty() && !parsed.errors().isEmpty();
    Json.send(res, nothingGood ? Status.BAD_REQUEST_400 : Status.OK_200, out);
  }
}
