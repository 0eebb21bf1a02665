package io.tokenmaxx.gateway;

import io.tokenmaxx.gateway.config.Protocol;

/** The provider endpoints the gateway serves, by client protocol. */
enum Endpoint {
  MESSAGES(Protocol.ANTHROPIC, "/v1/messages", true),
  COUNT_TOKENS(Protocol.ANTHROPIC, "/v1/messages/count_tokens", false),
  ANTHROPIC_MODELS(Protocol.ANTHROPIC, "/v1/models", false),
  CHAT(Protocol.OPENAI, "/chat/completions", true),
  RESPONSES(Protocol.OPENAI, "/responses", true),
  EMBEDDINGS(Protocol.OPENAI, "/embeddings", true),
  OPENAI_MODELS(Protocol.OPENAI, "/models", false);

  final Protocol protocol;
  /** Path after the upstream's base URL. */
  final String upstreamPath;
  /** Requests here are routed, budgeted and recorded; the others are forwarded as they are. */
  final boolean metered;

  Endpoint(Protocol protocol, String upstreamPath, boolean metered) {
    this.protocol = protocol;
    this.upstreamPath = upstreamPath;
    this.metered = metered;
  }

  /** {@code anthropic:/v1/messages}, {@code openai:/v1/chat/completions}. */
  String label() {
    return protocol.label() + ":" + (protocol == Protocol.OPENAI ? "/v1" + upstreamPath : upstreamPath);
  }
}
