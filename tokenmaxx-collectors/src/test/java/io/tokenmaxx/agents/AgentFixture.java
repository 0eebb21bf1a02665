package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenmaxx.model.UsageRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One capture kept by {@link AgentCapture} ({@code src/test/resources/agents/NAME}), read from the
 * class path (also from this module's test jar): what the stand-in served, the agent's exports as
 * received and its local logs. {@link #expected()} is what the agent's records must add up to.
 */
public final class AgentFixture {
  /** One OTLP export as it arrived; {@link #body} gives its bytes as sent. */
  public record Export(String file, int run, String path, String contentType, String contentEncoding,
      boolean storedGzip, int bytes) {}

  /** Token sums in the disjoint fields of a usage record, and the number of requests. */
  public record Tokens(long input, long output, long cacheRead, long cacheWrite5m, long cacheWrite1h,
      long reasoning, long requests) {
    public static final Tokens ZERO = new Tokens(0, 0, 0, 0, 0, 0, 0);

    public Tokens plus(Tokens o) {
      return new Tokens(input + o.input, output + o.output, cacheRead + o.cacheRead,
          cacheWrite5m + o.cacheWrite5m, cacheWrite1h + o.cacheWrite1h, reasoning + o.reasoning,
          requests + o.requests);
    }

    public long total() {
      return input + output + cacheRead + cacheWrite5m + cacheWrite1h + reasoning;
    }

    /** A record's tokens and requests. */
    public static Tokens of(UsageRecord r) {
      return new Tokens(r.inputTokens(), r.outputTokens(), r.cacheReadTokens(), r.cacheWrite5mTokens(),
          r.cacheWrite1hTokens(), r.reasoningTokens(), r.requests());
    }

    /** The records' tokens and requests, added up. */
    public static Tokens sum(java.util.Collection<UsageRecord> records) {
      return records.stream().map(Tokens::of).reduce(ZERO, Tokens::plus);
    }
  }

  private final String scenario;
  private final JsonNode manifest;
  private final List<ServedRequest> served = new ArrayList<>();
  private final List<Export> exports = new ArrayList<>();
  private final List<String> logs = new ArrayList<>();

  private AgentFixture(String scenario, JsonNode manifest) throws IOException {
    this.scenario = scenario;
    this.manifest = manifest;
    for (JsonNode s : manifest.path("served")) served.add(StandIn.JSON.treeToValue(s, ServedRequest.class));
    for (JsonNode e : manifest.path("exports")) {
      exports.add(new Export(e.path("file").asText(), e.path("run").asInt(), e.path("path").asText(),
          e.path("contentType").asText(null), e.path("contentEncoding").asText(null),
          e.path("storedGzip").asBoolean(false), e.path("bytes").asInt()));
    }
    for (JsonNode l : manifest.path("logs")) logs.add(l.asText());
  }

  /** The captures whose OpenTelemetry exports the decoder maps (and their local logs). */
  public static List<AgentFixture> all() {
    List<AgentFixture> out = new ArrayList<>();
    for (Scenario s : Scenarios.all()) out.add(load(s.name()));
    return out;
  }

  /** The captures of agents read from their local logs only (OpenCode, GitHub Copilot CLI). */
  public static List<AgentFixture> logsOnly() {
    List<AgentFixture> out = new ArrayList<>();
    for (Scenario s : Scenarios.logsOnly()) out.add(load(s.name()));
    return out;
  }

  /**
   * The served requests the agent's local logs record: all of them, but for OpenCode's requests
   * for a session title, which OpenCode does not log.
   */
  public List<ServedRequest> logged() {
    if (!agent().equals("opencode") && !agent().equals("kilo")) return served;
    return served.stream().filter(s -> !s.model().equals(Scenarios.OPENCODE_TITLE_MODEL)).toList();
  }

  /** {@link #expected()} of the requests the local logs record ({@link #logged()}). */
  public Tokens expectedInLogs() {
    Tokens sum = Tokens.ZERO;
    for (ServedRequest s : logged()) sum = sum.plus(expected(s));
    return sum;
  }

  public static AgentFixture load(String scenario) {
    try (InputStream in = resource(scenario + "/" + AgentCapture.MANIFEST)) {
      return new AgentFixture(scenario, StandIn.JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = AgentFixture.class.getClassLoader().getResourceAsStream("agents/" + name);
    if (in == null) {
      throw new IOException("no capture agents/" + name + " on the class path: run scripts/capture-agents.sh");
    }
    return in;
  }

  public String scenario() {
    return scenario;
  }

  /** The tool id the agent's records carry (claude-code, codex, gemini-cli, qwen-code). */
  public String agent() {
    return manifest.path("agent").asText();
  }

  public String version() {
    return manifest.path("version").asText();
  }

  /** The OTLP protocol the agent exported with (http/protobuf, http/json, binary, json). */
  public String protocol() {
    return manifest.path("protocol").asText();
  }

  public List<ServedRequest> served() {
    return served;
  }

  public List<Export> exports() {
    return exports;
  }

  public List<String> logs() {
    return logs;
  }

  /** When the last request was answered: a clock near it keeps the captures recent. */
  public Instant lastServedAt() {
    Instant last = Instant.EPOCH;
    for (ServedRequest s : served) {
      Instant t = Instant.parse(s.answeredAt());
      if (t.isAfter(last)) last = t;
    }
    return last;
  }

  /** An export's body exactly as the agent sent it (gzip-compressed too, when it sent it so). */
  public byte[] body(Export e) {
    try (InputStream in = resource(scenario + "/" + e.file())) {
      byte[] b = in.readAllBytes();
      if (!e.storedGzip()) return b;
      try (InputStream g = new GZIPInputStream(new java.io.ByteArrayInputStream(b))) {
        return g.readAllBytes();
      }
    } catch (IOException x) {
      throw new UncheckedIOException(x);
    }
  }

  /**
   * Copies the agent's local logs into {@code dir} as its home had them; returns that home. Several
   * captures may share one home (their logs have distinct names; a file both have is replaced).
   */
  public Path copyHome(Path dir) {
    Path home = dir.resolve("home");
    try {
      for (String log : logs) {
        Path to = dir.resolve(log);
        Files.createDirectories(to.getParent());
        try (InputStream in = resource(scenario + "/" + log)) {
          Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }

  /**
   * What the agent's usage records must add up to: every request the stand-in served, once, in
   * the fields the agent can tell apart. Claude Code keeps thinking inside output tokens (as the API
   * bills it), so its reasoning is output; Qwen Code on Anthropic folds cache writes into the prompt
   * count and keeps no split, so they are input.
   */
  public Tokens expected() {
    Tokens sum = Tokens.ZERO;
    for (ServedRequest s : served) sum = sum.plus(expected(s));
    return sum;
  }

  /** {@link #expected()} of one request. */
  public Tokens expected(ServedRequest s) {
    ServedUsage u = s.usage();
    if (agent().equals("claude-code")) {
      return new Tokens(u.input(), u.generated(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h(), 0, 1);
    }
    if (agent().equals("qwen-code") && s.provider().equals(AnthropicStandIn.PROVIDER)) {
      return new Tokens(u.input() + u.cacheWrite(), u.output(), u.cacheRead(), 0, 0, u.reasoning(), 1);
    }
    return new Tokens(u.input(), u.output(), u.cacheRead(), u.cacheWrite5m(), u.cacheWrite1h(), u.reasoning(), 1);
  }

  @Override
  public String toString() {
    return scenario;
  }
}
