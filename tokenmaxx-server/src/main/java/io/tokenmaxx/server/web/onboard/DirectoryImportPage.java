package io.tokenmaxx.server.web.onboard;

import io.helidon.http.Status;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.DirectoryCsv;
import io.tokenmaxx.identity.DirectoryImport;
import io.tokenmaxx.server.admin.AdminSchema;
import io.tokenmaxx.server.admin.DirectoryService;
import io.tokenmaxx.server.ingest.IdentityEnricher;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebRequest;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;

/**
 * {@code /admin/directory}: import people, teams, departments, managers, roles, loaded costs and
 * aliases from an HRIS CSV export — the same import as {@code POST /api/v1/directory/import}
 * (records that arrived under a newly known alias are re-attributed). Rows with a bad value are
 * listed with their line and column; the others are kept.
 */
public final class DirectoryImportPage implements Page {

  /**
   * @param people      people in the directory now
   * @param teams       teams now
   * @param departments departments now
   * @param result      what the last import changed, null before one
   * @param csv         the text to show in the form again (after an error), else ""
   * @param error       why the import was refused as a whole
   */
  public record Model(int people, int teams, int departments, AdminSchema.ImportAnswer result, String csv, String error) {}

  public static final String EXAMPLE = """
      Employee ID,Name,Work Email,Department,Team,Manager Email,Job Title,Annual Loaded Cost,Start Date,Aliases
      e1001,Ada Lovelace,ada@example.com,Engineering,Platform,,Engineering Manager,210000,2023-04-01,git_email:ada@home.example
      e1002,Alan Turing,alan@example.com,Engineering,Platform,ada@example.com,Software Engineer,180000,2024-01-15,
      """;

  private final Directory directory;
  private final IdentityEnricher identities;

  public DirectoryImportPage(Directory directory, IdentityEnricher identities) {
    this.directory = directory;
    this.identities = identities;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("directory", "Directory", "/admin/directory", 906));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/directory", Access.ADMIN, w -> view(null, "", null));
    r.post("/admin/directory", Access.ADMIN, this::importCsv);
  }

  private Result importCsv(WebRequest w) {
    String csv = w.form().raw("csv");
    if (csv == null || csv.isBlank()) {
      return view(null, "", "Paste the CSV export (with its header row), or choose the file.").withStatus(Status.BAD_REQUEST_400);
    }
    DirectoryImport imported;
    try {
      imported = DirectoryCsv.read(new StringReader(csv));
    } catch (IllegalArgumentException | IOException e) {
      return view(null, csv, "The CSV could not be read: " + e.getMessage()).withStatus(Status.BAD_REQUEST_400);
    }
    if (imported.people().isEmpty()) {
      return view(null, csv, "No row could be imported." + (imported.errors().isEmpty() ? ""
          : " " + imported.errors().getFirst())).withStatus(Status.BAD_REQUEST_400);
    }
    AdminSchema.ImportAnswer answer = DirectoryService.apply(directory, imported, identities);
    return view(answer, "", null);
  }

  private View view(AdminSchema.ImportAnswer result, String csv, String error) {
    return Result.view("admin/directory.jte", "Directory", "directory", new Model(directory.people().size(),
        directory.teams().size(), directory.departments().size(), result, csv, error)).withoutFilterBar();
  }
}
