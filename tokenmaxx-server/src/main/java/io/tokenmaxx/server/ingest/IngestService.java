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
import java.util.Locale;

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
          ? json.readNdjson(body)
          : json.readJson(new ByteArrayInputStream(body));
    } catch (WireFormatException e) {
      metrics.rejected("ingest", "invalid", 1);
      throw ApiError.badRequest("body", e.getMessage());
    }
    if (!parsed.errors().isEmpty()) metrics.rejected("ingest", "invalid", parsed.errors().size());
    RecordBatch batch = Attribution.apply(who, parsed.records());
    if (!batch.isEmpty()) ack.commit("ingest", batch, res);
    IngestSchema.Answer out = new IngestSchema.Answer(batch.size(), parsed.errors().size(),
        parsed.errors().isEmpty() ? null : parsed.errors(),
        parsed.warnings().isEmpty() ? null : parsed.warnings());
    boolean nothingGood = batch.isEmpty() && !parsed.errors().isEmpty();
    Json.send(res, nothingGood ? Status.BAD_REQUEST_400 : Status.OK_200, out);
  }

  /** This service's operations for the OpenAPI document. */
  public static java.util.List<io.tokenmaxx.server.api.ApiOperation> operations() {
    return java.util.List.of(new io.tokenmaxx.server.api.ApiOperation("post", "/api/v1/ingest", "ingest", "ingest",
        "Store usage and outcome records (JSON or NDJSON)",
        "Needs an ingest token. Content-Type application/json (this document, or an array of usage items) or "
            + "application/x-ndjson (one item per line; \"type\": \"outcome\" marks outcomes); Content-Encoding gzip "
            + "accepted. Idempotent on each item's id (a re-sent id replaces the stored record). Good items are "
            + "stored even when others are refused; the answer names each refused item, field and reason (400 when "
            + "nothing was usable). 413 over ingest.max-body-bytes; 429 with Retry-After when the queue is full; "
            + "503 when the store failed (nothing of the batch kept; retry). Answered only once committed. A "
            + "person's token attributes every item to that person.",
        java.util.List.of(), IngestSchema.Batch.class, IngestSchema.Answer.class));
  }
}
