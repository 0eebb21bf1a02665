package io.tokenmaxx.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.identity.Department;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.DirectoryCsv;
import io.tokenmaxx.identity.DirectoryImport;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.auth.Principal;
import io.tokenmaxx.server.auth.RequestAuth;
import io.tokenmaxx.server.http.ApiError;
import io.tokenmaxx.server.http.Bodies;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.server.ingest.IdentityEnricher;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people directory (admin scope): {@code POST /api/v1/directory/import} takes an HRIS CSV
 * export, {@code GET /api/v1/people} lists people, {@code POST /api/v1/aliases} maps identities to
 * people — re-attributing records that arrived before the alias was known — and {@code GET
 * /api/v1/aliases} lists them.
 */
public final class DirectoryService implements HttpService {
  private final RequestAuth auth;
  private final Directory directory;
  private final IdentityEnricher identities;

  public DirectoryService(RequestAuth auth, Directory directory, IdentityEnricher identities) {
    this.auth = auth;
    this.directory = directory;
    this.identities = identities;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.post("/api/v1/directory/import", this::importCsv)
        .get("/api/v1/people", this::people)
        .post("/api/v1/aliases", this::addAliases)
        .get("/api/v1/aliases", this::aliases);
  }

  private void importCsv(ServerRequest req, ServerResponse res) throws IOException {
    auth.require(req, Principal.Scope.ADMIN);
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("text/csv");
    if (!type.contains("csv") && !type.contains("text/plain")) {
      throw new ApiError(io.helidon.http.Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type",
          "send the directory as text/csv (an HRIS export with a header row)");
    }
    String csv = new String(Bodies.read(req, 64L << 20), StandardCharsets.UTF_8);
    DirectoryImport imported;
    try {
      imported = DirectoryCsv.read(new StringReader(csv));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("body", e.getMessage());
    }
    Json.ok(res, apply(directory, imported, identities));
  }

  /** Writes an import: departments, teams, people, then aliases (which re-attributes records). */
  public static AdminSchema.ImportAnswer apply(Directory directory, DirectoryImport imported,
      IdentityEnricher identities) {
    Set<String> departments = new LinkedHashSet<>();
    Map<String, Team> teams = new LinkedHashMap<>();
    for (Person p : imported.people()) {
      if (p.department() != null) departments.add(p.department());
      if (p.team() != null) teams.putIfAbsent(p.team(), new Team(p.team(), p.team(), p.department()));
    }
    directory.upsertDepartments(departments.stream().map(d -> new Department(d, d)).toList());
    directory.upsertTeams(new ArrayList<>(teams.values()));
    directory.upsertPeople(imported.people());
    Directory.Reattribution r = directory.addAliases(imported.aliases());
    if (identities != null) identities.forget();
    return new AdminSchema.ImportAnswer(imported.people().size(), teams.size(), departments.size(),
        r.aliases(), new AdminSchema.Reattributed(r.usageRecords(), r.outcomeRecords()),
        imported.errors().stream().map(Object::toString).toList());
  }

  /**
   * The directory; loaded costs (salaries) only for admin tokens, and a person's own to their own
   * token (RATIONALE.md, "Privacy model").
   */
  private void people(ServerRequest req, ServerResponse res) {
    Principal p = auth.require(req, Principal.Scope.READ);
    List<Person> people = directory.people();
    if (!p.scopes().contains(Principal.Scope.ADMIN)) {
      people = people.stream().map(x -> x.id().equals(p.personId()) ? x : new Person(x.id(), x.email(), x.name(),
          x.team(), x.department(), x.manager(), x.role(), null, x.startDate())).toList();
    }
    Json.ok(res, new AdminSchema.PeopleList(people));
  }

  private void aliases(ServerRequest req, ServerResponse res) {
    auth.require(req, Principal.Scope.ADMIN);
    Json.ok(res, new AdminSchema.AliasList(directory.aliases().stream()
        .map(a -> new AdminSchema.AliasItem(a.identity().toString(), a.person())).toList()));
  }

  private void addAliases(ServerRequest req, ServerResponse res) throws IOException {
    auth.require(req, Principal.Scope.ADMIN);
    JsonNode body = Json.MAPPER.readTree(Bodies.read(req, 8L << 20));
    JsonNode items = body != null && body.isObject() ? body.get("aliases") : body;
    if (items == null || !items.isArray()) {
      throw ApiError.badRequest("aliases", "send {\"aliases\": [{\"identity\": \"kind:value\", \"person\": \"id\"}]}");
    }
    List<Alias> aliases = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode a = items.get(i);
      String person = a.path("person").asText("");
      if (person.isBlank()) throw ApiError.badRequest("aliases[" + i + "].person", "is required");
      if (directory.person(person).isEmpty()) {
        throw ApiError.badRequest("aliases[" + i + "].person", "no person with id '" + person + "'");
      }
      try {
        aliases.add(new Alias(RawIdentity.parse(a.path("identity").asText("")), person));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("aliases[" + i + "].identity", e.getMessage());
      }
    }
    Directory.Reattribution r = directory.addAliases(aliases);
    identities.forget();
    Json.ok(res, new AdminSchema.AliasAnswer(r.aliases(),
        new AdminSchema.Reattributed(r.usageRecords(), r.outcomeRecords())));
  }

  /** This service's operations for the OpenAPI document. */
  public static List<io.tokenmaxx.server.api.ApiOperation> operations() {
    return List.of(
        new io.tokenmaxx.server.api.ApiOperation("post", "/api/v1/directory/import", "importDirectory", "admin",
            "Import people, teams, departments, managers, roles and loaded costs from an HRIS CSV export",
            "Body: text/csv with a header row. Columns are matched by their usual names (Work Email, Employee ID, "
                + "Name or First/Last Name, Team, Department, Manager Email or Manager ID, Job Title, Annual Loaded "
                + "Cost, Start Date, Aliases as kind:value;kind:value). E-mail is required. A bad row is reported "
                + "with its line and column and skipped; the others are imported. Aliases re-attribute earlier "
                + "records. Needs an admin token.",
            List.of(), null, AdminSchema.ImportAnswer.class),
        new io.tokenmaxx.server.api.ApiOperation("get", "/api/v1/people", "listPeople", "admin",
            "The directory's people", "Needs a read or admin token; annualLoadedCost is given to admin tokens only "
                + "(and to a person's own token for themselves).", List.of(), null, AdminSchema.PeopleList.class),
        new io.tokenmaxx.server.api.ApiOperation("post", "/api/v1/aliases", "addAliases", "admin",
            "Map identities to people; records that arrived under them are re-attributed",
            "Identities: kind:value (email, account_uuid, user_id, organization_id, api_key, git_email, host_user) "
                + "or an e-mail. Needs an admin token.",
            List.of(), AdminSchema.AliasRequest.class, AdminSchema.AliasAnswer.class),
        new io.tokenmaxx.server.api.ApiOperation("get", "/api/v1/aliases", "listAliases", "admin",
            "Every alias", "Needs an admin token.", List.of(), null, AdminSchema.AliasList.class));
  }
}
