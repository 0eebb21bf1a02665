package io.tokenmaxx.gateway.config;

import java.net.URI;
import java.util.Objects;

/**
 * A provider endpoint the gateway sends requests to.
 *
 * @param name     how routes refer to it
 * @param protocol the wire protocol it speaks
 * @param provider the vendor recorded for its answers (anthropic, openai, together, vllm, ...)
 * @param baseUrl  as the provider's own SDK takes it: Anthropic's without {@code /v1}, OpenAI's with it
 * @param apiKey   the gateway's credential there (null: send none, e.g. a local vLLM); never logged
 */
public record Upstream(String name, Protocol protocol, String provider, URI baseUrl, Secret apiKey) {
  public Upstream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(baseUrl, "baseUrl");
    if (provider == null || provider.isBlank()) provider = protocol.label();
  }

  /** The URL of {@code path} ("/v1/messages" for Anthropic, "/chat/completions" for OpenAI). */
  public String url(String path) {
    String b = baseUrl.toString();
    if (b.endsWith("/")) b = b.substring(0, b.length() - 1);
    return b + path;
  }
}
