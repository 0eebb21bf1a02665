package io.tokenmaxx.server.web.admin;

import io.helidon.http.Status;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebContext;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin/unattributed}: usage no person could be found for, by identity, largest first; an
 * admin ties an identity to a person (an alias), which also attributes its earlier records.
 */
public final class UnattributedPage implements Page {
  static final int LIMIT = 200;

  /** @param notice what the last alias did; @param error why it was refused */
  public record Model(io.tokenmaxx.analyze.page.UnattributedPage page, String notice, String error) {}

  private final WebContext ctx;

  public UnattributedPage(WebContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem("unattributed", "Unattributed", "/admin/unattributed", Access.ADMIN, 905, true));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/unattributed", Access.ADMIN, w -> view(w, null, null));
    r.post("/admin/unattributed", Access.ADMIN, this::alias);
  }

  private Result alias(WebRequest w) {
    String kind = w.form().text("kind");
    String value = w.form().text("value");
    String who = w.form().text("person");
    RawIdentity identity;
    try {
      identity = new RawIdentity(RawIdentity.Kind.parse(kind), value);
    } catch (IllegalArgumentException | NullPointerException e) {
      return view(w, null, "That identity is not valid: " + e.getMessage()).withStatus(Status.BAD_REQUEST_400);
    }
    String person = ctx.directory().person(who).map(Person::id)
        .or(() -> ctx.directory().resolve(RawIdentity.email(who.toLowerCase(Locale.ROOT)))).orElse(null);
    if (person == null) {
      return view(w, null, "No person with the id or e-mail '" + who + "'.").withStatus(Status.BAD_REQUEST_400);
    }
    Directory.Reattribution r = ctx.directory().addAlias(identity, person);
    return view(w, identity.value() + " now belongs to " + who + ": " + r.usageRecords() + " usage and "
        + r.outcomeRecords() + " outcome records were attributed.", null);
  }

  private View view(WebRequest w, String notice, String error) {
    var page = ctx.analytics().unattributed(w.viewer(), w.filter(), LIMIT);
    return Result.view("admin/unattributed.jte", "Unattributed usage", "unattributed", new Model(page, notice, error))
        .withDatesOnly();
  }
}
