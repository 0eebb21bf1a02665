package io.tokenmaxx.server.web.onboard;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.tokenmaxx.identity.Directory;
import io.tokenmaxx.identity.Person;
import io.tokenmaxx.identity.Team;
import io.tokenmaxx.identity.TokenScope;
import io.tokenmaxx.identity.TokenStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.web.Access;
import io.tokenmaxx.server.web.NavItem;
import io.tokenmaxx.server.web.Page;
import io.tokenmaxx.server.web.PageRoutes;
import io.tokenmaxx.server.web.Result;
import io.tokenmaxx.server.web.View;
import io.tokenmaxx.server.web.WebRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /admin/connect}: how to get real data in. Creates an ingest token (for a person, a team,
 * or the whole organization) and shows the copy-paste set-ups for Claude Code, Codex, Gemini CLI and
 * {@code tokenmaxx push} with this server's address and the new token filled in (the secret is shown
 * this once). Links the directory import, which attribution depends on.
 */
public final class ConnectPage implements Page {

  /**
   * @param serverUrl  this server as the browser reached it (what agents should send to)
   * @param header     the ingest token header accepted besides {@code Authorization: Bearer}
   * @param issued     the token just created, null before
   * @param tokenFor   who the new token attributes records to, in words
   * @param setups     the set-ups, with the new secret or a placeholder
   * @param people     people in the directory
   * @param teams      teams, for the team-token choice
   * @param error      why the last request was refused
   */
  public record Model(String serverUrl, String header, TokenStore.NewToken issued, String tokenFor,
      List<Setup> setups, int people, List<Team> teams, String error) {}

  /** One agent's set-up: where it goes, and the text to paste. */
  public record Setup(String id, String title, String where, String text, String note) {}

  static final String PLACEHOLDER = "tmx_...";

  private final TokenStore tokens;
  private final Directory directory;
  private final String header;

  public ConnectPage(TokenStore tokens, Directory directory, String otlpHeader) {
    this.tokens = tokens;
    this.directory = directory;
    this.header = otlpHeader;
  }

  @Override
  public List<NavItem> nav() {
    return List.of(NavItem.admin("connect", "Connect agents", "/admin/connect", 905));
  }

  @Override
  public void routes(PageRoutes r) {
    r.get("/admin/connect", Access.ADMIN, w -> view(w, null, null, null));
    r.post("/admin/connect", Access.ADMIN, this::create);
  }

  private Result create(WebRequest w) {
    String kind = w.form().text("kind");
    String description = w.form().text("description");
    if (description.length() > 200) return error(w, "The description is longer than 200 characters.");
    String by = " (created by " + w.user().account().email() + " on the connect page)";
    return switch (kind) {
      case "person" -> {
        String who = w.form().text("person");
        if (who.isEmpty()) yield error(w, "Name the person the token is for (e-mail or id).");
        Optional<Person> p = directory.person(who)
            .or(() -> directory.resolve(RawIdentity.email(who.toLowerCase(Locale.ROOT))).flatMap(directory::person));
        if (p.isEmpty()) {
          yield error(w, "No person with the e-mail or id '" + who + "' in the directory: import the directory first, "
              + "or add the person there.");
        }
        Person person = p.get();
        TokenStore.NewToken t = tokens.create(TokenScope.INGEST, person.id(), null,
            description.isEmpty() ? "ingest token for " + (person.email() == null ? person.id() : person.email()) + by : description);
        yield view(w, t, "everything sent with it counts as " + (person.name() == null ? person.id() : person.name())
            + "'s", null);
      }
      case "team" -> {
        String team = w.form().text("team");
        if (directory.teams().stream().noneMatch(x -> x.id().equals(team))) yield error(w, "Pick a team of the directory.");
        TokenStore.NewToken t = tokens.create(TokenScope.INGEST, null, team,
            description.isEmpty() ? "ingest token for team " + team + by : description);
        yield view(w, t, "records are attributed by the identity they carry (an e-mail, an account id); team "
            + team + " is where the token came from", null);
      }
      case "organization" -> {
        TokenStore.NewToken t = tokens.create(TokenScope.INGEST, null, null,
            description.isEmpty() ? "organization ingest token" + by : description);
        yield view(w, t, "records are attributed by the identity they carry (an e-mail, an account id)", null);
      }
      default -> error(w, "Choose who the token is for: a person, a team or the whole organization.");
    };
  }

