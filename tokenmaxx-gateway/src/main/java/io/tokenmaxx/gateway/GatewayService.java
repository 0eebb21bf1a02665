package io.tokenmaxx.gateway;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.gateway.config.Protocol;

/** The gateway's routes in a Helidon routing; each request runs as one {@link Exchange}. */
final class GatewayService implements HttpService {
  private final Gateway gateway;

  GatewayService(Gateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/anthropic/v1/messages", (req, res) -> run(Endpoint.MESSAGES, req, res))
        .post("/anthropic/v1/messages/count_tokens", (req, res) -> run(Endpoint.COUNT_TOKENS, req, res))
        .get("/anthropic/v1/models", (req, res) -> run(Endpoint.ANTHROPIC_MODELS, req, res))
        .get("/anthropic/v1/models/{id}", (req, res) -> run(Endpoint.ANTHROPIC_MODELS, req, res))
        .post("/openai/v1/chat/completions", (req, res) -> run(Endpoint.CHAT, req, res))
        .post("/openai/v1/responses", (req, res) -> run(Endpoint.RESPONSES, req, res))
        .post("/openai/v1/embeddings", (req, res) -> run(Endpoint.EMBEDDINGS, req, res))
        .get("/openai/v1/models", (req, res) -> run(Endpoint.OPENAI_MODELS, req, res))
        .get("/openai/v1/models/{id}", (req, res) -> run(Endpoint.OPENAI_MODELS, req, res))
        .any("/anthropic/*", (req, res) -> notFound(Protocol.ANTHROPIC, req, res))
        .any("/openai/*", (req, res) -> notFound(Protocol.OPENAI, req, res));
  }

  private void run(Endpoint ep, ServerRequest req, ServerResponse res) {
    new Exchange(gateway, ep, req, res).run();
  }

  private static void notFound(Protocol p, ServerRequest req, ServerResponse res) {
    res.status(Status.NOT_FOUND_404);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(ProviderErrors.body(p, 404, "not_found", "the gateway does not serve " + req.prologue().method().text()
        + " " + req.path().path() + " (it serves /anthropic/v1/messages, /anthropic/v1/messages/count_tokens, "
        + "/anthropic/v1/models, /openai/v1/chat/completions, /openai/v1/responses, /openai/v1/embeddings, "
        + "/openai/v1/models)"));
  }
}
