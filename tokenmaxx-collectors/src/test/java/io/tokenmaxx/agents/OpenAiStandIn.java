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
 * Stand-in for the OpenAI API: Responses ({@code POST /v1/responses}, streamed as
 * {@code response.created} ... {@code response.completed} events with sequence numbers, a reasoning
 * item when reasoning tokens are billed; or one JSON response) and Chat Completions
 * ({@code POST /v1/chat/completions}, streamed as chunks ending in {@code data: [DONE]}, the usage
 * in a last chunk only when {@code stream_options.include_usage} asks for it, as the API does).
 * OpenAI counts cached input inside input and reasoning inside output; it bills no cache writes.
 */
public final class OpenAiStandIn extends StandIn {
  public static final String PROVIDER = "openai";
  private final Clock clock;

  public OpenAiStandIn(UsagePlan plan, AtomicInteger seq, Clock clock) throws IOException {
    super(plan, seq, clock);
    this.clock = clock;
  }

  @Override
  protected boolean handle(HttpExchange ex, JsonNode body) throws IOException {
    if (!ex.getRequestMethod().equals("POST") || body == null) return false;
    String path = ex.getRequestURI().getPath();
    if (path.equals("/v1/responses")) {
      responses(ex, body);
      return true;
    }
    if (path.equals("/v1/chat/completions")) {
      chat(ex, body);
      return true;
    }
    return false;
  }

  private ServedUsage nextOpenAiUsage() {
    ServedUsage u = nextUsage();
    if (u.cacheWrite() > 0) throw new IllegalStateException("OpenAI bills no cache writes: fix the plan");
    return u;
  }

  private void responses(HttpExchange ex, JsonNode body) throws IOException {
    String model = body.path("model").asText("gpt-5");
    boolean stream = body.path("stream").asBoolean(false);
    ServedUsage u = nextOpenAiUsage();
    String id = uniqueId("resp_");
    ex.getResponseHeaders().set("x-request-id", uniqueId("req_"));
    long created = clock.instant().getEpochSecond();
    ObjectNode usage = object().put("input_tokens", u.prompt());
    usage.putObject("input_tokens_details").put("cached_tokens", u.cacheRead());
    usage.put("output_tokens", u.generated());
    usage.putObject("output_tokens_details").put("reasoning_tokens", u.reasoning());
    usage.put("total_tokens", u.total());
    ObjectNode reasoning = null;
    if (u.reasoning() > 0) {
      reasoning = object().put("id", uniqueId("rs_")).put("type", "reasoning");
      reasoning.putArray("summary");
      if (body.path("include").toString().contains("reasoning.encrypted_content")) {
        reasoning.put("encrypted_content", java.util.Base64.getEncoder().encodeToString(("stand-in " + id).getBytes()));
      }
    }
    ObjectNode message = object().put("id", uniqueId("msg_")).put("type", "message")
        .put("status", "completed").put("role", "assistant");
    ObjectNode text = object().put("type", "output_text").put("text", "Hello from the stand-in.");
    text.putArray("annotations");
    message.putArray("content").add(text);
    ObjectNode done = response(id, created, model, "completed");
    ArrayNode output = done.putArray("output");
    if (reasoning != null) output.add(reasoning);
    output.add(message);
    done.set("usage", usage);
    if (!stream) {
      json(ex, 200, done);
    } else {
      try (OutputStream out = startEvents(ex)) {
        Events ev = new Events(out);
        ObjectNode pending = response(id, created, model, "in_progress");
        pending.putArray("output");
        pending.putNull("usage");
        ev.send("response.created", object().set("response", pending));
        ev.send("response.in_progress", object().set("response", pending));
        int index = 0;
        if (reasoning != null) {
          ev.send("response.output_item.added", object().put("output_index", index).set("item", reasoning));
          ev.send("response.output_item.done", object().put("output_index", index).set("item", reasoning));
          index++;
        }
        String itemId = message.get("id").asText();
        ObjectNode started = message.deepCopy().put("status", "in_progress");
        started.putArray("content");
        ev.send("response.output_item.added", object().put("output_index", index).set("item", started));
        ObjectNode emptyPart = object().put("type", "output_text").put("text", "");
        emptyPart.putArray("annotations");
        ev.send("response.content_part.added", part(itemId, index).set("part", emptyPart));
        for (String piece : new String[] {"Hello from ", "the stand-in."}) {
          ev.send("response.output_text.delta", part(itemId, index).put("delta", piece));
        }
        ev.send("response.output_text.done", part(itemId, index).put("text", "Hello from the stand-in."));
        ev.send("response.content_part.done", part(itemId, index).set("part", text));
        ev.send("response.output_item.done", object().put("output_index", index).set("item", message));
        ev.send("response.completed", object().set("response", done));
      }
    }
    record(ex, PROVIDER, model, stream, id, u, usage);
  }

