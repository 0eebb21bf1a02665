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
 * Stand-in for OpenAI's API (and any OpenAI-compatible server): {@code /v1/chat/completions}
 * (JSON, or SSE chunks ending in {@code data: [DONE]}, with the usage chunk only when the request
 * asked for {@code stream_options.include_usage}), {@code /v1/responses} (JSON, or the typed
 * {@code response.*} events ending in {@code response.completed}), {@code /v1/embeddings},
 * {@code GET /v1/models}; errors in OpenAI's {@code {"error":{...}}} shape.
 */
public final class OpenAiStandIn extends StandInServer {
  static final ObjectMapper JSON = AnthropicStandIn.JSON;
  private final AtomicLong ids = new AtomicLong();

  /**
   * Usage as OpenAI reports it: {@code prompt} includes {@code cached}, {@code completion}
   * includes {@code reasoning}.
   */
  public record Usage(long prompt, long completion, long cached, long reasoning) {
    public static final Usage DEFAULT = new Usage(30, 10, 0, 0);
  }

  public record ToolCall(String id, String name, String arguments) {}

  /**
   * A chat answer (also used for the Responses API): text or tool calls, finish reason, usage;
   * {@code reportUsage} false leaves usage out as some OpenAI-compatible servers do;
   * {@code dropAfterChunks} > 0 cuts a stream.
   */
  public record Chat(String content, List<ToolCall> toolCalls, String finishReason, Usage usage,
      boolean reportUsage, int dropAfterChunks, long delayMillis) implements Script {
    public Chat(String content, Usage usage) {
      this(content, List.of(), "stop", usage, true, 0, 0);
    }

    public static Chat tools(List<ToolCall> calls, Usage usage) {
      return new Chat(null, calls, "tool_calls", usage, true, 0, 0);
    }

    public Chat finish(String reason) {
      return new Chat(content, toolCalls, reason, usage, reportUsage, dropAfterChunks, delayMillis);
    }

    public Chat withoutUsage() {
      return new Chat(content, toolCalls, finishReason, usage, false, dropAfterChunks, delayMillis);
    }

    public Chat dropAfter(int chunks) {
      return new Chat(content, toolCalls, finishReason, usage, reportUsage, chunks, delayMillis);
    }

    public Chat slow(long millis) {
      return new Chat(content, toolCalls, finishReason, usage, reportUsage, dropAfterChunks, millis);
    }
  }

  public static final Chat DEFAULT = new Chat("Hello from the stand-in.", Usage.DEFAULT);

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  @Override
  protected void routing(HttpRouting.Builder r) {
    r.post("/v1/chat/completions", this::chat)
        .post("/v1/responses", this::responses)
        .post("/v1/embeddings", this::embeddings)
        .get("/v1/models", this::models);
  }

  private record Parsed(JsonNode body, Script script) {}

  private Parsed prepare(ServerRequest req, ServerResponse res) throws IOException {
    String body = keep(req);
    JsonNode in;
    try {
      in = JSON.readTree(body);
    } catch (IOException e) {
      error(res, new Error(400, "invalid_request_error", "We could not parse the JSON body of your request."));
      return null;
    }
    if (in == null || !in.path("model").isTextual()) {
      error(res, new Error(400, "invalid_request_error", "you must provide a model parameter"));
      return null;
    }
    Script s = next(in.path("model").asText(), DEFAULT);
    if (s instanceof Error e) {
      error(res, e);
      return null;
    }
    if (s instanceof Hang) {
      hang();
      return null;
    }
    if (s instanceof Raw raw) {
      res.status(Status.create(raw.status()));
      res.header(HeaderNames.CONTENT_TYPE, raw.contentType());
      res.send(raw.body());
      return null;
    }
    res.header("x-request-id", "req_standin" + ids.incrementAndGet());
    return new Parsed(in, s);
  }

  private void chat(ServerRequest req, ServerResponse res) throws IOException {
    Parsed p = prepare(req, res);
    if (p == null) return;
    Chat c = (Chat) p.script();
    String model = p.body().path("model").asText();
    String id = "chatcmpl-standin" + Integer.toHexString(java.util.Objects.hash(model, c));
    if (p.body().path("stream").asBoolean(false)) {
      boolean includeUsage = p.body().path("stream_options").path("include_usage").asBoolean(false);
      streamChat(res, c, model, id, includeUsage);
      return;
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("object", "chat.completion");
    n.put("created", 1_760_000_000L);
    n.put("model", model);
    ObjectNode choice = n.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode msg = choice.putObject("message");
    msg.put("role", "assistant");
    if (c.toolCalls().isEmpty()) msg.put("content", c.content()); else msg.putNull("content");
    msg.putNull("refusal");
    msg.putArray("annotations");
    if (!c.toolCalls().isEmpty()) {
      ArrayNode calls = msg.putArray("tool_calls");
      for (ToolCall t : c.toolCalls()) {
        ObjectNode call = calls.addObject();
        call.put("id", t.id());
        call.put("type", "function");
        call.putObject("function").put("name", t.name()).put("arguments", t.arguments());
      }
    }
    choice.putNull("logprobs");
    choice.put("finish_reason", c.finishReason());
    if (c.reportUsage()) n.set("usage", chatUsage(c.usage()));
    n.put("service_tier", "default");
    n.put("system_fingerprint", "fp_standin");
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(JSON.writeValueAsBytes(n));
  }

  static ObjectNode chatUsage(Usage u) {
    ObjectNode n = JSON.createObjectNode();
    n.put("prompt_tokens", u.prompt());
    n.put("completion_tokens", u.completion());
    n.put("total_tokens", u.prompt() + u.completion());
    n.putObject("prompt_tokens_details").put("cached_tokens", u.cached()).put("audio_tokens", 0);
    n.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoning()).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    return n;
  }

