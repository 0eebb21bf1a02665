package io.tokenmaxx.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.gateway.budget.Admission;
import io.tokenmaxx.gateway.config.Protocol;
import io.tokenmaxx.gateway.config.Upstream;
import io.tokenmaxx.gateway.internal.translate.AnthropicToChat;
import io.tokenmaxx.gateway.internal.translate.AnthropicToChatStream;
import io.tokenmaxx.gateway.internal.translate.ChatToAnthropic;
import io.tokenmaxx.gateway.internal.usage.PromptText;
import io.tokenmaxx.gateway.internal.usage.TokenEstimator;
import io.tokenmaxx.gateway.internal.usage.TokenUsage;
import io.tokenmaxx.gateway.internal.wire.RequestInfo;
import io.tokenmaxx.gateway.internal.wire.SseReader;
import io.tokenmaxx.gateway.keys.VirtualKey;
import io.tokenmaxx.gateway.record.Attempt;
import io.tokenmaxx.gateway.record.GatewayRecord;
import io.tokenmaxx.gateway.route.Escalation;
import io.tokenmaxx.gateway.route.Planner;
import io.tokenmaxx.gateway.route.Route;
import io.tokenmaxx.gateway.route.Strategy;
import io.tokenmaxx.gateway.route.Target;
import io.tokenmaxx.identity.TokenSecrets;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client request through the gateway: authenticate, read and check the body, admit against
 * budgets, try the route's targets in the strategy's order (falling back before the first byte
 * reached the client, escalating a cascade's answer by its rules), pass the answer back (a stream
 * event by event), then settle the budgets and queue the record. Runs on the request's virtual
 * thread; blocking reads and writes give back-pressure both ways.
 */
final class Exchange {
  private static final HeaderName X_API_KEY = HeaderNames.create("x-api-key");
  private static final HeaderName REQUEST_ID = HeaderNames.create("x-tokenmaxx-request-id");
  private static final long MAX_ANSWER_BYTES = 256L << 20;
  private static final long MAX_EVENT_BYTES = 64L << 20;

  private final Gateway g;
  private final Endpoint ep;
  private final ServerRequest req;
  private final ServerResponse res;
  private final long t0 = System.nanoTime();
  private final Instant started;
  private final String id;

  private Caller caller;
  private byte[] body;
  private RequestInfo info;
  private ObjectNode tree;
  private Route route;
  private String strategyLabel;
  private List<Target> targets = List.of();
  private final List<Attempt> attempts = new ArrayList<>();
  private Admission.Admitted admitted;
  private long ttftNanos = -1;
  private int statusSent;
  private String error;
  private String escalation;
  private boolean record;
  private boolean refused;
  private Target servedTarget;
  private Upstream servedUpstream;
  private String servedModel;
  private TokenUsage servedUsage;
  private Pricing.Cost servedCost;
  private BigDecimal strongCost;

  Exchange(Gateway g, Endpoint ep, ServerRequest req, ServerResponse res) {
    this.g = g;
    this.ep = ep;
    this.req = req;
    this.res = res;
    this.started = g.clock.instant();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    this.id = "gw_" + Long.toHexString(started.toEpochMilli()) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
  }

