package io.tokenmaxx.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmaxx.gateway.config.Protocol;
import java.nio.charset.StandardCharsets;

/** The gateway's own errors, in the shape of the client's provider so its SDK reads them. */
final class ProviderErrors {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ProviderErrors() {}

  /** Anthropic's error type, or OpenAI's, for an HTTP status. */
  static String type(Protocol p, int status) {
    if (p == Protocol.ANTHROPIC) {
      return switch (status) {
        case 400, 422 -> "invalid_request_error";
        case 401 -> "authentication_error";
        case 403 -> "permission_error";
        case 404 -> "not_found_error";
        case 413 -> "request_too_large";
        case 429 -> "rate_limit_error";
        case 529 -> "overloaded_error";
        default -> "api_error";
      };
    }
    return switch (status) {
      case 400, 404, 413, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 429 -> "rate_limit_error";
      default -> "server_error";
    };
  }

  static byte[] body(Protocol p, int status, String code, String message) {
    ObjectNode n = F.objectNode();
    if (p == Protocol.ANTHROPIC) {
      n.put("type", "error");
      n.putObject("error").put("type", type(p, status)).put("message", message);
    } else {
      ObjectNode e = n.putObject("error");
      e.put("message", message);
      e.put("type", type(p, status));
      e.putNull("param");
      if (code == null) e.putNull("code"); else e.put("code", code);
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A stream's error event for a failure after the answer began. */
  static byte[] streamEvent(Protocol p, Endpoint ep, String message, long sequence) {
    ObjectNode n = F.objectNode();
    String text;
    if (p == Protocol.ANTHROPIC) {
      n.put("type", "error");
      n.putObject("error").put("type", "api_error").put("message", message);
      text = "event: error\ndata: " + n + "\n\n";
    } else if (ep == Endpoint.RESPONSES) {
      n.put("type", "error");
      n.put("code", "server_error");
      n.put("message", message);
      n.putNull("param");
      n.put("sequence_number", sequence);
      text = "event: error\ndata: " + n + "\n\n";
    } else {
      ObjectNode e = n.putObject("error");
      e.put("message", message);
      e.put("type", "server_error");
      e.putNull("param");
      e.put("code", "upstream_error");
      text = "data: " + n + "\n\n";
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
