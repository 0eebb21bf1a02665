package io.tokenmaxx.gateway.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-in for Anthropic's Messages API: {@code POST /v1/messages} (JSON or SSE with
 * message_start, content blocks of text, thinking and tool_use, message_delta with the final
 * usage, message_stop), {@code /v1/messages/count_tokens}, {@code GET /v1/models}; errors in
 * Anthropic's {@code {"type":"error","error":{...}}} shape. Usage is what the script says.
 */
public final class AnthropicStandIn extends StandInServer {
  static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();

  /** Token usage the stand-in reports (cache writes split by TTL as Anthropic does). */
  public record Usage(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h) {
    public static final Usage DEFAULT = new Usage(25, 12, 0, 0, 0);
  }

  /** A content block of the answer. */
  public sealed interface Block {}

  public record Text(String text) implements Block {}

  public record Thinking(String thinking, String signature) implements Block {}

  public record ToolUse(String id, String name, String inputJson) implements Block {}

  /** An answer: content blocks, stop reason, usage; {@code dropAfterEvents} > 0 cuts a stream. */
  public record Message(List<Block> content, String stopReason, Usage usage, int dropAfterEvents, long delayMillis)
      implements Script {
    public Message(List<Block> content, String stopReason, Usage usage) {
      this(content, stopReason, usage, 0, 0);
    }

    /** The same answer cut off after {@code events} stream events. */
    public Message dropAfter(int events) {
      return new Message(content, stopReason, usage, events, delayMillis);
    }

    /** The same answer with a pause before each stream event. */
    public Message slow(long millis) {
      return new Message(content, stopReason, usage, dropAfterEvents, millis);
    }
  }

  public static Message text(String text, Usage usage) {
    return new Message(List.of(new Text(text)), "end_turn", usage);
  }

  /** The default answer. */
  public static final Message DEFAULT = text("Hello from the stand-in.", Usage.DEFAULT);

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  protected void routing(HttpRouting.Builder r) {
    r.post("/v1/messages", this::messages)
        .post("/v1/messages/count_tokens", this::countTokens)
        .get("/v1/models", this::models);
  }

  private void messages(ServerRequest req, ServerResponse res) throws IOException {
    String body = keep(req);
    Script s = next();
    if (s == null) s = DEFAULT;
    JsonNode in;
    try {
      in = JSON.readTree(body);
    } catch (IOException e) {
      error(res, new Error(400, "invalid_request_error", "There was an error parsing the body of your request"));
      return;
    }
    if (!in.path("model").isTextual()) {
      error(res, new Error(400, "invalid_request_error", "model: Field required"));
      return;
    }
    if (s instanceof Error e) {
      error(res, e);
      return;
    }
    if (s instanceof Hang) {
      hang();
      return;
    }
    if (s instanceof Raw raw) {
      res.status(Status.create(raw.status()));
      res.header(HeaderNames.CONTENT_TYPE, raw.contentType());
      res.send(raw.body());
      return;
    }
    Message m = (Message) s;
    String model = in.path("model").asText();
    String id = "msg_standin" + Integer.toHexString(java.util.Objects.hash(model, m));
    res.header("request-id", "req_standin" + ids.incrementAndGet());
    if (in.path("stream").asBoolean(false)) {
      stream(res, m, model, id);
    } else {
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(JSON.writeValueAsBytes(message(m, model, id, true)));
    }
  }

  static ObjectNode usage(Usage u, boolean start) {
    ObjectNode n = JSON.createObjectNode();
    n.put("input_tokens", u.input());
    n.put("cache_creation_input_tokens", u.cacheWrite5m() + u.cacheWrite1h());
    n.put("cache_read_input_tokens", u.cacheRead());
    ObjectNode cc = n.putObject("cache_creation");
    cc.put("ephemeral_5m_input_tokens", u.cacheWrite5m());
    cc.put("ephemeral_1h_input_tokens", u.cacheWrite1h());
    n.put("output_tokens", start ? 1 : u.output());
    n.put("service_tier", "standard");
    return n;
  }

