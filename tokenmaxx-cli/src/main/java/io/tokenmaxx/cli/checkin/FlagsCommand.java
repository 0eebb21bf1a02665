package io.tokenmaxx.cli.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.cli.remote.TokenOptions;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx flags}: flagged person-weeks with the evidence for each. */
@Command(name = "flags", mixinStandardHelpOptions = true,
    description = {"Person-weeks the Goodhart guard flagged as possibly inflated usage, with the evidence.",
        "Admins see everyone, managers their reports, members themselves."})
public final class FlagsCommand implements Callable<Integer> {
  @Mixin TokenOptions auth;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--since", paramLabel = "DATE", description = "flags of this week and later (YYYY-MM-DD)")
  String since;

  @Option(names = "--status", paramLabel = "open|dismissed|all", defaultValue = "open",
      description = "which flags (default ${DEFAULT-VALUE})")
  String status;

  @Option(names = "--person", paramLabel = "ID", description = "one person's flags")
  String person;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String s = status.toLowerCase(Locale.ROOT);
    if (!s.matches("open|dismissed|all")) throw new IllegalArgumentException("--status must be open, dismissed or all, was '" + status + "'");
    StringBuilder q = new StringBuilder();
    CheckinCommand.add(q, "since", since);
    CheckinCommand.add(q, "status", s);
    CheckinCommand.add(q, "person", person);
    JsonNode r = auth.client().json("GET", "/api/v1/flags" + q, null);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(r.toPrettyString());
      return 0;
    }
    if (r.path("flags").isEmpty()) {
      out.println("No " + (s.equals("all") ? "" : s + " ") + "flags" + (since == null ? "" : " since " + since) + ".");
      return 0;
    }
    for (JsonNode f : r.path("flags")) {
      String who = f.hasNonNull("name") ? f.get("name").asText() + " (" + f.path("person").asText() + ")" : f.path("person").asText();
      out.printf("%s  week of %s  score %.1f  %s%s%n", Terminal.safe(who), f.path("week").asText(), f.path("score").asDouble(),
          f.path("status").asText(), f.hasNonNull("team") ? "  team " + Terminal.safe(f.get("team").asText()) : "");
      for (JsonNode h : f.path("signals")) {
        out.printf("  - %s: %s%n", h.path("signal").asText(), Terminal.safe(h.path("summary").asText()));
      }
      if (f.hasNonNull("reason")) {
        out.printf("  dismissed by %s: %s%n", Terminal.safe(f.path("reviewedBy").asText()), Terminal.safe(f.get("reason").asText()));
      }
      out.println();
    }
    out.printf("%d flagged person-week%s%n", r.path("count").asInt(), r.path("count").asInt() == 1 ? "" : "s");
    return 0;
  }
}
