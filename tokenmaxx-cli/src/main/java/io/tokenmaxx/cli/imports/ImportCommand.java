package io.tokenmaxx.cli.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.cli.remote.TokenOptions;
import io.tokenmaxx.collect.vendor.CsvImport;
import io.tokenmaxx.collect.vendor.ImportScheduler;
import io.tokenmaxx.collect.vendor.ImporterConfig;
import io.tokenmaxx.collect.vendor.RunResult;
import io.tokenmaxx.collect.vendor.Vendor;
import io.tokenmaxx.collect.vendor.VendorImporters;
import io.tokenmaxx.importer.InMemoryImportCursorStore;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.config.ConfigException;
import io.tokenmaxx.server.config.ConfigLoader;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tokenmaxx import}: vendor usage. {@code import FILE --vendor NAME} sends a console's CSV
 * export to a server; {@code import pull VENDOR} makes the server pull a configured source now
 * (or, with {@code --since}, just those days); {@code import status} lists the server's sources.
 * {@code --dry-run} reads locally and prints what would be stored, storing nothing.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import vendor usage: a console's CSV export (import FILE --vendor NAME), a pull of an "
        + "admin API (import pull VENDOR), or the state of the server's import sources (import status).",
        "--dry-run prints what would be stored (tab-separated, one record a line) and stores nothing."},
    subcommands = {ImportCommand.Pull.class, ImportCommand.Status.class})