  private ObjectNode message(Message m, String model, String id, boolean full) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("type", "message");
    n.put("role", "assistant");
    n.put("model", model);
    ArrayNode content = n.putArray("content");
    if (full) {
      for (Block b : m.content()) content.add(block(b, true));
    }
    if (full) n.put("stop_reason", m.stopReason()); else n.putNull("stop_reason");
    n.putNull("stop_sequence");
    n.set("usage", usage(m.usage(), !full));
    return n;
  }

  private static ObjectNode block(Block b, boolean full) {
    ObjectNode n = JSON.createObjectNode();
    switch (b) {
      case Text t -> {
        n.put("type", "text");
        n.put("text", full ? t.text() : "");
      }
      case Thinking t -> {
        n.put("type", "thinking");
        n.put("thinking", full ? t.thinking() : "");
        n.put("signature", full ? t.signature() : "");
      }
      case ToolUse t -> {
        n.put("type", "tool_use");
        n.put("id", t.id());
        n.put("name", t.name());
        try {
          n.set("input", full ? JSON.readTree(t.inputJson()) : JSON.createObjectNode());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return n;
  }

  private void stream(ServerResponse res, Message m, String model, String id) throws IOException {
    sse(res);
    int[] sent = {0};
    try (OutputStream out = res.outputStream()) {
      Emitter emit = (event, data) -> {
        if (m.dropAfterEvents() > 0 && sent[0] >= m.dropAfterEvents()) throw drop();
        pause(m.delayMillis());
        writeEvent(out, event, JSON.writeValueAsString(data));
        sent[0]++;
      };
      ObjectNode start = JSON.createObjectNode();
      start.put("type", "message_start");
      start.set("message", message(m, model, id, false));
      emit.emit("message_start", start);
      int index = 0;
      for (Block b : m.content()) {
        ObjectNode bs = JSON.createObjectNode();
        bs.put("type", "content_block_start");
        bs.put("index", index);
        bs.set("content_block", block(b, false));
        emit.emit("content_block_start", bs);
        if (index == 0) emit.emit("ping", JSON.createObjectNode().put("type", "ping"));
        for (ObjectNode delta : deltas(b)) {
          ObjectNode d = JSON.createObjectNode();
          d.put("type", "content_block_delta");
          d.put("index", index);
          d.set("delta", delta);
          emit.emit("content_block_delta", d);
        }
        ObjectNode stop = JSON.createObjectNode();
        stop.put("type", "content_block_stop");
        stop.put("index", index);
        emit.emit("content_block_stop", stop);
        index++;
      }
      ObjectNode md = JSON.createObjectNode();
      md.put("type", "message_delta");
      ObjectNode delta = md.putObject("delta");
      delta.put("stop_reason", m.stopReason());
      delta.putNull("stop_sequence");
      ObjectNode u = md.putObject("usage");
      u.put("input_tokens", m.usage().input());
      u.put("cache_creation_input_tokens", m.usage().cacheWrite5m() + m.usage().cacheWrite1h());
      u.put("cache_read_input_tokens", m.usage().cacheRead());
      u.put("output_tokens", m.usage().output());
      emit.emit("message_delta", md);
      emit.emit("message_stop", JSON.createObjectNode().put("type", "message_stop"));
      streamsFinished.incrementAndGet();
    } catch (UncheckedIOException | io.helidon.webserver.ServerConnectionException e) {
      streamsAborted.incrementAndGet();
    }
  }

  private interface Emitter {
    void emit(String event, ObjectNode data) throws IOException;
  }

  /** Splits a block's content into deltas of a few characters, as the API streams them. */
  private static List<ObjectNode> deltas(Block b) {
    java.util.ArrayList<ObjectNode> out = new java.util.ArrayList<>();
    switch (b) {
      case Text t -> {
        for (String part : chunks(t.text())) out.add(JSON.createObjectNode().put("type", "text_delta").put("text", part));
      }
      case Thinking t -> {
        for (String part : chunks(t.thinking())) {
          out.add(JSON.createObjectNode().put("type", "thinking_delta").put("thinking", part));
        }
        out.add(JSON.createObjectNode().put("type", "signature_delta").put("signature", t.signature()));
      }
      case ToolUse t -> {
        for (String part : chunks(t.inputJson())) {
          out.add(JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", part));
        }
      }
    }
    return out;
  }

  static List<String> chunks(String s) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < s.length(); i += 8) out.add(s.substring(i, Math.min(s.length(), i + 8)));
    return out;
  }

  private void error(ServerResponse res, Error e) {
    res.status(Status.create(e.status()));
    e.headers().forEach(res::header);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "error");
    n.putObject("error").put("type", e.type()).put("message", e.message());
    n.put("request_id", "req_standin_error");
    res.send(n.toString());
  }

  private void countTokens(ServerRequest req, ServerResponse res) {
    String body = keep(req);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send("{\"input_tokens\":" + Math.max(1, body.length() / 4) + "}");
  }

  private void models(ServerRequest req, ServerResponse res) {
    keep(req);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send("{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":\"Claude Sonnet 4.5\","
        + "\"created_at\":\"2025-09-29T00:00:00Z\"},{\"type\":\"model\",\"id\":\"claude-haiku-4-5-20251001\","
        + "\"display_name\":\"Claude Haiku 4.5\",\"created_at\":\"2025-10-01T00:00:00Z\"}],\"has_more\":false,"
        + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-haiku-4-5-20251001\"}");
  }
}
