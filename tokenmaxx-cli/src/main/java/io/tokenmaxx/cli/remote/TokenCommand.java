package io.tokenmaxx.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx token create|list|revoke}: API tokens, administered on a server. */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens on a tokenmaxx server (needs an admin token).",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class,
        io.tokenmaxx.cli.gateway.AliasCommand.class})
public final class TokenCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = {"Create a token and print its secret (shown once) on standard output.",
          "Ingest tokens belong to a person (everything sent with it is theirs) or a team (the "
              + "identities in the data decide).",
          "Gateway keys (--scope gateway) belong to a person or a team too: clients send them as their "
              + "API key to the metering gateway (/anthropic, /openai/v1), which attributes every request to it."})
  static final class Create implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin TokenOptions auth;

    @Option(names = "--person", paramLabel = "EMAIL", description = "person the token belongs to (e-mail or person id)")
    String person;

    @Option(names = "--team", paramLabel = "TEAM", description = "team the token belongs to (e.g. for a shared OTLP roll-out)")
    String team;

    @Option(names = "--scope", defaultValue = "ingest", paramLabel = "ingest|read|admin|gateway",
        description = "what the token may do (default: ${DEFAULT-VALUE})")
    String scope;

    @Option(names = "--description", paramLabel = "TEXT", description = "what the token is for")
    String description;

    @Option(names = "--strategy", paramLabel = "fallback|cheapest|lowest-latency|weighted|cascade",
        description = "gateway keys only: the routing strategy for this key's requests, overriding each route's own")
    String strategy;

    @Option(names = "--models", paramLabel = "MODEL,MODEL", description = "gateway keys only: the only models this key "
        + "may ask for, comma-separated (default: any); another model is refused in the provider's error shape")
    String models;

    @Override
    public Integer call() throws Exception {
      if (!scope.matches("ingest|read|admin|gateway")) {
        throw new IllegalArgumentException("--scope must be ingest, read, admin or gateway, was '" + scope + "'");
      }
      if ((scope.equals("ingest") || scope.equals("gateway")) && person == null && team == null) {
        throw new IllegalArgumentException("an " + scope + " token needs --person EMAIL or --team TEAM");
      }
      if (!scope.equals("gateway") && (strategy != null || models != null)) {
        throw new IllegalArgumentException((strategy != null ? "--strategy" : "--models")
            + " is for gateway keys only (--scope gateway), not for a token of scope " + scope);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("scope", scope);
      if (person != null) body.put("person", person);
      if (team != null) body.put("team", team);
      if (description != null) body.put("description", description);
      if (strategy != null) body.put("strategy", strategy);
      if (models != null) body.put("models", java.util.Arrays.stream(models.split(",", -1)).map(String::strip).toList());
      JsonNode t = auth.client().json("POST", "/api/v1/tokens", body);
      spec.commandLine().getErr().println("created " + t.path("scope").asText() + " token " + t.path("id").asText()
          + (t.hasNonNull("person") ? " for " + t.get("person").asText() : "")
          + (t.hasNonNull("team") ? " for team " + t.get("team").asText() : "")
          + routing(t)
          + (t.hasNonNull("note") ? " (" + t.get("note").asText() + ")" : ""));
      spec.commandLine().getOut().println(t.path("secret").asText());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin TokenOptions auth;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      JsonNode r = auth.client().json("GET", "/api/v1/tokens", null);
      var out = spec.commandLine().getOut();
      if (json) {
        out.println(r.toPrettyString());
        out.flush();
        return 0;
      }
      out.printf("%-24s %-7s %-28s %-20s %s%n", "ID", "SCOPE", "FOR", "CREATED", "STATUS");
      for (JsonNode t : r.path("tokens")) {
        String owner = t.hasNonNull("person") ? t.get("person").asText()
            : t.hasNonNull("team") ? "team " + t.get("team").asText() : "-";
        out.printf("%-24s %-7s %-28s %-20s %s%n", t.path("id").asText(), t.path("scope").asText(),
            owner, t.path("created").asText().replace('T', ' ').replaceAll("\\..*", ""),
            (t.hasNonNull("revoked") ? "revoked" : "active") + routing(t));
      }
      out.flush();
      return 0;
    }
  }

  /** Texts of a JSON array. */
  static java.util.List<String> texts(JsonNode a) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (a != null) a.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** A gateway key's routing after its status in the token list ("" when it has none). */
  static String routing(JsonNode t) {
    String s = t.hasNonNull("strategy") ? "strategy " + t.get("strategy").asText() : "";
    if (t.path("models").size() > 0) s += (s.isEmpty() ? "" : ", ") + "models " + String.join(",", texts(t.get("models")));
    return s.isEmpty() ? "" : "  (" + s + ")";
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id; it stops working at once.")
  static final class Revoke implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin TokenOptions auth;

    @Parameters(paramLabel = "ID", description = "token id (tok_...), from 'token list'")
    String id;

    @Override
    public Integer call() throws Exception {
      auth.client().json("DELETE", "/api/v1/tokens/" + id, null);
      spec.commandLine().getErr().println("revoked " + id);
      return 0;
    }
  }
}