  void run() {
    res.header(REQUEST_ID, id);
    try {
      caller = authenticate();
      if (caller == null) return;
      if (!ep.metered) {
        forwardPlain();
        return;
      }
      if (!readBody()) return;
      try {
        info = RequestInfo.read(body);
      } catch (RequestInfo.BadBody e) {
        fail(400, "invalid_request", e.getMessage());
        return;
      }
      if (info.model() == null || info.model().isBlank()) {
        fail(400, "invalid_request", "model: is required");
        return;
      }
      VirtualKey k = caller.key();
      if (k != null && !k.allows(info.model())) {
        fail(403, "model_not_allowed", "gateway key " + k.id() + " may not use model '" + info.model() + "'");
        return;
      }
      plan();
      record = true;
      if (!caller.passThrough() && !g.budgets.none()) {
        long outGuess = info.maxTokens() > 0 ? info.maxTokens() : 1024;
        long tokenGuess = info.promptTokenGuess() + outGuess;
        BigDecimal usdGuess = g.pricing.estimate(targets.get(0), info.promptTokenGuess(), outGuess, started);
        Admission a = g.budgets.admit(caller.scopes(), usdGuess, tokenGuess);
        if (a instanceof Admission.Refused r) {
          refused = true;
          res.header(HeaderNames.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
          fail(429, "budget_exceeded", r.message());
          error = r.message();
          return;
        }
        admitted = (Admission.Admitted) a;
      }
      dispatch();
    } catch (ClientGone e) {
      statusSent = 499;
      if (error == null) error = "client closed the connection";
    } catch (RuntimeException e) {
      System.getLogger(Exchange.class.getName()).log(System.Logger.Level.ERROR, "gateway request " + id + " failed", e);
      error = "gateway error: " + e.getClass().getSimpleName();
      if (!res.isSent()) {
        try {
          fail(500, "gateway_error", "the gateway failed on this request (" + e.getClass().getSimpleName() + "); request id " + id);
        } catch (RuntimeException ignored) {
          // the client is gone
        }
      }
    } finally {
      finish();
    }
  }

  // ------------------------------------------------------------------ caller and body

  private Caller authenticate() {
    String secret = req.headers().first(X_API_KEY).orElse(null);
    String header = "x-api-key";
    if (secret == null) {
      String auth = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
      if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        secret = auth.substring(7).trim();
        header = "authorization";
      }
    }
    if (secret == null || secret.isEmpty()) {
      fail(401, "missing_api_key", "no API key: send a tokenmaxx gateway key (tmx_...) in x-api-key or Authorization: Bearer");
      return null;
    }
    if (secret.startsWith(TokenSecrets.PREFIX)) {
      VirtualKey k = g.keys.findByHash(TokenSecrets.hash(secret));
      if (k == null) {
        fail(401, "invalid_api_key", "unknown gateway key");
        return null;
      }
      if (!k.active()) {
        fail(401, "invalid_api_key", "gateway key " + k.id() + " was revoked");
        return null;
      }
      return new Caller(k, null, null, null);
    }
    if (!g.config.passThrough()) {
      fail(401, "invalid_api_key", "this gateway takes tokenmaxx gateway keys (tmx_...) only; bringing a provider key "
          + "is turned off (gateway.pass-through)");
      return null;
    }
    String value = header.equals("x-api-key") ? secret : "Bearer " + secret;
    return new Caller(null, io.tokenmaxx.gateway.keys.PassThroughIdentity.hash(secret), header, value);
  }

  private boolean readBody() {
    long max = g.config.maxBodyBytes();
    var len = req.headers().contentLength();
    if (len.isPresent() && len.getAsLong() > max) {
      fail(413, "request_too_large", "the request body of " + len.getAsLong() + " bytes is larger than the gateway's limit of "
          + max + " bytes (gateway.max-body-bytes)");
      return false;
    }
    try (InputStream in = req.content().inputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    } catch (IOException | UncheckedIOException e) {
      throw new ClientGone(e);
    }
    if (body.length > max) {
      fail(413, "request_too_large", "the request body is larger than the gateway's limit of " + max
          + " bytes (gateway.max-body-bytes)");
      return false;
    }
    return true;
  }

