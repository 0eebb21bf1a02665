package io.tokenmaxx.cli.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenmaxx.cli.remote.ServerClient;
import io.tokenmaxx.cli.remote.TokenOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx checkin ...}: weekly check-ins from the terminal, against a tokenmaxx server. */
@Command(name = "checkin", mixinStandardHelpOptions = true,
    description = {"Weekly AI check-ins: what you tried, what worked, what failed, what you learned.",
        "Talks to a tokenmaxx server with your read token (--server URL --token T)."},
    subcommands = {CheckinCommand.Show.class, CheckinCommand.Submit.class, CheckinCommand.Edit.class,
        CheckinCommand.ListCheckins.class, CheckinCommand.Search.class, CheckinCommand.Export.class,
        CheckinCommand.DigestCmd.class})
public final class CheckinCommand implements Runnable {
  static final ObjectMapper MAPPER = new ObjectMapper();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String weekParam(String week) {
    return week == null ? "" : "?week=" + enc(week);
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Your check-in of a week and your week at a glance (tools, models, sessions, outcomes).")
  static final class Show implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--week", paramLabel = "DATE", description = "any day of the week, 'last' or 'current' (default)")
    String week;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      JsonNode me = auth.client().json("GET", "/api/v1/checkins/me" + weekParam(week), null);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(me.toPrettyString());
        return 0;
      }
      out.printf("Week of %s: %s (closes %s)%n", me.path("week").asText(),
          me.path("open").asBoolean() ? "open" : "closed", me.path("closesAt").asText());
      JsonNode g = me.path("glance");
      out.printf("At a glance: %,d requests, %,d tokens, %d sessions, %d active days%n", g.path("requests").asLong(),
          g.path("tokens").asLong(), g.path("sessions").asInt(), g.path("activeDays").asInt());
      List<String> tools = new ArrayList<>();
      g.path("tools").forEach(t -> tools.add(t.path("name").asText() + " (" + t.path("requests").asLong() + ")"));
      if (!tools.isEmpty()) out.println("  tools:    " + Terminal.safe(String.join(", ", tools)));
      List<String> models = new ArrayList<>();
      g.path("models").forEach(t -> models.add(t.path("name").asText()));
      if (!models.isEmpty()) out.println("  models:   " + Terminal.safe(String.join(", ", models)));
      List<String> outcomes = new ArrayList<>();
      g.path("outcomes").fields().forEachRemaining(e -> outcomes.add(e.getKey() + " " + Math.round(e.getValue().asDouble())));
      if (!outcomes.isEmpty()) out.println("  outcomes: " + String.join(", ", outcomes));
      JsonNode c = me.path("checkin");
      if (c.isMissingNode() || c.isNull()) {
        out.println("No check-in yet. Write one with: tokenmaxx checkin submit --tried '...' --worked '...'");
      } else {
        out.println();
        print(out, c);
      }
      return 0;
    }
  }

  static void print(PrintWriter out, JsonNode c) {
    out.printf("%s, week of %s (%s)%n", Terminal.safe(c.hasNonNull("name") ? c.get("name").asText() : c.path("person").asText()),
        c.path("week").asText(), c.path("visibility").asText());
    field(out, "Tried", c.path("tried").asText());
    field(out, "Worked", c.path("worked").asText());
    field(out, "Failed", c.path("failed").asText());
    field(out, "Learned", c.path("learned").asText());
    List<String> tags = strings(c.path("tags"));
    if (!tags.isEmpty()) out.println("  Tags:    " + Terminal.safe(String.join(", ", tags)));
    List<String> tools = strings(c.path("tools"));
    if (!tools.isEmpty()) out.println("  Tools:   " + Terminal.safe(String.join(", ", tools)));
    if (c.hasNonNull("minutesSaved")) out.println("  Saved:   " + c.get("minutesSaved").asInt() + " minutes");
    for (String l : strings(c.path("links"))) out.println("  Link:    " + Terminal.safe(l));
  }

  private static void field(PrintWriter out, String label, String text) {
    if (text == null || text.isBlank()) return;
    String[] lines = Terminal.safe(text).split("\n");
    out.printf("  %-8s %s%n", label + ":", lines[0]);
    for (int i = 1; i < lines.length; i++) out.printf("  %-8s %s%n", "", lines[i]);
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** What submit and edit send. */
  abstract static class Write implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--week", paramLabel = "DATE", description = "any day of the week, 'last' or 'current' (default)")
    String week;
    @Option(names = "--tried", paramLabel = "TEXT", description = "what you tried") String tried;
    @Option(names = "--worked", paramLabel = "TEXT", description = "what worked") String worked;
    @Option(names = "--failed", paramLabel = "TEXT", description = "what failed, and why") String failed;
    @Option(names = "--learned", paramLabel = "TEXT", description = "what you learned") String learned;
    @Option(names = "--tag", paramLabel = "TAG", description = "a use-case tag (repeatable); replaces the tags") List<String> tags;
    @Option(names = "--tool", paramLabel = "TOOL", description = "a tool you used (repeatable); replaces the tools") List<String> tools;
    @Option(names = "--minutes-saved", paramLabel = "N", description = "time saved this week, minutes") Integer minutes;
    @Option(names = "--link", paramLabel = "URL", description = "a link (repeatable); replaces the links") List<String> links;
    @Option(names = "--visibility", paramLabel = "team|organization|private",
        description = "who may read it (new check-ins: team)") String visibility;
    @Option(names = "--private", description = "shorthand for --visibility private") boolean privateOnly;
    @Option(names = "--file", paramLabel = "FILE",
        description = "a JSON object with the fields (tried, worked, failed, learned, tags, tools, minutesSaved, links, "
            + "visibility); '-' reads standard input; options given beside it win") Path file;
    @Option(names = "--json", description = "print the stored check-in as JSON") boolean json;

    ObjectNode body() throws IOException {
      ObjectNode b;
      if (file != null) {
        String text = file.toString().equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
            : Files.readString(file);
        JsonNode n;
        try {
          n = MAPPER.readTree(text);
        } catch (IOException e) {
          throw new IllegalArgumentException("--file " + file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("--file " + file + " must hold a JSON object");
        b = (ObjectNode) n;
      } else {
        b = MAPPER.createObjectNode();
      }
      if (tried != null) b.put("tried", tried);
      if (worked != null) b.put("worked", worked);
      if (failed != null) b.put("failed", failed);
      if (learned != null) b.put("learned", learned);
      if (tags != null) b.set("tags", MAPPER.valueToTree(tags));
      if (tools != null) b.set("tools", MAPPER.valueToTree(tools));
      if (minutes != null) b.put("minutesSaved", minutes);
      if (links != null) b.set("links", MAPPER.valueToTree(links));
      if (privateOnly) b.put("visibility", "private");
      else if (visibility != null) b.put("visibility", visibility.toLowerCase(Locale.ROOT));
      return b;
    }

    abstract void check(ServerClient client, ObjectNode body) throws Exception;

    @Override
    public Integer call() throws Exception {
      ServerClient client = auth.client();
      ObjectNode body = body();
      if (body.isEmpty()) throw new IllegalArgumentException("nothing to send: give --tried, --worked, --failed, --learned, ... or --file");
      check(client, body);
      HttpResponse<byte[]> r = client.send("PUT", "/api/v1/checkins/me" + weekParam(week), "application/json",
          MAPPER.writeValueAsBytes(body));
      if (r.statusCode() / 100 != 2) throw new IOException(ServerClient.describe(r));
      JsonNode saved = MAPPER.readTree(r.body());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(saved.toPrettyString());
      } else {
        spec.commandLine().getErr().println((r.statusCode() == 201 ? "submitted" : "updated") + " your check-in for the week of "
            + saved.path("week").asText());
        print(out, saved);
      }
      return 0;
    }
  }

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = {"Write your check-in for a week (or change the fields you give, when there is one).",
          "Editable until the week closes; visible to your team unless --private or --visibility."})
  static final class Submit extends Write {
    @Override
    void check(ServerClient client, ObjectNode body) {}
  }

  @Command(name = "edit", mixinStandardHelpOptions = true,
      description = "Change fields of your existing check-in; the others stay as they are.")
  static final class Edit extends Write {
    @Override
    void check(ServerClient client, ObjectNode body) throws Exception {
      JsonNode me = client.json("GET", "/api/v1/checkins/me" + weekParam(week), null);
      if (!me.hasNonNull("checkin")) {
        throw new IllegalArgumentException("there is no check-in for the week of " + me.path("week").asText()
            + " to edit; write one with 'tokenmaxx checkin submit'");
      }
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The check-ins you may read, newest first (your team's, your reports', the organization's).")
  static final class ListCheckins implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--team", paramLabel = "TEAM") String team;
    @Option(names = "--department", paramLabel = "DEPT") String department;
    @Option(names = "--person", paramLabel = "ID") String person;
    @Option(names = "--tag", paramLabel = "TAG") String tag;
    @Option(names = "--tool", paramLabel = "TOOL") String tool;
    @Option(names = "--since", paramLabel = "DATE", description = "from the week of this date") String since;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N (default ${DEFAULT-VALUE})") int limit;
    @Option(names = "--json", description = "print JSON") boolean json;

    @Override
    public Integer call() throws Exception {
      StringBuilder q = new StringBuilder("?limit=").append(limit);
      add(q, "team", team);
      add(q, "department", department);
      add(q, "person", person);
      add(q, "tag", tag);
      add(q, "tool", tool);
      add(q, "from", since);
      JsonNode r = auth.client().json("GET", "/api/v1/checkins" + q, null);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(r.toPrettyString());
        return 0;
      }
      if (r.path("checkins").isEmpty()) out.println("No check-ins you may read match.");
      for (JsonNode c : r.path("checkins")) {
        print(out, c);
        out.println();
      }
      return 0;
    }
  }

  static void add(StringBuilder q, String name, String value) {
    if (value != null && !value.isBlank()) q.append(q.isEmpty() ? '?' : '&').append(name).append('=').append(enc(value));
  }

  @Command(name = "search", mixinStandardHelpOptions = true,
      description = {"Full-text search over the check-ins you may read, with facets.",
          "Syntax: words (all must match), \"a phrase\", -excluded, prefix*."})
  static final class Search implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "what to look for") List<String> words;
    @Option(names = "--tag", paramLabel = "TAG") String tag;
    @Option(names = "--tool", paramLabel = "TOOL") String tool;
    @Option(names = "--department", paramLabel = "DEPT") String department;
    @Option(names = "--team", paramLabel = "TEAM") String team;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "hits (default ${DEFAULT-VALUE})") int limit;
    @Option(names = "--json", description = "print JSON") boolean json;

    @Override
    public Integer call() throws Exception {
      StringBuilder q = new StringBuilder();
      add(q, "q", words == null ? "" : String.join(" ", words));
      add(q, "tag", tag);
      add(q, "tool", tool);
      add(q, "department", department);
      add(q, "team", team);
      add(q, "limit", Integer.toString(limit));
      JsonNode r = auth.client().json("GET", "/api/v1/checkins/search" + q, null);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(r.toPrettyString());
        return 0;
      }
      out.printf("%d check-ins match%n", r.path("total").asLong());
      for (JsonNode h : r.path("hits")) {
        out.printf("%n%s, week of %s%n", Terminal.safe(h.path("name").asText()), h.path("week").asText());
        JsonNode hl = h.path("highlights");
        if (hl.isEmpty()) {
          JsonNode c = h.path("checkin");
          out.println("  " + Terminal.line(c.path("worked").asText(c.path("tried").asText()), 160));
        }
        hl.fields().forEachRemaining(e -> out.printf("  %-8s %s%n", e.getKey() + ":", Terminal.line(e.getValue().asText(), 160)));
      }
      JsonNode facets = r.path("facets");
      for (String dim : List.of("tag", "tool", "department")) {
        List<String> counts = new ArrayList<>();
        facets.path(dim).forEach(f -> counts.add(f.path("value").asText() + " " + f.path("count").asLong()));
        if (!counts.isEmpty()) out.printf("%n%s: %s", dim, Terminal.safe(String.join(", ", counts)));
      }
      out.println();
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "All of your own check-ins (private ones too) as JSON or Markdown.")
  static final class Export implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "json|markdown", defaultValue = "json") String format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write to FILE instead of standard output") Path output;

    @Override
    public Integer call() throws Exception {
      if (!format.matches("json|markdown|md")) throw new IllegalArgumentException("--format must be json or markdown, was '" + format + "'");
      HttpResponse<byte[]> r = auth.client().send("GET", "/api/v1/checkins/export?format=" + enc(format), null, null);
      if (r.statusCode() / 100 != 2) throw new IOException(ServerClient.describe(r));
      if (output != null) {
        Files.write(output, r.body());
        spec.commandLine().getErr().println("wrote " + output);
      } else {
        spec.commandLine().getOut().print(new String(r.body(), StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(name = "digest", mixinStandardHelpOptions = true,
      description = "The weekly digest as you may read it (participation, learnings, failures, new use cases).")
  static final class DigestCmd implements Callable<Integer> {
    @Mixin TokenOptions auth;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--week", paramLabel = "DATE", description = "any day of the week (default: last week)") String week;
    @Option(names = "--format", paramLabel = "markdown|json", defaultValue = "markdown") String format;

    @Override
    public Integer call() throws Exception {
      if (!format.matches("json|markdown|md")) throw new IllegalArgumentException("--format must be markdown or json, was '" + format + "'");
      StringBuilder q = new StringBuilder();
      add(q, "week", week);
      add(q, "format", format);
      HttpResponse<byte[]> r = auth.client().send("GET", "/api/v1/checkins/digest" + q, null, null);
      if (r.statusCode() / 100 != 2) throw new IOException(ServerClient.describe(r));
      spec.commandLine().getOut().print(Terminal.safe(new String(r.body(), StandardCharsets.UTF_8)));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
