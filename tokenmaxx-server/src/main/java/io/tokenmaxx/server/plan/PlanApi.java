package io.tokenmaxx.server.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.server.api.ApiOperation;
import io.tokenmaxx.server.api.ApiOperation.QueryParam;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The capacity and TCO API (read scope): {@code GET /api/v1/plan/demand} is the demand recorded in
 * the last days, per model class; {@code POST /api/v1/plan/capacity} and {@code POST
 * /api/v1/plan/tco} answer a {@link PlanRequest} (the recorded demand with what-ifs, or a demand
 * given whole). Organization aggregates only: a class used by fewer people than the privacy
 * threshold is left out for callers without admin scope.
 */
public final class PlanApi implements HttpService {
  public static final String DEMAND = "/api/v1/plan/demand";
  public static final String CAPACITY = "/api/v1/plan/capacity";
  public static final String TCO = "/api/v1/plan/tco";
  private static final long MAX_BODY = 256 * 1024;

  /**
   * The answer to a capacity question.
   *
   * @param recorded the recorded demand it started from (absent when the request gave its own)
   * @param capacity the GPUs needed
   */
  public record CapacityAnswer(RecordedDemand recorded, Views.Capacity capacity) {}

  /**
   * The answer to a cost question.
   *
   * @param recorded the recorded demand it started from (absent when the request gave its own)
   * @param costs    owning versus renting versus the API
   */
  public record CostAnswer(RecordedDemand recorded, Views.Costs costs) {}

  private final RequestAuth auth;
  private final PlanService plans;
  private final int minGroupSize;

  public PlanApi(RequestAuth auth, PlanService plans, int minGroupSize) {
    this.auth = auth;
    this.plans = plans;
    this.minGroupSize = minGroupSize;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(DEMAND, this::demand).post(CAPACITY, this::capacity).post(TCO, this::tco);
  }

  /** k for the caller, and who counts toward it: everyone but the caller (whose own records they know). */
  private record Caller(int k, java.util.function.Predicate<String> counts) {}

  private Caller k(ServerRequest req) {
    Principal p = auth.require(req, Principal.Scope.READ);
    if (p.scopes().contains(Principal.Scope.ADMIN)) return new Caller(1, x -> true);
    return new Caller(minGroupSize, x -> !x.equals(p.personId()));
  }

  private void demand(ServerRequest req, ServerResponse res) {
    Caller k = k(req);
    int days = req.query().first("days").asOptional().map(v -> {
      try {
        return Integer.parseInt(v.strip());
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("days", "days must be a whole number, was '" + v + "'");
      }
    }).orElse(DemandProfiler.DEFAULT_DAYS);
    try {
      Json.ok(res, plans.recorded(days, k.k(), k.counts()));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("days", e.getMessage());
    }
  }

  private void capacity(ServerRequest req, ServerResponse res) throws IOException {
    Caller k = k(req);
    PlanRequest r = body(req);
    RecordedDemand recorded = recordedFor(r, k);
    Json.ok(res, answer(() -> new CapacityAnswer(r.demand() == null ? recorded : null, plans.engine().capacity(recorded, r))));
  }

  private void tco(ServerRequest req, ServerResponse res) throws IOException {
    Caller k = k(req);
    PlanRequest r = body(req);
    RecordedDemand recorded = recordedFor(r, k);
    Json.ok(res, answer(() -> new CostAnswer(r.demand() == null ? recorded : null, plans.engine().costs(recorded, r))));
  }

  private RecordedDemand recordedFor(PlanRequest r, Caller k) {
    try {
      return r.demand() != null && !r.demand().isEmpty() ? plans.none(r.daysOr())
          : plans.recorded(r.daysOr(), k.k(), k.counts());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("days", e.getMessage());
    }
  }

  private static <T> T answer(java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (PlanInputException e) {
      throw ApiError.badRequest(e.field(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(null, e.getMessage());
    }
  }

  private static PlanRequest body(ServerRequest req) throws IOException {
    byte[] bytes = Bodies.read(req, MAX_BODY);
    if (bytes.length == 0) return PlanRequest.DEFAULTS;
    try {
      PlanRequest r = Json.MAPPER.readValue(bytes, PlanRequest.class);
      return r == null ? PlanRequest.DEFAULTS : r;
    } catch (JsonMappingException e) {
      String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : null;
      String msg = cause != null ? cause.getMessage() : e.getOriginalMessage();
      throw ApiError.badRequest(field.isEmpty() ? "body" : field, msg);
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("body", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** The operations for the OpenAPI document. */
  public static List<ApiOperation> operations() {
    String privacy = " Organization aggregates only; with a token without admin scope, classes used by fewer people "
        + "than the privacy threshold (privacy.min-group-size) are left out.";
    return List.of(
        new ApiOperation("get", DEMAND, "planDemand", "plan", "The demand recorded in the last days, per model class",
            "Per model class (frontier-large, mid, small; from the model-class table): tokens/s at the busy minutes "
                + "(p50, p95 and the busiest of the minutes with any request), requests in flight (Little's law from "
                + "requests per minute and reported latency), prompt and answer lengths, cache share, growth against the "
                + "window before, monthly volume, and the open-weight model and API each class is planned with." + privacy,
            List.of(new QueryParam("days", "Window length in days, ending now (default 28, at most 366).", "integer")),
            null, RecordedDemand.class),
        new ApiOperation("post", CAPACITY, "planCapacity", "plan", "GPUs needed for the recorded demand (with what-ifs)",
            "Sizes every class on the chosen GPU: replicas x tensor parallel, memory per GPU, the batch a replica "
                + "runs, what limits it, load at p50/p95/peak, and GPUs month by month with growth. The body's fields are "
                + "all optional; 'demand' replaces the recorded demand." + privacy,
            List.of(), PlanRequest.class, CapacityAnswer.class),
        new ApiOperation("post", TCO, "planTco", "plan", "Owning versus renting versus the API, and the breakeven",
            "Per class and in total: cost per month of owning and renting the GPUs the traffic needs and of the "
                + "API, the breakeven volume and month, cost across volumes, a month-by-month cumulative comparison with "
                + "growth, and the answer with GPU price, API price, throughput, peak-to-average load and energy price "
                + "moved." + privacy,
            List.of(), PlanRequest.class, CostAnswer.class));
  }
}
