package io.tokenmaxx.gateway.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the gateway needs to know about a client's request body, read in one streaming pass
 * without building a tree: the model, whether it streams (and asked for the usage chunk), the
 * output limit, whether a JSON answer was asked for, and a hash and size of the prompt (messages,
 * system, input, instructions — never kept as text).
 *
 * @param model        the requested model, null when absent
 * @param stream       {@code "stream": true}
 * @param includeUsage {@code stream_options.include_usage} (chat completions)
 * @param maxTokens    {@code max_tokens} / {@code max_completion_tokens} / {@code max_output_tokens}, -1 when absent
 * @param jsonWanted   a JSON answer was asked for ({@code response_format} or {@code text.format}
 *                     of type json_object or json_schema)
 * @param promptHash   SHA-256 (hex) of the prompt parts' JSON as sent
 * @param promptBytes  how many bytes the prompt parts take
 */
public record RequestInfo(String model, boolean stream, boolean includeUsage, long maxTokens,
    boolean jsonWanted, String promptHash, long promptBytes) {

  private static final JsonFactory JSON = Json.FACTORY;

  /** Thrown for a body that is not a JSON object; the message says where it went wrong. */
  public static final class BadBody extends Exception {
    public BadBody(String message) {
      super(message);
    }
  }

  public static RequestInfo read(byte[] body) throws BadBody {
    String model = null;
    boolean stream = false;
    boolean includeUsage = false;
    long maxTokens = -1;
    boolean json = false;
    long promptBytes = 0;
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new BadBody("the request body must be a JSON object");
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "model" -> {
            if (v != JsonToken.VALUE_STRING) throw new BadBody("model: must be a string");
            model = p.getText();
          }
          case "stream" -> stream = v == JsonToken.VALUE_TRUE;
          case "stream_options" -> {
            if (v == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken x = p.nextToken();
                if (f.equals("include_usage")) includeUsage = x == JsonToken.VALUE_TRUE;
                else p.skipChildren();
              }
            }
          }
          case "max_tokens", "max_completion_tokens", "max_output_tokens" -> {
            if (v == JsonToken.VALUE_NUMBER_INT) maxTokens = p.getLongValue();
          }
          case "response_format" -> json |= formatWantsJson(p, v);
          case "text" -> {
            if (v == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken x = p.nextToken();
                if (f.equals("format")) json |= formatWantsJson(p, x);
                else p.skipChildren();
              }
            }
          }
          case "messages", "system", "input", "instructions", "prompt" -> {
            long from = p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            long to = p.currentLocation().getByteOffset();
            if (from >= 0 && to > from && to <= body.length) {
              sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              sha.update(body, (int) from, (int) (to - from));
              promptBytes += to - from;
            }
          }
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT) throw new BadBody("the request body is not a complete JSON object");
      if (p.nextToken() != null) throw new BadBody("the request body has data after its JSON object");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadBody("the request body is not valid JSON: " + e.getOriginalMessage()
          + " (at byte " + e.getLocation().getByteOffset() + ")");
    } catch (IOException e) {
      throw new BadBody("the request body could not be read: " + e.getMessage());
    }
    return new RequestInfo(model, stream, includeUsage, maxTokens, json,
        promptBytes == 0 ? null : HexFormat.of().formatHex(sha.digest()), promptBytes);
  }

  private static boolean formatWantsJson(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean json = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      JsonToken x = p.nextToken();
      if (f.equals("type") && x == JsonToken.VALUE_STRING) {
        String type = p.getText();
        json = type.equals("json_object") || type.equals("json_schema");
      } else {
        p.skipChildren();
      }
    }
    return json;
  }

  /** A rough token count of the prompt (4 bytes a token), for reservations before the answer. */
  public long promptTokenGuess() {
    return Math.max(1, promptBytes / 4);
  }
}