  private static ObjectNode part(String itemId, int outputIndex) {
    return object().put("item_id", itemId).put("output_index", outputIndex).put("content_index", 0);
  }

  private static ObjectNode response(String id, long created, String model, String status) {
    ObjectNode r = object().put("id", id).put("object", "response").put("created_at", created)
        .put("status", status).put("model", model);
    r.putNull("error");
    r.putNull("incomplete_details");
    r.put("parallel_tool_calls", true);
    r.putNull("previous_response_id");
    r.put("store", false);
    r.putObject("metadata");
    return r;
  }

  /** Responses events: {@code event:} line, {@code type} and a running {@code sequence_number}. */
  private static final class Events {
    private final OutputStream out;
    private int sequence;

    Events(OutputStream out) {
      this.out = out;
    }

    void send(String type, ObjectNode fields) throws IOException {
      ObjectNode data = object().put("type", type).put("sequence_number", sequence++);
      data.setAll(fields);
      frame(out, type, data, "\n");
    }
  }

  private void chat(HttpExchange ex, JsonNode body) throws IOException {
    String model = body.path("model").asText("gpt-4o");
    boolean stream = body.path("stream").asBoolean(false);
    boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
    ServedUsage u = nextOpenAiUsage();
    String id = uniqueId("chatcmpl-");
    ex.getResponseHeaders().set("x-request-id", uniqueId("req_"));
    long created = clock.instant().getEpochSecond();
    ObjectNode usage = object().put("prompt_tokens", u.prompt()).put("completion_tokens", u.generated())
        .put("total_tokens", u.total());
    usage.putObject("prompt_tokens_details").put("cached_tokens", u.cacheRead()).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoning()).put("audio_tokens", 0)
        .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
    if (!stream) {
      ObjectNode c = chunk(id, "chat.completion", created, model);
      ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", "Hello from the stand-in.");
      choice.put("finish_reason", "stop");
      c.set("usage", usage);
      json(ex, 200, c);
    } else {
      try (OutputStream out = startEvents(ex)) {
        String[] pieces = {"", "Hello from ", "the stand-in."};
        for (int i = 0; i < pieces.length; i++) {
          ObjectNode c = chunk(id, "chat.completion.chunk", created, model);
          ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
          ObjectNode delta = choice.putObject("delta");
          if (i == 0) delta.put("role", "assistant");
          delta.put("content", pieces[i]);
          choice.putNull("finish_reason");
          if (includeUsage) c.putNull("usage");
          frame(out, null, c, "\n");
        }
        ObjectNode last = chunk(id, "chat.completion.chunk", created, model);
        ObjectNode choice = last.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta");
        choice.put("finish_reason", "stop");
        if (includeUsage) last.putNull("usage");
        frame(out, null, last, "\n");
        if (includeUsage) {
          ObjectNode tail = chunk(id, "chat.completion.chunk", created, model);
          tail.putArray("choices");
          tail.set("usage", usage);
          frame(out, null, tail, "\n");
        }
        out.write("data: [DONE]\n\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
      if (!includeUsage) usage = null; // the agent was told nothing; the manifest still has the truth
    }
    record(ex, PROVIDER, model, stream, id, u, usage);
  }

  private static ObjectNode chunk(String id, String object, long created, String model) {
    return object().put("id", id).put("object", object).put("created", created).put("model", model)
        .put("system_fingerprint", "fp_standin");
  }

  @Override
  protected void notFound(HttpExchange ex) throws IOException {
    ObjectNode e = object();
    e.putObject("error").put("message", "Invalid URL (" + ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + ")")
        .put("type", "invalid_request_error").putNull("param").putNull("code");
    json(ex, 404, e);
  }
}
