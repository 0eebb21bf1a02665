package io.tokenmaxx.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.auth.TokenAuthenticator;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import java.io.IOException;
import java.util.List;

/**
 * Token administration (admin scope): {@code POST /api/v1/tokens} creates one and returns its
 * secret once, {@code GET /api/v1/tokens} lists them (never secrets), {@code DELETE
 * /api/v1/tokens/{id}} revokes one at once.
 */
public final class TokenService implements HttpService {
  private final RequestAuth auth;
  private final TokenStore tokens;
  private final Directory directory;
  private final TokenAuthenticator authenticator;
  private final io.tokenmaxx.server.gateway.GatewayKeyIssuer gatewayKeys;

  public TokenService(RequestAuth auth, TokenStore tokens, Directory directory,
      TokenAuthenticator authenticator, io.tokenmaxx.server.gateway.GatewayKeyIssuer gatewayKeys) {
    this.auth = auth;
    this.tokens = tokens;
    this.directory = directory;
    this.authenticator = authenticator;
    this.gatewayKeys = gatewayKeys;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/api/v1/tokens", this::create)
        .get("/api/v1/tokens", this::list)
        .delete("/api/v1/tokens/{id}", this::revoke);
  }

  private void create(ServerRequest req, ServerResponse res) throws IOException {
    auth.require(req, Principal.Scope.ADMIN);
    JsonNode body = Json.MAPPER.readTree(Bodies.read(req, 64 * 1024));
    if (body == null || !body.isObject()) throw ApiError.badRequest("body", "must be a JSON object");
    TokenScope scope;
    try {
      scope = TokenScope.parse(body.path("scope").asText("ingest"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("scope", e.getMessage());
    }
    String person = text(body, "person");
    String team = text(body, "team");
    if ((scope == TokenScope.INGEST || scope == TokenScope.GATEWAY) && person == null && team == null) {
      throw ApiError.badRequest("person", "an " + scope.label() + " token is for a person or a team: give 'person' "
          + "(e-mail or id) or 'team'");
    }
    io.tokenmaxx.metering.KeyRouting routing = routing(body, scope);
    String personId = null;
    boolean createdPerson = false;
    if (person != null) {
      personId = directory.person(person).map(Person::id).orElse(null);
      if (personId == null && person.contains("@")) {
        personId = directory.resolve(RawIdentity.email(person)).orElse(null);
        if (personId == null) {
          directory.upsertPeople(List.of(Person.of(person.toLowerCase(java.util.Locale.ROOT), person, null)));
          personId = person.toLowerCase(java.util.Locale.ROOT);
          createdPerson = true;
        }
      }
      if (personId == null) throw ApiError.badRequest("person", "no person with id or e-mail '" + person + "'");
    }
    TokenStore.NewToken t = scope == TokenScope.GATEWAY
        ? gatewayKeys.issue(personId, team, text(body, "description"), routing)
        : tokens.create(scope, personId, team, text(body, "description"));
    ApiToken k = t.token();
    Json.send(res, Status.CREATED_201, new AdminSchema.CreatedToken(k.id(), k.scope().label(), k.person(),
        k.team(), k.description(), k.created(), t.secret(),
        createdPerson ? "person " + person + " was not in the directory and was added" : null,
        routing.strategy(), scope == TokenScope.GATEWAY ? routing.models() : null));
  }

  private void list(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    java.util.Map<String, io.tokenmaxx.metering.KeyRouting> routings = gatewayKeys.routings();
    Json.ok(res, new AdminSchema.TokenList(tokens.list().stream()
        .map(t -> AdminSchema.TokenView.of(t, routings.get(t.id()))).toList()));
  }

  /** A gateway key's strategy and models (checked); none for other scopes, which refuse them. */
  private static io.tokenmaxx.metering.KeyRouting routing(JsonNode body, TokenScope scope) {
    JsonNode s = body.get("strategy");
    JsonNode m = body.get("models");
    boolean given = (s != null && !s.isNull()) || (m != null && !m.isNull());
    if (scope != TokenScope.GATEWAY) {
      if (given) {
        throw ApiError.badRequest(s != null && !s.isNull() ? "strategy" : "models",
            "only a gateway key (scope gateway) has a routing strategy and allowed models, this token is of scope "
                + scope.label());
      }
      return io.tokenmaxx.metering.KeyRouting.NONE;
    }
    if (s != null && !s.isNull() && !s.isTextual()) throw ApiError.badRequest("strategy", "must be a text such as \"cheapest\"");
    List<String> models = null;
    if (m != null && !m.isNull()) {
      if (m.isTextual()) {
        models = io.tokenmaxx.server.gateway.KeyRoutingInput.commaSeparated(m.asText());
      } else if (m.isArray()) {
        models = new java.util.ArrayList<>();
        for (JsonNode x : m) {
          if (!x.isTextual()) throw ApiError.badRequest("models", "must be an array of model names (texts), found " + x);
          models.add(x.asText());
        }
      } else {
        throw ApiError.badRequest("models", "must be an array of model names, e.g. [\"gpt-4o-mini\"]");
      }
    }
    try {
      return io.tokenmaxx.server.gateway.KeyRoutingInput.parse(s == null || s.isNull() ? null : s.asText(), models);
    } catch (io.tokenmaxx.server.gateway.KeyRoutingInput.Invalid e) {
      throw ApiError.badRequest(e.field(), e.getMessage());
    }
  }

  private void revoke(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    String id = req.path().pathParameters().get("id");
    if (!tokens.revoke(id)) throw ApiError.notFound("no active token with id " + id);
    authenticator.forget();
    Json.ok(res, new AdminSchema.Revoked(id));
  }

  /** This service's operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    String admin = " Needs an admin token.";
    return List.of(
        new io.tokenmaxx.server.api.ApiOperation("post", "/api/v1/tokens", "createToken", "admin",
            "Create an API token; its secret is in this answer only",
            "Scopes: ingest (send records; for a person, who then owns everything sent with it, or a team), read "
                + "(reports and the analytics API, as that person), admin, and gateway (a metering-gateway key, tmx_..., for a "
                + "person or a team, that opens the gateway's /anthropic and /openai routes only; it may carry a routing 'strategy' "
                + "(fallback, cheapest, lowest-latency, weighted, cascade) that overrides each route's, and 'models', the only models "
                + "it may ask for). A person may be given by e-mail; one not in the directory yet is added." + admin,
            List.of(), AdminSchema.TokenRequest.class, AdminSchema.CreatedToken.class),
        new io.tokenmaxx.server.api.ApiOperation("get", "/api/v1/tokens", "listTokens", "admin",
            "Every token, active and revoked, never its secret", admin, List.of(), null, AdminSchema.TokenList.class),
        new io.tokenmaxx.server.api.ApiOperation("delete", "/api/v1/tokens/{id}", "revokeToken", "admin",
            "Revoke a token; it stops working at once", "404 when no active token has that id." + admin,
            List.of(), null, AdminSchema.Revoked.class));
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
  }

}
