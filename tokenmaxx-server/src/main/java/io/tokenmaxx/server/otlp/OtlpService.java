package io.tokenmaxx.server.otlp;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.collect.otlp.ContentType;
import io.tokenmaxx.collect.otlp.OtlpBatch;
import io.tokenmaxx.collect.otlp.OtlpDecodeException;
import io.tokenmaxx.collect.otlp.OtlpDecoder;
import io.tokenmaxx.collect.otlp.OtlpResponse;
import io.tokenmaxx.collect.otlp.OtlpResponses;
import io.tokenmaxx.collect.otlp.Retraction;
import io.tokenmaxx.collect.otlp.Signal;
import io.tokenmaxx.pipeline.IngestMetrics;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.ingest.Acknowledger;
import io.tokenmaxx.server.ingest.Attribution;
import io.tokenmaxx.storage.UsageRetractions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP/HTTP receiver on {@code /v1/metrics}, {@code /v1/logs} and {@code /v1/traces} (protobuf or
 * JSON, gzip or not). It only moves bytes: {@link OtlpDecoder} turns them into records; this
 * service authenticates, commits them through the ingest queue, applies the decoder's
 * retractions, saves the cumulative-series state and only then acknowledges — every answer,
 * errors included, in OTLP's own encoding ({@code google.rpc.Status}), with 429/503 and
 * {@code Retry-After} where the exporter should retry.
 */
public final class OtlpService implements HttpService {
  /** Retractions look this far back (metric records of a session that later sent events). */
  static final Duration RETRACTION_WINDOW = Duration.ofDays(30);

  private final RequestAuth auth;
  private final OtlpDecoder decoder;
  private final Acknowledger ack;
  private final UsageRetractions retractions;
  private final StoredSeriesState seriesState;
  private final StoredSessionIndex sessions;
  private final IdentityLearner learner;
  private final IngestMetrics metrics;
  private final long maxBody;
  private final Clock clock;
  private final RetractionGate gate;

  public OtlpService(RequestAuth auth, OtlpDecoder decoder, Acknowledger ack,
      UsageRetractions retractions, StoredSeriesState seriesState, StoredSessionIndex sessions,
      IdentityLearner learner, IngestMetrics metrics, long maxBody, Clock clock) {
    this.auth = auth;
    this.decoder = decoder;
    this.ack = ack;
    this.retractions = retractions;
    this.seriesState = seriesState;
    this.sessions = sessions;
    this.learner = learner;
    this.metrics = metrics;
    this.maxBody = maxBody;
    this.clock = clock;
    this.gate = new RetractionGate(retractions, clock, RETRACTION_WINDOW);
  }

  @Override
  public void routing(HttpRules rules) {
    for (Signal s : Signal.values()) rules.post(s.path(), (req, res) -> export(s, req, res));
  }

  private void export(Signal signal, ServerRequest req, ServerResponse res) {
    ContentType type = null;
    try {
      type = ContentType.fromHeader(req.headers().first(HeaderNames.CONTENT_TYPE).orElse(null));
      Principal who = auth.require(req, Principal.Scope.INGEST);
      byte[] body = Bodies.read(req, maxBody);
      OtlpBatch batch;
      try {
        batch = decoder.decode(signal, body, type, false);
      } catch (OtlpDecodeException e) {
        throw e;
      } catch (RuntimeException bug) {
        // Not the store: this body would fail the same way again, so it must not be retried (a 500).
        System.getLogger(OtlpService.class.getName()).log(System.Logger.Level.ERROR,
            "decoding an OTLP export on " + signal.path() + " failed", bug);
        metrics.rejected("otlp", "undecodable", 1);
        send(res, OtlpResponses.error(500, "the server could not decode this export ("
            + bug.getClass().getSimpleName() + "; logged); sending it again would fail the same way", type));
        return;
      }
      if (batch.rejected() > 0) metrics.rejected("otlp", "invalid", (int) Math.min(Integer.MAX_VALUE, batch.rejected()));
      RecordBatch records = Attribution.apply(who, batch.records());
      gate.metricsStoring(batch.metricScopes());
      try {
        ack.commit("otlp", records, res);
      } catch (RuntimeException notStored) {
        decoder.rollback(batch);
        throw notStored;
      }
      Instant since = clock.instant().minus(RETRACTION_WINDOW);
      List<Retraction> retract = new ArrayList<>();
      for (Retraction r : batch.retractions()) {
        if (gate.worthRetracting(r, since)) retract.add(r);
      }
      retract.addAll(decoder.commit(batch)); // this batch's own metric records: always
      for (Retraction r : retract) {
        retractions.retract(r.tool(), r.idPrefix(), r.sessionId(), r.project(), since);
      }
      seriesState.flush();
      sessions.flush();
      if (!batch.identities().isEmpty()) learner.learn(batch.identities());
      send(res, OtlpResponses.exported(batch));
    } catch (OtlpDecodeException e) {
      metrics.rejected("otlp", "undecodable", 1);
      send(res, OtlpResponses.error(e, type));
    } catch (ApiError e) { // Retry-After, where it applies, was set by the Acknowledger
      send(res, OtlpResponses.error(e.status().code(), e.getMessage(), type));
    } catch (java.io.IOException | RuntimeException e) {
      System.getLogger(OtlpService.class.getName()).log(System.Logger.Level.ERROR,
          "OTLP export on " + signal.path() + " failed", e);
      if (!res.headers().contains(HeaderNames.RETRY_AFTER)) res.header(HeaderNames.RETRY_AFTER, "5");
      send(res, OtlpResponses.unavailable("the server could not store this export; retry ("
          + e.getClass().getSimpleName() + ")", type));
    }
  }

  /** The OTLP paths for the OpenAPI document (their bodies are OTLP's own protobuf or JSON). */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    List<io.tokenmaxx.server.api.ApiOperation> out = new ArrayList<>();
    for (Signal s : Signal.values()) {
      out.add(new io.tokenmaxx.server.api.ApiOperation("post", s.path(), "otlp" + s.name().charAt(0)
          + s.name().substring(1).toLowerCase(java.util.Locale.ROOT), "otlp",
          "OTLP/HTTP export of " + s.items(),
          "The OpenTelemetry protocol's Export" + s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT)
              + "ServiceRequest, as application/x-protobuf or application/json, gzip or not; answered in the same "
              + "encoding with partial success (rejected items counted and described). Needs an ingest token "
              + "(Authorization: Bearer, or the header named by auth.otlp-header). 429/503 with Retry-After are "
              + "retryable. What each agent's telemetry becomes is described in the collectors' README.",
          List.of(), null, Object.class));
    }
    return out;
  }

  private static void send(ServerResponse res, OtlpResponse r) {
    res.status(Status.create(r.status()));
    res.header(HeaderNames.CONTENT_TYPE, r.contentType());
    res.send(r.body());
  }
}