  private ObjectNode chunk(String id, String model, boolean includeUsage) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("object", "chat.completion.chunk");
    n.put("created", 1_760_000_000L);
    n.put("model", model);
    n.put("service_tier", "default");
    n.put("system_fingerprint", "fp_standin");
    n.putArray("choices");
    if (includeUsage) n.putNull("usage");
    return n;
  }

  private void streamChat(ServerResponse res, Chat c, String model, String id, boolean includeUsage)
      throws IOException {
    sse(res);
    int[] sent = {0};
    try (OutputStream out = res.outputStream()) {
      ChunkWriter w = n -> {
        if (c.dropAfterChunks() > 0 && sent[0] >= c.dropAfterChunks()) throw drop();
        pause(c.delayMillis());
        writeEvent(out, null, JSON.writeValueAsString(n));
        sent[0]++;
      };
      ObjectNode first = chunk(id, model, includeUsage);
      ObjectNode ch = ((ArrayNode) first.get("choices")).addObject();
      ch.put("index", 0);
      ch.putObject("delta").put("role", "assistant").put("content", "").putNull("refusal");
      ch.putNull("logprobs");
      ch.putNull("finish_reason");
      w.write(first);
      if (c.toolCalls().isEmpty()) {
        for (String part : AnthropicStandIn.chunks(c.content())) {
          ObjectNode n = chunk(id, model, includeUsage);
          ObjectNode x = ((ArrayNode) n.get("choices")).addObject();
          x.put("index", 0);
          x.putObject("delta").put("content", part);
          x.putNull("logprobs");
          x.putNull("finish_reason");
          w.write(n);
        }
      } else {
        int i = 0;
        for (ToolCall t : c.toolCalls()) {
          ObjectNode n = chunk(id, model, includeUsage);
          ObjectNode x = ((ArrayNode) n.get("choices")).addObject();
          x.put("index", 0);
          ObjectNode call = x.putObject("delta").putArray("tool_calls").addObject();
          call.put("index", i);
          call.put("id", t.id());
          call.put("type", "function");
          call.putObject("function").put("name", t.name()).put("arguments", "");
          x.putNull("logprobs");
          x.putNull("finish_reason");
          w.write(n);
          for (String part : AnthropicStandIn.chunks(t.arguments())) {
            ObjectNode m = chunk(id, model, includeUsage);
            ObjectNode y = ((ArrayNode) m.get("choices")).addObject();
            y.put("index", 0);
            ObjectNode call2 = y.putObject("delta").putArray("tool_calls").addObject();
            call2.put("index", i);
            call2.putObject("function").put("arguments", part);
            y.putNull("logprobs");
            y.putNull("finish_reason");
            w.write(m);
          }
          i++;
        }
      }
      ObjectNode last = chunk(id, model, includeUsage);
      ObjectNode lx = ((ArrayNode) last.get("choices")).addObject();
      lx.put("index", 0);
      lx.putObject("delta");
      lx.putNull("logprobs");
      lx.put("finish_reason", c.finishReason());
      w.write(last);
      if (includeUsage && c.reportUsage()) {
        ObjectNode u = chunk(id, model, false);
        u.set("usage", chatUsage(c.usage()));
        w.write(u);
      }
      if (c.dropAfterChunks() > 0 && sent[0] >= c.dropAfterChunks()) throw drop();
      writeEvent(out, null, "[DONE]");
      streamsFinished.incrementAndGet();
    } catch (UncheckedIOException | io.helidon.webserver.ServerConnectionException e) {
      streamsAborted.incrementAndGet();
    }
  }

  private interface ChunkWriter {
    void write(ObjectNode chunk) throws IOException;
  }

  private ObjectNode response(String id, String model, Chat c, boolean done) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("object", "response");
    n.put("created_at", 1_760_000_000L);
    n.put("status", done ? "completed" : "in_progress");
    n.putNull("error");
    n.putNull("incomplete_details");
    n.putNull("instructions");
    n.putObject("metadata");
    n.put("model", model);
    ArrayNode output = n.putArray("output");
    if (done) output.add(outputMessage(c, true));
    n.put("parallel_tool_calls", true);
    n.put("temperature", 1.0);
    n.put("tool_choice", "auto");
    n.putArray("tools");
    n.put("top_p", 1.0);
    if (done && c.reportUsage()) n.set("usage", responsesUsage(c.usage())); else n.putNull("usage");
    return n;
  }

  private static ObjectNode outputMessage(Chat c, boolean done) {
    ObjectNode m = JSON.createObjectNode();
    m.put("type", "message");
    m.put("id", "msg_standin");
    m.put("status", done ? "completed" : "in_progress");
    m.put("role", "assistant");
    ArrayNode content = m.putArray("content");
    if (done) content.addObject().put("type", "output_text").put("text", c.content()).putArray("annotations");
    return m;
  }

  static ObjectNode responsesUsage(Usage u) {
    ObjectNode n = JSON.createObjectNode();
    n.put("input_tokens", u.prompt());
    n.putObject("input_tokens_details").put("cached_tokens", u.cached());
    n.put("output_tokens", u.completion());
    n.putObject("output_tokens_details").put("reasoning_tokens", u.reasoning());
    n.put("total_tokens", u.prompt() + u.completion());
    return n;
  }

  private void responses(ServerRequest req, ServerResponse res) throws IOException {
    Parsed p = prepare(req, res);
    if (p == null) return;
    Chat c = (Chat) p.script();
    String model = p.body().path("model").asText();
    String id = "resp_standin" + Integer.toHexString(java.util.Objects.hash(model, c));
    if (!p.body().path("stream").asBoolean(false)) {
      res.header(HeaderNames.CONTENT_TYPE, "application/json");
      res.send(JSON.writeValueAsBytes(response(id, model, c, true)));
      return;
    }
    sse(res);
    int[] seq = {0};
    try (OutputStream out = res.outputStream()) {
      EventWriter w = (type, n) -> {
        if (c.dropAfterChunks() > 0 && seq[0] >= c.dropAfterChunks()) throw drop();
        pause(c.delayMillis());
        ObjectNode e = JSON.createObjectNode();
        e.put("type", type);
        e.put("sequence_number", seq[0]++);
        e.setAll(n);
        writeEvent(out, type, JSON.writeValueAsString(e));
      };
      w.write("response.created", JSON.createObjectNode().set("response", response(id, model, c, false)));
      w.write("response.in_progress", JSON.createObjectNode().set("response", response(id, model, c, false)));
      w.write("response.output_item.added", JSON.createObjectNode().put("output_index", 0)
          .set("item", outputMessage(c, false)));
      ObjectNode part = JSON.createObjectNode().put("type", "output_text").put("text", "");
      part.putArray("annotations");
      w.write("response.content_part.added", JSON.createObjectNode().put("item_id", "msg_standin")
          .put("output_index", 0).put("content_index", 0).set("part", part));
      for (String piece : AnthropicStandIn.chunks(c.content())) {
        ObjectNode d = JSON.createObjectNode().put("item_id", "msg_standin").put("output_index", 0)
            .put("content_index", 0).put("delta", piece);
        d.putArray("logprobs");
        w.write("response.output_text.delta", d);
      }
      ObjectNode done = JSON.createObjectNode().put("item_id", "msg_standin").put("output_index", 0)
          .put("content_index", 0).put("text", c.content());
      done.putArray("logprobs");
      w.write("response.output_text.done", done);
      w.write("response.output_item.done", JSON.createObjectNode().put("output_index", 0)
          .set("item", outputMessage(c, true)));
      w.write("response.completed", JSON.createObjectNode().set("response", response(id, model, c, true)));
      streamsFinished.incrementAndGet();
    } catch (UncheckedIOException | io.helidon.webserver.ServerConnectionException e) {
      streamsAborted.incrementAndGet();
    }
  }

  private interface EventWriter {
    void write(String type, ObjectNode body) throws IOException;
  }

  private void embeddings(ServerRequest req, ServerResponse res) throws IOException {
    Parsed p = prepare(req, res);
    if (p == null) return;
    Chat c = (Chat) p.script();
    JsonNode input = p.body().path("input");
    int n = input.isArray() ? input.size() : 1;
    ObjectNode out = JSON.createObjectNode();
    out.put("object", "list");
    ArrayNode data = out.putArray("data");
    for (int i = 0; i < n; i++) {
      ObjectNode e = data.addObject();
      e.put("object", "embedding");
      e.put("index", i);
      ArrayNode v = e.putArray("embedding");
      for (int k = 0; k < 8; k++) v.add(0.125 * (k + 1) * (i + 1));
    }
    out.put("model", p.body().path("model").asText());
    out.putObject("usage").put("prompt_tokens", c.usage().prompt()).put("total_tokens", c.usage().prompt());
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(JSON.writeValueAsBytes(out));
  }

  private void models(ServerRequest req, ServerResponse res) {
    keep(req);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1721172741,"
        + "\"owned_by\":\"system\"},{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1754425777,\"owned_by\":\"system\"}]}");
  }

  private void error(ServerResponse res, Error e) {
    res.status(Status.create(e.status()));
    e.headers().forEach(res::header);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    ObjectNode n = JSON.createObjectNode();
    ObjectNode err = n.putObject("error");
    err.put("message", e.message());
    err.put("type", e.type());
    err.putNull("param");
    err.putNull("code");
    res.send(n.toString());
  }
}
