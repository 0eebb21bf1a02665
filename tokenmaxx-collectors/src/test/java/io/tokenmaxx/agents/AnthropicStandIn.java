package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-in for the Anthropic Messages API ({@code POST /v1/messages}, also with {@code ?beta=true};
 * streamed as the API streams: {@code message_start}, content blocks, {@code ping},
 * {@code message_delta} with the final usage, {@code message_stop}; or one JSON message), plus
 * {@code /v1/messages/count_tokens} and the {@code /api/hello} reachability check. A request that
 * asks for extended thinking gets a (redacted) thinking block and its thinking tokens counted
 * inside {@code output_tokens}, as the API bills them; one that does not has its planned reasoning
 * billed as plain output.
 */
public final class AnthropicStandIn extends StandIn {
  public static final String PROVIDER = "anthropic";

  public AnthropicStandIn(UsagePlan plan, AtomicInteger seq, Clock clock) throws IOException {
    super(plan, seq, clock);
  }

  @Override
  protected boolean handle(HttpExchange ex, JsonNode body) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (path.equals("/api/hello")) {
      ex.sendResponseHeaders(200, -1);
      return false; // not a model request: listed with the unserved ones
    }
    if (!ex.getRequestMethod().equals("POST")) return false;
    if (path.equals("/v1/messages/count_tokens")) {
      json(ex, 200, object().put("input_tokens", 1000));
      return false;
    }
    if (!path.equals("/v1/messages") || body == null) return false;
    String model = body.path("model").asText("claude-sonnet-4-5");
    boolean thinking = body.path("thinking").path("type").asText("").matches("enabled|adaptive");
    ServedUsage u = nextUsage();
    if (!thinking && u.reasoning() > 0) {
      u = new ServedUsage(u.input(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h(), u.generated(), 0, u.breakdown());
    }
    String id = uniqueId("msg_01");
    ex.getResponseHeaders().set("request-id", uniqueId("req_01"));
    ObjectNode usage = usage(u, true);
    if (body.path("stream").asBoolean(false)) {
      stream(ex, id, model, u, thinking);
    } else {
      ObjectNode msg = message(id, model, usage);
      ArrayNode content = msg.putArray("content");
      if (thinking) content.add(object().put("type", "thinking").put("thinking", "").put("signature", signature(id)));
      content.add(object().put("type", "text").put("text", "Hello from the stand-in."));
      msg.put("stop_reason", "end_turn");
      json(ex, 200, msg);
    }
    record(ex, PROVIDER, model, body.path("stream").asBoolean(false), id, u, usage);
    return true;
  }

  private void stream(HttpExchange ex, String id, String model, ServedUsage u, boolean thinking) throws IOException {
    try (OutputStream out = startEvents(ex)) {
      ObjectNode start = usage(u, true);
      start.put("output_tokens", 1);
      start.remove("output_tokens_details");
      ObjectNode msg = message(id, model, start);
      msg.putArray("content");
      msg.putNull("stop_reason");
      frame(out, "message_start", object().put("type", "message_start").set("message", msg), "\n");
      int index = 0;
      if (thinking) {
        frame(out, "content_block_start", object().put("type", "content_block_start").put("index", index)
            .set("content_block", object().put("type", "thinking").put("thinking", "").put("signature", "")), "\n");
        frame(out, "content_block_delta", object().put("type", "content_block_delta").put("index", index)
            .set("delta", object().put("type", "signature_delta").put("signature", signature(id))), "\n");
        frame(out, "content_block_stop", object().put("type", "content_block_stop").put("index", index), "\n");
        index++;
      }
      frame(out, "content_block_start", object().put("type", "content_block_start").put("index", index)
          .set("content_block", object().put("type", "text").put("text", "")), "\n");
      frame(out, "ping", object().put("type", "ping"), "\n");
      for (String part : new String[] {"Hello from ", "the stand-in."}) {
        frame(out, "content_block_delta", object().put("type", "content_block_delta").put("index", index)
            .set("delta", object().put("type", "text_delta").put("text", part)), "\n");
      }
      frame(out, "content_block_stop", object().put("type", "content_block_stop").put("index", index), "\n");
      ObjectNode delta = object().put("type", "message_delta");
      delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
      delta.set("usage", usage(u, false));
      frame(out, "message_delta", delta, "\n");
      frame(out, "message_stop", object().put("type", "message_stop"), "\n");
    }
  }

  private static ObjectNode message(String id, String model, ObjectNode usage) {
    ObjectNode m = object().put("id", id).put("type", "message").put("role", "assistant").put("model", model);
    m.putNull("stop_sequence");
    m.set("usage", usage);
    return m;
  }

  /** The API's usage object; {@code full} adds the cache split (when planned) and the service tier. */
  private static ObjectNode usage(ServedUsage u, boolean full) {
    ObjectNode n = object().put("input_tokens", u.input())
        .put("cache_creation_input_tokens", u.cacheWrite())
        .put("cache_read_input_tokens", u.cacheRead());
    if (full && u.breakdown()) {
      n.putObject("cache_creation").put("ephemeral_5m_input_tokens", u.cacheWrite5m())
          .put("ephemeral_1h_input_tokens", u.cacheWrite1h());
    }
    n.put("output_tokens", u.generated());
    if (u.reasoning() > 0) n.putObject("output_tokens_details").put("thinking_tokens", u.reasoning());
    if (full) n.put("service_tier", "standard");
    return n;
  }

  private static String signature(String id) {
    return java.util.Base64.getEncoder().encodeToString(("stand-in signature of " + id).getBytes());
  }

  @Override
  protected void notFound(HttpExchange ex) throws IOException {
    ObjectNode e = object().put("type", "error");
    e.putObject("error").put("type", "not_found_error").put("message", "Not found");
    json(ex, 404, e);
  }
}
