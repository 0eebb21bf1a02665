package io.tokenmaxx.agents;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs the real agents (installed from npm by {@code scripts/capture-agents.sh}) non-interactively
 * against their providers' stand-ins and keeps what they wrote as fixtures: the local logs, every
 * OTLP export as received, and a manifest ({@code capture.json}) of exactly what each stand-in
 * served per request.
 *
 * <pre>
 * AgentCapture --agents DIR --out DIR [--root DIR] [--only NAME,...]
 * </pre>
 *
 * {@code --agents} is the npm prefix the agents are installed in; {@code --root} (default
 * {@code /tmp/tokenmaxx-capture}) is wiped and holds each run's home, working folder and a link to
 * the agents, so that the paths the agents write into their logs are the same on every machine.
 */
public final class AgentCapture {
  static final String MANIFEST = "capture.json";
  /** Bodies larger than this are kept gzip-compressed ({@code storedGzip} in the manifest). */
  static final int STORE_GZIP_ABOVE = 64 * 1024;

  private final Path agents;
  private final Path out;
  private final Path root;

  AgentCapture(Path agents, Path out, Path root) {
    this.agents = agents.toAbsolutePath().normalize();
    this.out = out.toAbsolutePath().normalize();
    this.root = root;
  }

  public static void main(String[] args) throws Exception {
    Path agents = null;
    Path out = null;
    Path root = Path.of("/tmp/tokenmaxx-capture");
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--agents" -> agents = Path.of(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--root" -> root = Path.of(args[++i]);
        case "--only" -> only.addAll(List.of(args[++i].split(",")));
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (expected --agents DIR --out DIR [--root DIR] [--only NAME,...])");
      }
    }
    if (agents == null || out == null) throw new IllegalArgumentException("--agents and --out are required");
    AgentCapture capture = new AgentCapture(agents, out, root);
    int failed = 0;
    for (Scenario s : Scenarios.captures()) {
      if (!only.isEmpty() && !only.contains(s.name())) continue;
      if (!capture.capture(s)) failed++;
    }
    if (failed > 0) {
      System.err.println(failed + " capture(s) failed");
      System.exit(1);
    }
  }

  /** Captures one scenario into {@code out/NAME}; false (and nothing written) when a run failed. */
  boolean capture(Scenario s) throws IOException, InterruptedException {
    System.err.printf("== %s (%s %s, %s)%n", s.name(), s.npmPackage(), s.version(), s.protocol());
    deleteTree(root);
    Path home = Files.createDirectories(root.resolve("home"));
    Path work = Files.createDirectories(root.resolve("work"));
    Path bin = entry(Files.createSymbolicLink(root.resolve("agents"), agents), s);
    Clock clock = Clock.systemUTC();
    AtomicInteger seq = new AtomicInteger();
    List<Map<String, Object>> runs = new ArrayList<>();
    try (StandIn standIn = standIn(s, seq, clock); OtlpCaptureReceiver otlp = new OtlpCaptureReceiver()) {
      Scenario.Context c = new Scenario.Context(home, work, standIn.baseUrl(), otlp.endpoint(), s.protocol());
      for (int r = 1; r <= s.runs().size(); r++) {
        standIn.run(r);
        otlp.run(r);
        Map<String, String> env = baseEnv(home);
        s.setup().prepare(c, r, env);
        List<String> command = new ArrayList<>();
        command.add(bin.toString());
        command.addAll(s.runs().get(r - 1).args());
        int exit = exec(command, env, work, root.resolve("run-" + r + ".log"));
        System.err.printf("   run %d: exit %d, %d requests served, %d exports so far%n", r, exit,
            standIn.served().size(), otlp.exports().size());
        runs.add(Map.of("run", r, "args", s.runs().get(r - 1).args(), "exit", exit));
        if (exit != 0) {
          System.err.println(Files.readString(root.resolve("run-" + r + ".log")));
          return false;
        }
      }
      awaitQuiet(otlp);
      write(s, runs, standIn, otlp, home);
    }
    return true;
  }

  /**
   * The agent's executable as its package names it (not npm's link to it in {@code .bin}: Node
   * would resolve the package's own files relative to the link), reached through the neutral root.
   */
  private static Path entry(Path agents, Scenario s) throws IOException {
    Path pkg = agents.resolve("node_modules").resolve(s.npmPackage());
    com.fasterxml.jackson.databind.JsonNode json = StandIn.JSON.readTree(pkg.resolve("package.json").toFile());
    String version = json.path("version").asText();
    if (!version.equals(s.version())) {
      throw new IllegalStateException(s.npmPackage() + " " + version + " is installed, the capture wants " + s.version());
    }
    com.fasterxml.jackson.databind.JsonNode bin = json.path("bin");
    String rel = bin.isTextual() ? bin.asText() : bin.path(s.bin()).asText(null);
    // a platform package (the binary alone) names no executable: it is bin/<name>
    if (rel == null && bin.isMissingNode() && java.nio.file.Files.isRegularFile(pkg.resolve("bin").resolve(s.bin()))) {
      rel = "bin/" + s.bin();
    }
    if (rel == null) throw new IllegalStateException(s.npmPackage() + " has no executable named " + s.bin());
    return pkg.resolve(rel).normalize();
  }

  private static StandIn standIn(Scenario s, AtomicInteger seq, Clock clock) throws IOException {
    return switch (s.provider()) {
      case AnthropicStandIn.PROVIDER -> new AnthropicStandIn(s.plan(), seq, clock).start();
      case OpenAiStandIn.PROVIDER -> new OpenAiStandIn(s.plan(), seq, clock).start();
      case GeminiStandIn.PROVIDER -> new GeminiStandIn(s.plan(), seq, clock).start();
      default -> throw new IllegalArgumentException(s.provider());
    };
  }

  /** A clean environment: only the home and XDG folders, the search path and a plain terminal. */
  private static Map<String, String> baseEnv(Path home) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
    env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
    env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
    env.put("TERM", "dumb");
    env.put("LANG", "C.UTF-8");
    env.put("TZ", "UTC");
    env.put("CI", "1");
    // Node resolves the link to the agents to its target unless told not to; the agents would then
    // write this machine's install folder into what they log and export.
    env.put("NODE_OPTIONS", "--preserve-symlinks --preserve-symlinks-main");
    return env;
  }

  private static int exec(List<String> command, Map<String, String> env, Path work, Path log)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      return 124;
    }
    return p.exitValue();
  }

  /** Waits until no export has arrived for two seconds (at most twenty). */
  private static void awaitQuiet(OtlpCaptureReceiver otlp) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int seen = -1;
    while (System.nanoTime() < deadline) {
      int n = otlp.exports().size();
      if (n == seen) return;
      seen = n;
      Thread.sleep(2000);
    }
  }

  private void write(Scenario s, List<Map<String, Object>> runs, StandIn standIn, OtlpCaptureReceiver otlp,
      Path home) throws IOException {
    Path dir = out.resolve(s.name());
    deleteTree(dir);
    Files.createDirectories(dir);
    ObjectNode m = StandIn.JSON.createObjectNode();
    m.put("scenario", s.name()).put("agent", s.agent()).put("package", s.npmPackage()).put("version", s.version())
        .put("provider", s.provider()).put("protocol", s.protocol());
    m.set("runs", StandIn.JSON.valueToTree(runs));
    m.set("served", StandIn.JSON.valueToTree(standIn.served()));
    m.set("unserved", StandIn.JSON.valueToTree(standIn.unserved()));
    ArrayNode logs = m.putArray("logs");
    for (String keep : s.keep()) {
      Path from = home.resolve(keep);
      if (!Files.isDirectory(from)) continue;
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
          String rel = neutral(home.relativize(f).toString());
          Path to = dir.resolve("home").resolve(rel);
          Files.createDirectories(to.getParent());
          Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
          if (isText(to)) Files.writeString(to, neutral(Files.readString(to)));
          logs.add("home/" + rel);
        }
      }
    }
    ArrayNode exports = m.putArray("exports");
    for (OtlpCaptureReceiver.Export e : otlp.exports()) {
      String signal = e.path().substring("/v1/".length());
      boolean json = e.contentType() != null && e.contentType().startsWith("application/json");
      boolean wireGzip = "gzip".equalsIgnoreCase(e.contentEncoding());
      // Large bodies are kept gzip-compressed (the bytes inside are the body as sent).
      boolean storedGzip = !wireGzip && e.body().length > STORE_GZIP_ABOVE;
      String file = String.format("otlp/%03d-%s.%s%s", e.seq(), signal, json ? "json" : "pb",
          wireGzip || storedGzip ? ".gz" : "");
      Files.createDirectories(dir.resolve("otlp"));
      byte[] body = json && !wireGzip ? neutral(new String(e.body(), java.nio.charset.StandardCharsets.UTF_8))
          .getBytes(java.nio.charset.StandardCharsets.UTF_8) : e.body();
      Files.write(dir.resolve(file), storedGzip ? gzip(body) : body);
      ObjectNode x = exports.addObject().put("file", file).put("run", e.run()).put("path", e.path())
          .put("contentType", e.contentType());
      if (e.contentEncoding() != null) x.put("contentEncoding", e.contentEncoding());
      if (storedGzip) x.put("storedGzip", true);
      x.put("bytes", body.length);
    }
    m.set("refused", StandIn.JSON.valueToTree(otlp.refused()));
    StandIn.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(MANIFEST).toFile(), m);
    System.err.printf("   kept %d log files, %d exports, %d served requests in %s%n", logs.size(), exports.size(),
        standIn.served().size(), dir);
  }

  private static byte[] gzip(byte[] body) throws IOException {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(body.length / 4);
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(b)) {
      g.write(body);
    }
    return b.toByteArray();
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The capture's folders as a neutral home ({@code /home/dev}, working folder {@code /home/dev/project})
   * in what is kept as text, so fixtures name no folder of the machine they were captured on. Binary
   * files (SQLite databases, protobuf bodies) are kept as written: their lengths and checksums cover
   * the bytes.
   */
  String neutral(String text) {
    String r = root.toString();
    String dashed = r.replace('/', '-') + "-work";
    return text.replace(r + "/work", "/home/dev/project").replace(dashed, "-home-dev-project")
        .replace(r.substring(1) + "/work", "home/dev/project").replace(r, "/home/dev")
        .replace(".gemini/tmp/work", ".gemini/tmp/project");
  }

  /** A kept log is text when its first 8 KiB hold no NUL byte and decode as UTF-8. */
  private static boolean isText(Path f) throws IOException {
    byte[] head;
    try (var in = Files.newInputStream(f)) {
      head = in.readNBytes(8192);
    }
    for (byte b : head) if (b == 0) return false;
    try {
      java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