public final class ImportCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "a CSV usage export of the vendor's console")
  Path file;

  @Option(names = "--vendor", paramLabel = "NAME", description = "whose export FILE is: anthropic, openai or cursor")
  String vendor;

  @Option(names = "--identity", paramLabel = "WHO",
      description = "whose export it is when it has no user column (an e-mail or kind:value)")
  String identity;

  @Option(names = "--dry-run", description = "read FILE and print what would be stored; send nothing")
  boolean dryRun;

  @Mixin TokenOptions remote;

  @Override
  public Integer call() throws Exception {
    if (file == null) {
      spec.commandLine().usage(spec.commandLine().getOut());
      return 0;
    }
    if (vendor == null) throw new IllegalArgumentException("give the export's vendor with --vendor anthropic|openai|cursor");
    Vendor v = Vendor.parse(vendor);
    if (!Files.isRegularFile(file)) throw new IllegalArgumentException("FILE " + file + " does not exist or is not a file");
    RawIdentity who = identity == null ? null : RawIdentity.parse(identity);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (dryRun) {
      CsvImport.Result r;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        r = CsvImport.read(v, in, who);
      }
      DryRunSink sink = new DryRunSink(out);
      sink.accept(r.usage(), List.of());
      r.errors().forEach(e -> err.println("not imported: " + e));
      err.println("dry run: " + r.usage().size() + " records would be stored, " + r.errors().size()
          + " rows could not be read; nothing was sent");
      return r.errors().isEmpty() ? 0 : 1;
    }
    String path = "/api/v1/importers/" + v.id() + "/csv"
        + (identity == null ? "" : "?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8));
    var response = remote.client().send("POST", path, "text/csv", Files.readAllBytes(file));
    if (response.statusCode() / 100 != 2) throw new java.io.IOException(io.tokenmaxx.cli.remote.ServerClient.describe(response));
    JsonNode r = io.tokenmaxx.server.http.Json.MAPPER.readTree(response.body());
    for (JsonNode e : r.path("errors")) err.println("not imported: " + e.asText());
    out.println(r.path("records").asLong() + " records imported from " + file.getFileName() + " (" + v.id() + ")"
        + (r.path("errors").isEmpty() ? "" : "; " + r.path("errors").size() + " rows could not be read"));
    out.flush();
    return r.path("errors").isEmpty() ? 0 : 1;
  }

  /** {@code tokenmaxx import pull VENDOR}. */
  @Command(name = "pull", mixinStandardHelpOptions = true,
      description = {"Pull a vendor's admin API now. On a server (--server): the source configured there runs now, "
          + "or with --since only those days are pulled once (its schedule is left alone).",
          "With --dry-run the pull runs here, with the key from --admin-key-file or "
              + "TOKENMAXX_IMPORTERS_<VENDOR>_ADMIN_KEY(_FILE), and prints what would be stored."})
  static final class Pull implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VENDOR", description = "anthropic, openai, cursor or github-copilot")
    String vendor;

    @Option(names = "--since", paramLabel = "DATE", description = "first UTC day to pull (yyyy-mm-dd)")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DATE", description = "last UTC day to pull (default today)")
    LocalDate until;

    @Option(names = "--dry-run", description = "pull here and print what would be stored; store nothing")
    boolean dryRun;

    @Option(names = "--admin-key-file", paramLabel = "FILE", description = "dry run: file holding the vendor's admin key")
    Path adminKeyFile;

    @Option(names = "--base-url", paramLabel = "URL", description = "dry run: the vendor's API (default: its public one)")
    String baseUrl;

    @Option(names = "--organization", paramLabel = "ORG", description = "dry run, github-copilot: organization or enterprise:<slug>")
    String organization;

    @Option(names = "--config", paramLabel = "FILE", description = "dry run: the server's YAML settings file to read importers.* from")
    Path config;

    @Mixin TokenOptions remote;

    @Override
    public Integer call() throws Exception {
      Vendor v = Vendor.parse(vendor);
      if (since != null && until != null && since.isAfter(until)) {
        throw new IllegalArgumentException("--since " + since + " is after --until " + until);
      }
      return dryRun ? dryRun(v) : onServer(v);
    }

    private int onServer(Vendor v) throws Exception {
      String path = "/api/v1/importers/" + v.id() + "/run?wait=true"
          + (since == null ? "" : "&since=" + since) + (until == null ? "" : "&until=" + until);
      JsonNode r = remote.client().json("POST", path, null);
      PrintWriter out = spec.commandLine().getOut();
      out.println(describe(r.path("source").asText(), r.path("from").asText(null), r.path("through").asText(null),
          r.path("records").asLong(), r.path("error").asText(null)));
      out.flush();
      return r.path("ok").asBoolean() ? 0 : 1;
    }

    private int dryRun(Vendor v) throws Exception {
      String p = "importers." + v.id() + ".";
      Map<String, String> flags = new HashMap<>();
      if (adminKeyFile != null) flags.put(p + "admin-key-file", adminKeyFile.toString());
      if (baseUrl != null) flags.put(p + "base-url", baseUrl);
      if (organization != null) flags.put(p + "organization", organization);
      Map<String, String> env = new HashMap<>(System.getenv());
      if (adminKeyFile != null) env.remove(ConfigLoader.envName(p + "admin-key"));
      ImporterConfig c;
      try {
        c = new ConfigLoader().file(config).environment(env).overrides(flags).load().importers().sources().stream()
            .filter(s -> s.vendor() == v).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no admin key for " + v.id() + ": give --admin-key-file FILE or set "
                    + ConfigLoader.envName(p + "admin-key")));
      } catch (ConfigException e) {
        throw new IllegalArgumentException("bad setting " + e.getMessage(), e);
      }
      Clock clock = Clock.systemUTC();
      LocalDate last = until != null ? until : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(v.lagDays());
      LocalDate first = since != null ? since : last.minusDays(c.rereadDays() - 1L);
      PrintWriter out = spec.commandLine().getOut();
      DryRunSink sink = new DryRunSink(out);
      RunResult r;
      try (ImportScheduler s = ImportScheduler.builder().clock(clock).cursors(new InMemoryImportCursorStore())
          .sink(sink).source(VendorImporters.create(c, VendorImporters.httpClient(), clock), c).build()) {
        r = s.pull(v.id(), first, last, sink);
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println("dry run: " + describe(r.source(), String.valueOf(r.from()), r.through() == null ? null
          : r.through().toString(), sink.usage + sink.outcomes, r.error()) + "; " + sink.usage + " usage records ("
          + sink.aggregates + " daily totals, stored as what finer sources have not already counted), "
          + sink.outcomes + " outcomes, " + sink.links + " identity links; nothing was stored");
      return r.ok() ? 0 : 1;
    }
  }

  /** {@code tokenmaxx import status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "The server's import sources: state, last success, records imported, next run, last error.")
  static final class Status implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;
    @Mixin TokenOptions auth;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      JsonNode r = auth.client().json("GET", "/api/v1/importers", null);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(r.toPrettyString());
        out.flush();
        return 0;
      }
      out.printf("%-16s %-12s %-12s %-22s %12s %-22s %s%n", "SOURCE", "STATE", "THROUGH", "LAST SUCCESS", "RECORDS",
          "NEXT RUN", "LAST ERROR");
      boolean failing = false;
      for (JsonNode s : r.path("sources")) {
        failing |= s.path("state").asText().equals("failing");
        out.printf("%-16s %-12s %-12s %-22s %12d %-22s %s%n", s.path("source").asText(), s.path("state").asText(),
            s.path("completeThrough").asText("-"), s.path("lastSuccess").asText("never"),
            s.path("recordsImported").asLong(), s.path("nextRun").asText("now"), s.path("lastError").asText(""));
      }
      if (r.path("sources").isEmpty()) out.println("(no import source is configured on the server)");
      out.flush();
      return failing ? 1 : 0;
    }
  }

  static String describe(String source, String from, String through, long records, String error) {
    String days = from == null || from.equals("null") ? "no day due" : through == null ? "from " + from + ", no day complete"
        : from + " to " + through;
    return source + ": " + days + ", " + records + " records" + (error == null ? "" : "; failed: " + error);
  }
}
