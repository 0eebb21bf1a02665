package io.tokenmaxx.server.gateway;

import io.helidon.http.Status;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.metering.KeyRouting;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/gateway-keys}: gateway keys ({@code tmx_...}) for a person or a team, created (the
 * secret is shown once) with an optional routing strategy and allowed models, and revoked (the next request with it is refused) by admins.
 */
public final class GatewayKeysPage implements Page {
  static final int MAX_TEXT = 200;

  /**
   * @param keys   gateway keys, newest first
   * @param issued the key just created with its secret, shown once
   * @param error  why the last change was refused
   */
  public record Model(List<ApiToken> keys, TokenStore.NewToken issued, String error, Map<String, String> names,
      String gatewayUrl, Map<String, KeyRouting> routings) {
    public String person(String id) {
      return id == null ? "—" : names.getOrDefault(id, id);
    }

    /** A key's strategy and allowed models ({@link KeyRouting#NONE}: the routes' strategy, any model). */
    public KeyRouting routing(String id) {
      return routings.getOrDefault(id, KeyRouting.NONE);
    }

    /** The strategies a key may be given. */
    public List<String> strategies() {
      return java.util.Arrays.stream(io.tokenmaxx.gateway.route.Strategy.values())
          .map(io.tokenmaxx.gateway.route.Strategy::label).toList();
    }
  }

  private final TokenStore tokens;
  private final GatewayKeyIssuer issuer;
  private final Directory directory;
  private final Runnable onRevoked;

  public GatewayKeysPage(TokenStore tokens, GatewayKeyIssuer issuer, Directory directory, Runnable onRevoked) {
    this.tokens = tokens;
    this.issuer = issuer;
    this.directory = directory;
    this.onRevoked = onRevoked;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("gateway-keys", "Gateway keys", "/admin/gateway-keys", 925));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/gateway-keys", Access.ADMIN, w -> view(w, null, null));
    r.post("/admin/gateway-keys", Access.ADMIN, this::create);
    r.post("/admin/gateway-keys/{id}/revoke", Access.ADMIN, this::revoke);
  }

  private Result create(WebRequest w) {
    String person = w.form().text("person");
    String team = w.form().text("team");
    String description = w.form().text("description");
    if (person.isEmpty() == team.isEmpty()) {
      return bad(w, "A gateway key belongs to a person or to a team: give exactly one of them.");
    }
    if (person.length() > MAX_TEXT || team.length() > MAX_TEXT || description.length() > MAX_TEXT) {
      return bad(w, "Person, team and description are at most " + MAX_TEXT + " characters.");
    }
    String personId = null;
    if (!person.isEmpty()) {
      personId = directory.person(person).map(Person::id)
          .or(() -> directory.resolve(RawIdentity.email(person.toLowerCase(Locale.ROOT)))).orElse(null);
      if (personId == null) return bad(w, "No person with the id or e-mail '" + person + "'.");
    } else if (!team.matches("[A-Za-z0-9._:@-]+")) {
      return bad(w, "A team id is letters, digits and . _ : @ - only, was '" + team + "'.");
    }
    KeyRouting routing;
    try {
      String strategy = w.form().text("strategy");
      routing = KeyRoutingInput.parse(strategy.isEmpty() ? null : strategy,
          KeyRoutingInput.commaSeparated(w.form().text("models")));
    } catch (KeyRoutingInput.Invalid e) {
      return bad(w, (e.field().equals("models") ? "Allowed models: " : "Routing strategy: ") + e.getMessage());
    }
    TokenStore.NewToken t = issuer.issue(personId, team.isEmpty() ? null : team,
        description.isEmpty() ? "gateway key (created by " + w.user().account().email() + ")" : description, routing);
    return view(w, t, null);
  }

  private Result bad(WebRequest w, String why) {
    return view(w, null, why).withStatus(Status.BAD_REQUEST_400);
  }

  private Result revoke(WebRequest w) {
    String id = w.pathParam("id");
    boolean gatewayKey = tokens.list().stream().anyMatch(t -> t.id().equals(id) && t.scope() == TokenScope.GATEWAY);
    if (!gatewayKey || !tokens.revoke(id)) throw WebError.notFound();
    onRevoked.run();
    return Result.redirect("/admin/gateway-keys");
  }

  private View view(WebRequest w, TokenStore.NewToken issued, String error) {
    List<ApiToken> keys = new ArrayList<>(tokens.list().stream().filter(t -> t.scope() == TokenScope.GATEWAY).toList());
    Collections.reverse(keys);
    Map<String, String> names = new HashMap<>();
    directory.people().forEach(p -> names.put(p.id(), p.name() == null ? p.id() : p.name()));
    String host = w.request().headers().first(io.helidon.http.HeaderNames.HOST).orElse("HOST:PORT");
    return Result.view("gateway/keys.jte", "Gateway keys", "gateway-keys",
        new Model(keys, issued, error, names, "http://" + host, issuer.routings())).withoutFilterBar();
  }
}