  private ObjectNode tree() {
    if (tree == null) {
      try {
        tree = (ObjectNode) Answer.JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tree;
  }

  // ------------------------------------------------------------------ routing

  private void plan() {
    if (caller.passThrough()) {
      Upstream u = g.config.defaultUpstream(ep.protocol);
      targets = List.of(new Target(u.name(), info.model(), 1, null, 0));
      strategyLabel = "pass-through";
      return;
    }
    route = null;
    for (Route r : g.config.routes()) {
      if (r.model().equals(info.model())) {
        route = r;
        break;
      }
    }
    if (route == null) {
      for (Route r : g.config.routes()) if (r.model().equals("*")) route = r;
    }
    if (route == null) {
      Upstream u = g.config.defaultUpstream(ep.protocol);
      targets = List.of(new Target(u.name(), info.model(), 1, null, 0));
      strategyLabel = "direct";
      return;
    }
    Strategy s = route.strategy();
    if (caller.key().strategy() != null) s = Strategy.parse(caller.key().strategy());
    long outGuess = info.maxTokens() > 0 ? info.maxTokens() : 1024;
    List<Target> ts = route.model().equals("*")
        ? route.targets().stream().map(t -> t.model().equals("*")
            ? new Target(t.upstream(), info.model(), t.weight(), t.price(), t.contextWindow()) : t).toList()
        : route.targets();
    targets = Planner.order(s, ts, t -> g.pricing.estimate(t, info.promptTokenGuess(), outGuess, started), g.stats, g.random);
    strategyLabel = s.label();
  }

  /** The endpoint to call on an upstream of {@code p} for this client endpoint; null when impossible. */
  private Endpoint upstreamEndpoint(Protocol p) {
    if (p == ep.protocol) return ep;
    if (ep == Endpoint.CHAT && p == Protocol.ANTHROPIC) return Endpoint.MESSAGES;
    return null;
  }

  private boolean cascade() {
    return route != null && "cascade".equals(strategyLabel);
  }

  private void dispatch() {
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      boolean last = i == targets.size() - 1;
      Upstream u = g.config.upstreams().get(t.upstream());
      Endpoint upEp = upstreamEndpoint(u.protocol());
      if (upEp == null) {
        attempts.add(new Attempt(u.name(), t.model(), null, Attempt.SKIPPED, "speaks " + u.protocol().label()
            + "; " + ep.label() + " cannot be translated to it", 0, null, null));
        if (last) fail(400, "no_target", "no upstream of model '" + info.model() + "' can serve " + ep.label());
        continue;
      }
      if (cascade() && !last && route.escalateOn().contains(Escalation.CONTEXT) && t.contextWindow() > 0) {
        long need = promptTokens(t.model()) + Math.max(0, info.maxTokens());
        if (need > t.contextWindow()) {
          attempts.add(new Attempt(u.name(), t.model(), null, Attempt.SKIPPED, "context: " + need
              + " tokens do not fit the window of " + t.contextWindow(), 0, null, null));
          escalation = Escalation.CONTEXT.label();
          continue;
        }
      }
      byte[] out;
      try {
        out = upstreamBody(t, upEp);
      } catch (ChatToAnthropic.Untranslatable e) {
        fail(400, "invalid_request", e.getMessage());
        error = e.getMessage();
        return;
      }
      long a0 = System.nanoTime();
      HttpClientResponse r;
      try {
        r = send(u, upEp, out);
      } catch (RuntimeException e) {
        boolean timeout = Failures.isTimeout(e);
        String why = (timeout ? "timeout: no answer within " + g.config.readTimeout().toSeconds() + " s"
            : "connection failed: " + Failures.rootMessage(e));
        attempts.add(new Attempt(u.name(), t.model(), null, Attempt.FAILED, why, millisSince(a0), null, null));
        if (last) {
          error = "upstream " + u.name() + " " + why;
          fail(timeout ? 504 : 502, timeout ? "upstream_timeout" : "upstream_unreachable", "upstream " + u.name() + " " + why);
        }
        continue;
      }
      int st = r.status().code();
      if (retryable(st) && !last) {
        String detail = upstreamErrorMessage(r);
        attempts.add(new Attempt(u.name(), t.model(), st, Attempt.FAILED, "status " + st + (detail.isEmpty() ? "" : ": " + detail),
            millisSince(a0), null, null));
        continue;
      }
      if (st >= 400) {
        passError(r, u, t, upEp, a0);
        return;
      }
      boolean check = cascade() && !last;
      boolean sse = r.headers().contentType().map(m -> m.mediaType().text().contains("event-stream")).orElse(false);
      boolean done = info.stream() && sse ? stream(r, u, t, upEp, a0, check) : whole(r, u, t, upEp, a0, check);
      if (done) return;
    }
  }

  private static boolean retryable(int st) {
    return st == 408 || st == 429 || st >= 500;
  }

  private byte[] upstreamBody(Target t, Endpoint upEp) throws ChatToAnthropic.Untranslatable {
    if (upEp != ep) {
      return bytes(ChatToAnthropic.request(tree(), t.model()));
    }
    boolean rename = !t.model().equals(info.model());
    boolean addUsage = ep == Endpoint.CHAT && info.stream() && !info.includeUsage();
    if (!rename && !addUsage) return body;
    ObjectNode copy = tree().deepCopy();
    if (rename) copy.put("model", t.model());
    if (addUsage) {
      JsonNode so = copy.get("stream_options");
      ObjectNode o = so instanceof ObjectNode on ? on : copy.putObject("stream_options");
      o.put("include_usage", true);
    }
    return bytes(copy);
  }

  /** JSON through the gateway's mapper (JsonNode.toString would take per-thread buffers). */
  private static byte[] bytes(JsonNode n) {
    try {
      return Answer.JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpClientResponse send(Upstream u, Endpoint upEp, byte[] out) {
    return UpstreamRequests.send(g, req, caller, u, upEp.upstreamPath, upEp != ep, out);
  }

  // ------------------------------------------------------------------ answers

  /** A whole (not streamed) answer; false when a cascade escalated past it. */
  private boolean whole(HttpClientResponse r, Upstream u, Target t, Endpoint upEp, long a0, boolean check) {
    byte[] bytes;
    try (r) {
      bytes = r.inputStream().readNBytes((int) MAX_ANSWER_BYTES);
    } catch (IOException | RuntimeException e) {
      String why = (Failures.isTimeout(e) ? "timeout while reading the answer" : "answer cut off: " + Failures.rootMessage(e));
      attempts.add(new Attempt(u.name(), t.model(), r.status().code(), Attempt.FAILED, why, millisSince(a0), null, null));
      if (t == targets.get(targets.size() - 1)) {
        error = "upstream " + u.name() + " " + why;
        fail(502, "upstream_error", "upstream " + u.name() + " " + why);
        return true;
      }
      return false;
    }
    g.stats.observe(t.key(), Duration.ofNanos(System.nanoTime() - a0));
    boolean translate = upEp != ep;
    Answer a = check || translate ? null : Answer.usageOnly(upEp, bytes);
    JsonNode json = null;
    if (a == null) {
      try {
        json = Answer.JSON.readTree(bytes);
      } catch (IOException e) {
        // not JSON: passed on as it is, counted with the tokenizer
      }
      a = Answer.ofBody(upEp, json);
    }
    if (check) {
      String why = escalationReason(a);
      if (why != null) {
        escalated(u, t, a, a0, why, r.status().code());
        return false;
      }
    }
    byte[] toClient = bytes;
    res.status(Status.create(r.status().code()));
    if (translate && json != null) {
      toClient = bytes(AnthropicToChat.completion(json, started.getEpochSecond()));
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
    } else {
      copyHeaders(r);
    }
    served(u, t, a, a0, r.status().code());
    firstByte();
    try {
      res.send(toClient);
    } catch (RuntimeException e) {
      throw new ClientGone(e);
    }
    return true;
  }

  /** A streamed answer; false when a cascade escalated past it or it failed before anything was sent. */
  private boolean stream(HttpClientResponse r, Upstream u, Target t, Endpoint upEp, long a0, boolean check) {
    StreamTracker tracker = StreamTracker.of(upEp);
    SseReader reader = new SseReader(r.inputStream(), MAX_EVENT_BYTES);
    List<SseReader.Event> held = check ? new ArrayList<>() : null;
    EventOut out = null;
    String upstreamFailure = null;
    boolean first = true;
    try {
      while (true) {
        SseReader.Event e;
        try {
          e = reader.next();
        } catch (IOException | RuntimeException x) {
          upstreamFailure = Failures.isTimeout(x) ? "timeout: no event within " + g.config.readTimeout().toSeconds() + " s"
              : "stream broken: " + Failures.rootMessage(x);
          break;
        }
        if (e == null) break;
        if (first) {
          g.stats.observe(t.key(), Duration.ofNanos(System.nanoTime() - a0));
          first = false;
        }
        try {
          tracker.onEvent(e);
        } catch (IOException | RuntimeException ignored) {
          // an event we cannot read is still passed on; its usage is estimated
        }
        if (held != null) {
          held.add(e);
          continue;
        }
        if (out == null) out = open(r, upEp);
        out.write(e, tracker);
      }
      if (upstreamFailure == null && !tracker.answer.complete) {
        upstreamFailure = reader.truncated() ? "stream cut off inside an event" : "stream ended before its last event";
      }
      if (held != null) {
        if (upstreamFailure != null) {
          attempts.add(new Attempt(u.name(), t.model(), r.status().code(), Attempt.FAILED, upstreamFailure,
              millisSince(a0), null, null));
          return false;
        }
        String why = escalationReason(tracker.answer);
        if (why != null) {
          escalated(u, t, tracker.answer, a0, why, r.status().code());
          return false;
        }
        out = open(r, upEp);
        for (SseReader.Event e : held) out.write(e, tracker);
      }
      served(u, t, tracker.answer, a0, r.status().code());
      if (upstreamFailure != null) {
        error = "upstream " + u.name() + " " + upstreamFailure;
        if (out == null) out = open(r, upEp);
        out.error("upstream " + u.name() + " failed mid-stream (" + upstreamFailure + "); the answer is incomplete");
      }
      if (out != null) out.close();
      return true;
    } catch (ClientGone gone) {
      served(u, t, tracker.answer, a0, r.status().code());
      throw gone;
    } finally {
      r.close();
    }
  }

  private EventOut open(HttpClientResponse r, Endpoint upEp) {
    res.status(Status.create(r.status().code()));
    if (upEp != ep) {
      res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
      res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    } else {
      copyHeaders(r);
    }
    OutputStream os;
    try {
      os = res.outputStream();
    } catch (RuntimeException e) {
      throw new ClientGone(e);
    }
    return new EventOut(os, ep, upEp != ep ? new AnthropicToChatStream(info.includeUsage(), started.getEpochSecond()) : null,
        ep == Endpoint.CHAT && upEp == ep && !info.includeUsage(), this::firstByte);
  }

  private void copyHeaders(HttpClientResponse r) {
    for (Header h : r.headers()) if (Headers.forwardResponse(h.name())) res.header(h);
  }

  private String escalationReason(Answer a) {
    var rules = route.escalateOn();
    if (rules.contains(Escalation.LENGTH) && a.finish == Answer.Finish.LENGTH) return Escalation.LENGTH.label();
    if (rules.contains(Escalation.REFUSAL) && a.refusal) return Escalation.REFUSAL.label();
    if (rules.contains(Escalation.INVALID_JSON) && info.jsonWanted() && a.finish != Answer.Finish.TOOL && !a.textIsJson()) {
      return Escalation.INVALID_JSON.label();
    }
    return null;
  }

  private void escalated(Upstream u, Target t, Answer a, long a0, String why, int status) {
    String model = a.servedModel != null ? a.servedModel : t.model();
    TokenUsage usage = usageOf(a, model);
    Pricing.Cost c = g.pricing.cost(t, model, usage, started);
    UsageRecord rec = usageRecord(id + "-" + attempts.size(), u, model, usage, c, millisSince(a0), UsageRecord.STATUS_OK);
    attempts.add(new Attempt(u.name(), t.model(), status, Attempt.ESCALATED, why, millisSince(a0), c.usd(), rec));
    escalation = why;
  }

  private void served(Upstream u, Target t, Answer a, long a0, int status) {
    servedTarget = t;
    servedUpstream = u;
    servedModel = a.servedModel != null ? a.servedModel : t.model();
    servedUsage = usageOf(a, servedModel);
    servedCost = g.pricing.cost(t, servedModel, servedUsage, started);
    statusSent = status;
    attempts.add(new Attempt(u.name(), t.model(), status, Attempt.SERVED, null, millisSince(a0), servedCost.usd(), null));
    if (cascade()) {
      Target strong = targets.get(targets.size() - 1);
      strongCost = g.pricing.cost(strong, strong.model(), servedUsage, started).usd();
    }
  }

  /** The answer's usage; counted with the tokenizer (and marked estimated) where it reported none or was cut off. */
  private TokenUsage usageOf(Answer a, String model) {
    TokenUsage u = a.usage;
    if (u != null && a.complete) return u;
    long out = TokenEstimator.count(model, a.text);
    if (u == null) {
      long prompt = ep == Endpoint.EMBEDDINGS || ep.metered ? promptTokens(model) : 0;
      return new TokenUsage(prompt, out, 0, 0, 0, 0, true);
    }
    boolean more = out > u.generated();
    return new TokenUsage(u.input(), more ? out - u.reasoning() : u.output(), u.cacheRead(), u.cacheWrite5m(),
        u.cacheWrite1h(), u.reasoning(), more);
  }

  private long promptTokens(String model) {
    return TokenEstimator.count(model, PromptText.of(tree()));
  }

  // ------------------------------------------------------------------ errors

  private void passError(HttpClientResponse r, Upstream u, Target t, Endpoint upEp, long a0) {
    int st = r.status().code();
    byte[] bytes;
    try (r) {
      bytes = r.inputStream().readNBytes(1 << 20);
    } catch (IOException | RuntimeException e) {
      bytes = new byte[0];
    }
    String detail = messageOf(bytes);
    attempts.add(new Attempt(u.name(), t.model(), st, Attempt.FAILED, "status " + st + (detail.isEmpty() ? "" : ": " + detail),
        millisSince(a0), null, null));
    error = "upstream " + u.name() + " answered " + st + (detail.isEmpty() ? "" : ": " + detail);
    servedUpstream = u;
    servedTarget = t;
    statusSent = st;
    res.status(Status.create(st));
    if (upEp != ep) {
      try {
        bytes = bytes(AnthropicToChat.error(Answer.JSON.readTree(bytes)));
      } catch (IOException e) {
        bytes = ProviderErrors.body(ep.protocol, st, null, error);
      }
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      r.headers().first(HeaderNames.RETRY_AFTER).ifPresent(v -> res.header(HeaderNames.RETRY_AFTER, v));
    } else {
      copyHeaders(r);
    }
    firstByte();
    try {
      res.send(bytes);
    } catch (RuntimeException e) {
      throw new ClientGone(e);
    }
  }

  private String upstreamErrorMessage(HttpClientResponse r) {
    try (r) {
      return messageOf(r.inputStream().readNBytes(1 << 16));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The error message of a provider's error body (no other content of it). */
  private static String messageOf(byte[] bytes) {
    try {
      JsonNode n = Answer.JSON.readTree(bytes);
      String m = n.path("error").path("message").asText("");
      return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Answers the client with the gateway's own error in its provider's shape. */
  private void fail(int status, String code, String message) {
    statusSent = status;
    res.status(Status.create(status));
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    firstByte();
    try {
      res.send(ProviderErrors.body(ep.protocol, status, code, message));
    } catch (RuntimeException e) {
      throw new ClientGone(e);
    }
  }

  private void firstByte() {
    if (ttftNanos < 0) ttftNanos = System.nanoTime() - t0;
  }

  private static long millisSince(long t) {
    return (System.nanoTime() - t) / 1_000_000;
  }

  // ------------------------------------------------------------------ non-metered endpoints

  private void forwardPlain() {
    Upstream u = g.config.defaultUpstream(ep.protocol);
    byte[] out = null;
    if (req.prologue().method() == Method.POST) {
      if (!readBody()) return;
      out = body;
    }
    // /anthropic/v1/models -> /v1/models (Anthropic bases have no /v1); /openai/v1/models -> /models
    String path = req.path().path();
    int v1 = path.indexOf("/v1/");
    String sub = ep.protocol == Protocol.ANTHROPIC ? path.substring(v1) : path.substring(v1 + 3);
    HttpClientResponse r;
    try {
      r = UpstreamRequests.send(g, req, caller, u, sub, false, out);
    } catch (RuntimeException e) {
      boolean timeout = Failures.isTimeout(e);
      fail(timeout ? 504 : 502, "upstream_unreachable", "upstream " + u.name() + (timeout ? " timed out" : " unreachable: " + Failures.rootMessage(e)));
      return;
    }
    try (r) {
      byte[] bytes = r.inputStream().readNBytes((int) MAX_ANSWER_BYTES);
      res.status(Status.create(r.status().code()));
      copyHeaders(r);
      res.send(bytes);
    } catch (IOException e) {
      fail(502, "upstream_error", "upstream " + u.name() + " answer cut off");
    } catch (UncheckedIOException e) {
      throw new ClientGone(e);
    }
  }

  // ------------------------------------------------------------------ record

  private UsageRecord usageRecord(String recordId, Upstream u, String model, TokenUsage usage, Pricing.Cost cost,
      long latencyMs, String status) {
    return UsageRecord.builder()
        .id(recordId)
        .timestamp(started)
        .source(Sources.GATEWAY)
        .tool(Headers.tool(req.headers().first(HeaderNames.USER_AGENT).orElse(null)))
        .provider(u == null ? ep.protocol.label() : u.provider())
        .model(model)
        .person(caller.person())
        .identity(caller.identity())
        .inputTokens(usage.input())
        .outputTokens(usage.output())
        .cacheReadTokens(usage.cacheRead())
        .cacheWrite5mTokens(usage.cacheWrite5m())
        .cacheWrite1hTokens(usage.cacheWrite1h())
        .reasoningTokens(usage.reasoning())
        .requests(refused ? 0 : 1)
        .computedCost(cost == null ? null : cost.usd())
        .priceRef(cost == null ? null : cost.ref())
        .latencyMs(latencyMs)
        .status(status)
        .promptHash(info == null ? null : info.promptHash())
        .build();
  }

  private void finish() {
    long latency = millisSince(t0);
    BigDecimal usd = servedCost == null ? null : servedCost.usd();
    long tokens = servedUsage == null ? 0 : servedUsage.total();
    for (Attempt a : attempts) {
      if (a.usage() == null) continue;
      tokens += a.usage().totalTokens();
      if (a.cost() != null) usd = usd == null ? a.cost() : usd.add(a.cost());
    }
    // an unpriced part books nothing in dollar budgets (it is recorded as unpriced, never as $0)
    if (admitted != null) g.budgets.settle(admitted, usd, tokens);
    if (!record) return;
    boolean ok = error == null && statusSent < 400;
    TokenUsage usage = servedUsage == null ? TokenUsage.NONE : servedUsage;
    UsageRecord u = usageRecord(id, servedUpstream, servedModel != null ? servedModel : info.model(), usage, servedCost,
        latency, ok ? UsageRecord.STATUS_OK : UsageRecord.STATUS_ERROR);
    GatewayRecord rec = new GatewayRecord(u, caller.key() == null ? null : caller.key().id(), caller.team(), ep.label(),
        info.model(), servedModel, servedUpstream == null ? null : servedUpstream.name(), statusSent,
        ttftNanos < 0 ? null : ttftNanos / 1_000_000, info.stream(), usage.estimated(), strategyLabel, attempts,
        escalation, strongCost, error);
    g.shipper.offer(rec);
  }
}
