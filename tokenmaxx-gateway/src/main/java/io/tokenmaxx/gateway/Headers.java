package io.tokenmaxx.gateway;

import java.util.Locale;
import java.util.Set;

/** Which headers cross the gateway: everything but hop-by-hop headers and credentials. */
final class Headers {
  private Headers() {}

  /** Request headers never forwarded upstream (credentials are replaced by the upstream's). */
  private static final Set<String> REQUEST_DROP = Set.of("host", "content-length", "transfer-encoding", "connection",
      "keep-alive", "te", "trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "proxy-connection",
      "expect", "accept-encoding", "authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie",
      "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "http2-settings");

  /** Response headers never passed back to the client. */
  private static final Set<String> RESPONSE_DROP = Set.of("content-length", "transfer-encoding", "connection",
      "keep-alive", "te", "trailer", "upgrade", "proxy-authenticate", "proxy-connection", "content-encoding",
      "set-cookie", "date", "server");

  static boolean forwardRequest(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return !REQUEST_DROP.contains(n) && !n.startsWith("x-tokenmaxx-");
  }

  static boolean forwardResponse(String name) {
    return !RESPONSE_DROP.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The client's tool, from its User-Agent ({@link io.tokenmaxx.model.Tools} names). */
  static String tool(String userAgent) {
    if (userAgent == null) return io.tokenmaxx.model.Tools.API;
    String ua = userAgent.toLowerCase(Locale.ROOT);
    if (ua.contains("claude-cli") || ua.contains("claude-code")) return io.tokenmaxx.model.Tools.CLAUDE_CODE;
    if (ua.contains("codex")) return io.tokenmaxx.model.Tools.CODEX;
    if (ua.contains("gemini-cli")) return io.tokenmaxx.model.Tools.GEMINI_CLI;
    if (ua.contains("qwen-code")) return io.tokenmaxx.model.Tools.QWEN_CODE;
    if (ua.contains("opencode")) return io.tokenmaxx.model.Tools.OPENCODE;
    return io.tokenmaxx.model.Tools.API;
  }
}