  private Result error(WebRequest w, String message) {
    return view(w, null, null, message).withStatus(Status.BAD_REQUEST_400);
  }

  private View view(WebRequest w, TokenStore.NewToken issued, String tokenFor, String error) {
    String url = serverUrl(w);
    String token = issued == null ? PLACEHOLDER : issued.secret();
    return Result.view("admin/connect.jte", "Connect your agents", "connect",
        new Model(url, header, issued, tokenFor, setups(url, token, header), directory.people().size(),
            directory.teams(), error)).withoutFilterBar();
  }

  /** This server's address as the browser reached it (behind a proxy: its forwarded scheme and host). */
  static String serverUrl(WebRequest w) {
    var h = w.request().headers();
    String host = h.first(HeaderNames.X_FORWARDED_HOST).orElseGet(() -> h.first(HeaderNames.HOST).orElse("localhost:8420"));
    String proto = h.first(HeaderNames.X_FORWARDED_PROTO).orElse(w.request().isSecure() ? "https" : "http");
    host = host.split(",")[0].strip();
    proto = proto.split(",")[0].strip().toLowerCase(Locale.ROOT);
    if (!proto.equals("https")) proto = "http";
    if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) host = "localhost:8420";
    return proto + "://" + host;
  }

  /** The set-ups for this server and token (the same ones the README's collection guide explains). */
  static List<Setup> setups(String url, String token, String header) {
    return List.of(
        new Setup("claude-code", "Claude Code", "the shell profile, or the env block of Claude Code's managed settings",
            """
            export CLAUDE_CODE_ENABLE_TELEMETRY=1
            export OTEL_METRICS_EXPORTER=otlp OTEL_LOGS_EXPORTER=otlp
            export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf
            export OTEL_EXPORTER_OTLP_ENDPOINT=%s
            export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer %s"
            """.formatted(url, token),
            "Metrics and per-request events; tokens are counted once. Prompt text is never stored."),
        new Setup("codex", "Codex CLI", "~/.codex/config.toml",
            """
            [otel]
            log_user_prompt = false
            exporter = { otlp-http = { endpoint = "%s/v1/logs", protocol = "binary", headers = { "%s" = "%s" } } }
            """.formatted(url, header, token),
            "Signed in with an API key Codex names no user: use a person's token, or set "
                + "OTEL_RESOURCE_ATTRIBUTES=\"user.email=...\" where the roll-out sets up the environment."),
        new Setup("gemini-cli", "Gemini CLI", "~/.gemini/settings.json, and the token in the environment",
            """
            { "telemetry": { "enabled": true, "target": "local", "otlpProtocol": "http",
                             "otlpEndpoint": "%s", "logPrompts": false } }

            export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer %s"
            """.formatted(url, token),
            "With an API key Gemini CLI names no user: use a person's token or OTEL_RESOURCE_ATTRIBUTES as for Codex."),
        new Setup("push", "tokenmaxx push (any agent's local logs)", "each person's machine, with their own token",
            """
            mkdir -p ~/.config/tokenmaxx && umask 077
            printf '%%s\\n' '%s' > ~/.config/tokenmaxx/token
            tokenmaxx push --server %s --token-file ~/.config/tokenmaxx/token --every 15m
            """.formatted(token, url),
            "Reads Claude Code, Codex, Gemini CLI and Qwen Code logs incrementally and sends only what the server "
                + "lacks; never prompt or response text."));
  }
}
