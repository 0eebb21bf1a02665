package io.tokenmaxx.server.web.admin;

import io.helidon.http.Status;
import io.tokenmaxx.identity.ApiToken;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebError;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/tokens}: API tokens. Admins create read tokens here for programmatic reads (the
 * secret is shown once; a read token belongs to a person and reads what that person may see) and
 * revoke any token.
 */
public final class ApiTokensPage implements Page {

  /**
   * @param tokens  every token, newest first
   * @param issued  the token just created with its secret, shown once
   * @param error   why the last change was refused
   */
  public record Model(List<ApiToken> tokens, TokenStore.NewToken issued, String error,
      java.util.Map<String, String> names) {

    /** The name of a token's person, else its id. */
    public String person(String id) {
      return id == null ? "—" : names.getOrDefault(id, id);
    }
  }

  private final WebContext ctx;

  public ApiTokensPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("tokens", "API tokens", "/admin/tokens", 920));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/tokens", Access.ADMIN, w -> view(null, null));
    r.post("/admin/tokens", Access.ADMIN, this::create);
    r.post("/admin/tokens/{id}/revoke", Access.ADMIN, this::revoke);
  }

  private Result create(WebRequest w) {
    String person = w.form().text("person");
    String description = w.form().text("description");
    if (person.isEmpty()) {
      return view(null, "A read token belongs to a person: it reads what that person may see.").withStatus(Status.BAD_REQUEST_400);
    }
    String personId;
    {
      personId = ctx.directory().person(person).map(Person::id)
          .or(() -> ctx.directory().resolve(RawIdentity.email(person.toLowerCase(Locale.ROOT))))
          .orElse(null);
      if (personId == null) {
        return view(null, "No person with the id or e-mail '" + person + "'.").withStatus(Status.BAD_REQUEST_400);
      }
    }
    if (description.length() > 200) {
      return view(null, "The description is longer than 200 characters.").withStatus(Status.BAD_REQUEST_400);
    }
    TokenStore.NewToken t = ctx.tokens().create(TokenScope.READ, personId, null,
        description.isEmpty() ? "read token (created by " + w.user().account().email() + ")" : description);
    return view(t, null);
  }

  private Result revoke(WebRequest w) {
    String id = w.pathParam("id");
    if (!ctx.tokens().revoke(id)) throw WebError.notFound();
    ctx.onTokensChanged().run();
    return Result.redirect("/admin/tokens");
  }

  private View view(TokenStore.NewToken issued, String error) {
    List<ApiToken> tokens = new java.util.ArrayList<>(ctx.tokens().list());
    java.util.Collections.reverse(tokens);
    java.util.Map<String, String> names = new java.util.HashMap<>();
    ctx.directory().people().forEach(p -> names.put(p.id(), p.name() == null ? p.id() : p.name()));
    return Result.view("admin/tokens.jte", "API tokens", "tokens", new Model(tokens, issued, error, names))
        .withoutFilterBar();
  }
}
