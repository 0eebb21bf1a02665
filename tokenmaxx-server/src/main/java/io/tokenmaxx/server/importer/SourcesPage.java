package io.tokenmaxx.server.importer;

import io.helidon.http.Status;
import io.tokenmaxx.collect.vendor.SourceStatus;
import io.tokenmaxx.collect.vendor.Vendor;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;

/**
 * {@code /admin/sources}: the vendor import sources — each one's state, last success, records
 * imported, next run and the vendor's error while it fails (never its key, only where the key came
 * from), a "run now" button, and the import of a console's CSV export.
 */
public final class SourcesPage implements Page {

  /**
   * @param sources configured sources, by name
   * @param csvVendors vendors whose console exports can be imported
   * @param notice what the last action did; @param error why it was refused
   */
  public record Model(List<SourceStatus> sources, List<String> csvVendors, String notice, String error) {
    public String state(SourceStatus s) {
      return ImportSchema.state(s);
    }
  }

  private final ImportFeature feature;

  SourcesPage(ImportFeature feature) {
    this.feature = feature;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(new NavItem("sources", "Sources", "/admin/sources", Access.ADMIN, 906, false));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/sources", Access.ADMIN, w -> view(null, null));
    r.post("/admin/sources/run", Access.ADMIN, this::run);
    r.post("/admin/sources/csv", Access.ADMIN, this::csv);
  }

  private Result run(WebRequest w) {
    String source = w.form().text("source");
    if (feature.status().stream().noneMatch(s -> s.source().equals(source))) {
      return view(null, "No import source '" + source + "' is configured.").withStatus(Status.BAD_REQUEST_400);
    }
    feature.runInBackground(source);
    return view(source + " is being pulled now; reload to see how it went.", null);
  }

  private Result csv(WebRequest w) {
    Vendor vendor;
    try {
      vendor = Vendor.parse(w.form().text("vendor"));
    } catch (IllegalArgumentException e) {
      return view(null, e.getMessage()).withStatus(Status.BAD_REQUEST_400);
    }
    String who = w.form().text("identity");
    RawIdentity identity = null;
    if (!who.isEmpty()) {
      try {
        identity = RawIdentity.parse(who);
      } catch (IllegalArgumentException e) {
        return view(null, "Whose export: " + e.getMessage()).withStatus(Status.BAD_REQUEST_400);
      }
    }
    String text = w.form().text("csv");
    if (text.isEmpty()) return view(null, "Choose or paste a CSV export first.").withStatus(Status.BAD_REQUEST_400);
    ImportSchema.FileImport done;
    try {
      done = feature.importCsv(vendor, text, identity);
    } catch (IllegalArgumentException e) {
      return view(null, "The file was not imported: " + e.getMessage()).withStatus(Status.BAD_REQUEST_400);
    }
    String notice = done.records() + " records imported from the " + vendor.id() + " export"
        + (done.errors().isEmpty() ? "." : "; " + done.errors().size() + " rows could not be read: "
            + String.join("; ", done.errors().subList(0, Math.min(5, done.errors().size())))
            + (done.errors().size() > 5 ? " …" : ""));
    return view(notice, null);
  }

  private View view(String notice, String error) {
    return Result.view("admin/sources.jte", "Sources", "sources",
        new Model(feature.status(), List.of("anthropic", "openai", "cursor"), notice, error)).withoutFilterBar();
  }
}
