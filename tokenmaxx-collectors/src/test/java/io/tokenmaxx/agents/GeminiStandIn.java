package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stand-in for the Gemini API: {@code POST /v1beta/models/MODEL:streamGenerateContent?alt=sse}
 * (chunks framed {@code data: JSON} and CRLF CRLF, each with the usage so far, the last with the
 * finish reason and the whole usage), {@code :generateContent} (one JSON body; a request for JSON
 * output gets a JSON answer) and {@code :countTokens}. Gemini counts cached input inside
 * {@code promptTokenCount} and thinking apart from {@code candidatesTokenCount}.
 */
public final class GeminiStandIn extends StandIn {
  public static final String PROVIDER = "google";
  private static final Pattern PATH = Pattern.compile("/v1(?:beta|alpha)?/models/([^/:]+):([A-Za-z]+)");

  public GeminiStandIn(UsagePlan plan, AtomicInteger seq, Clock clock) throws IOException {
    super(plan, seq, clock);
  }

  @Override
  protected boolean handle(HttpExchange ex, JsonNode body) throws IOException {
    Matcher m = PATH.matcher(ex.getRequestURI().getPath());
    if (!ex.getRequestMethod().equals("POST") || body == null || !m.matches()) return false;
    String model = m.group(1);
    String method = m.group(2);
    if (method.equals("countTokens")) {
      json(ex, 200, object().put("totalTokens", 1000));
      return false;
    }
    boolean stream = method.equals("streamGenerateContent");
    if (!stream && !method.equals("generateContent")) return false;
    ServedUsage u = nextUsage();
    if (u.cacheWrite() > 0) throw new IllegalStateException("Gemini bills no cache writes in a request: fix the plan");
    String id = uniqueId("");
    boolean wantsJson = body.path("generationConfig").path("responseMimeType").asText("").equals("application/json");
    String text = wantsJson ? "{\"reasoning\": \"The answer is complete.\", \"next_speaker\": \"user\"}"
        : "Hello from the stand-in.";
    ObjectNode usage = usage(u);
    if (!stream) {
      json(ex, 200, chunk(text, "STOP", usage, model, id));
    } else {
      try (OutputStream out = startEvents(ex)) {
        ObjectNode partial = object().put("promptTokenCount", u.prompt()).put("totalTokenCount", u.prompt());
        int half = text.length() / 2;
        frame(out, null, chunk(text.substring(0, half), null, partial, model, id), "\r\n");
        frame(out, null, chunk(text.substring(half), "STOP", usage, model, id), "\r\n");
      }
    }
    record(ex, PROVIDER, model, stream, id, u, usage);
    return true;
  }

  private static ObjectNode usage(ServedUsage u) {
    ObjectNode n = object().put("promptTokenCount", u.prompt()).put("candidatesTokenCount", u.output())
        .put("totalTokenCount", u.total());
    if (u.cacheRead() > 0) n.put("cachedContentTokenCount", u.cacheRead());
    n.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", u.prompt());
    if (u.cacheRead() > 0) {
      n.putArray("cacheTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", u.cacheRead());
    }
    if (u.reasoning() > 0) n.put("thoughtsTokenCount", u.reasoning());
    return n;
  }

  private static ObjectNode chunk(String text, String finish, ObjectNode usage, String model, String id) {
    ObjectNode c = object();
    ObjectNode cand = c.putArray("candidates").addObject();
    ObjectNode content = cand.putObject("content");
    content.putArray("parts").addObject().put("text", text);
    content.put("role", "model");
    if (finish != null) cand.put("finishReason", finish);
    cand.put("index", 0);
    c.set("usageMetadata", usage);
    c.put("modelVersion", model);
    c.put("responseId", id);
    return c;
  }

  @Override
  protected void notFound(HttpExchange ex) throws IOException {
    ObjectNode e = object();
    e.putObject("error").put("code", 404).put("message", "Requested entity was not found.").put("status", "NOT_FOUND");
    json(ex, 404, e);
  }
}
