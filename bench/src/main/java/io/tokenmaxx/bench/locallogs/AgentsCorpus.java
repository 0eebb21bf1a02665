package io.tokenmaxx.bench.locallogs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * The local-log corpus of the agents read whole (the separate piece of the benchmark corpus beside
 * {@link CorpusGenerator}'s Claude Code and Codex logs): seeded OpenCode and Kilo databases (the
 * real tables' layout), GitHub Copilot CLI event logs (each run closed by its
 * {@code session.shutdown} event with the run's totals, which is what ccusage counts), Amp
 * threads, Kimi wire logs and Droid session totals, under {@code OUT/home}, in the shapes the
 * agents write (see the collectors' README).
 *
 * <pre>
 * java -cp ... io.tokenmaxx.bench.locallogs.AgentsCorpus --out DIR [--sessions 200] [--seed 42]
 * </pre>
 */
public final class AgentsCorpus {
  private static final String[] CLAUDE = {"claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1"};

  private final Random random;
  private final RandomText text;
  private final long start;
  private final long span;
  long requests;

  AgentsCorpus(long seed, LocalDate from, LocalDate to) {
    random = new Random(seed);
    text = new RandomText(random);
    start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    span = to.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - start;
  }

  public static void main(String[] args) throws Exception {
    Path out = null;
    int sessions = 200;
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(args[++i]);
        case "--sessions" -> sessions = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println("unknown option " + args[i] + "; usage: --out DIR [--sessions N] [--seed S]");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      System.err.println("--out DIR is required");
      System.exit(2);
    }
    AgentsCorpus c = new AgentsCorpus(seed, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 20));
    Path home = out.resolve("home");
    c.openCode(home.resolve(".local/share/opencode/opencode.db"), sessions);
    c.openCode(home.resolve(".local/share/kilo/kilo.db"), sessions / 2);
    c.copilot(home.resolve(".copilot/session-state"), sessions);
    c.amp(home.resolve(".local/share/amp/threads"), sessions);
    c.kimi(home.resolve(".kimi"), sessions);
    c.droid(home.resolve(".factory/sessions"), sessions);
    System.out.printf(Locale.ROOT, "{\"seed\":%d,\"sessions\":%d,\"requests\":%d}%n", seed, sessions, c.requests);
  }

  /** About {@code words} words of text, escaped for a JSON string (without its quotes). */
  private String prose(int words) {
    // (a cut through the pool may leave half of a surrogate pair: dropped, the files are UTF-8)
    String s = RandomText.json(text.text(words * 6).replaceAll("[\\uD800-\\uDFFF]", ""));
    return s.substring(1, s.length() - 1);
  }

  private long time() {
    return start + (long) (random.nextDouble() * span);
  }

  private String model() {
    return CLAUDE[random.nextInt(CLAUDE.length)];
  }

  private long tokens(int max) {
    return random.nextInt(max);
  }

  /** An OpenCode (or Kilo) database with the session and message tables as OpenCode creates them. */
  void openCode(Path db, int sessions) throws IOException, SQLException {
    Files.createDirectories(db.getParent());
    Files.deleteIfExists(db);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode=WAL");
      st.execute("CREATE TABLE `project` (`id` text PRIMARY KEY, `worktree` text NOT NULL, `vcs` text, `name` text, "
          + "`icon_url` text, `icon_url_override` text, `icon_color` text, `time_created` integer NOT NULL, "
          + "`time_updated` integer NOT NULL, `time_initialized` integer, `sandboxes` text NOT NULL, `commands` text)");
      st.execute("CREATE TABLE `session` (`id` text PRIMARY KEY, `project_id` text NOT NULL, `workspace_id` text, "
          + "`parent_id` text, `slug` text NOT NULL, `directory` text NOT NULL, `path` text, `title` text NOT NULL, "
          + "`version` text NOT NULL, `share_url` text, `summary_additions` integer, `summary_deletions` integer, "
          + "`summary_files` integer, `summary_diffs` text, `metadata` text, `cost` real DEFAULT 0 NOT NULL, "
          + "`tokens_input` integer DEFAULT 0 NOT NULL, `tokens_output` integer DEFAULT 0 NOT NULL, "
          + "`tokens_reasoning` integer DEFAULT 0 NOT NULL, `tokens_cache_read` integer DEFAULT 0 NOT NULL, "
          + "`tokens_cache_write` integer DEFAULT 0 NOT NULL, `revert` text, `permission` text, `agent` text, "
          + "`model` text, `time_created` integer NOT NULL, `time_updated` integer NOT NULL, `time_compacting` integer, "
          + "`time_archived` integer)");
      st.execute("CREATE TABLE `message` (`id` text PRIMARY KEY, `session_id` text NOT NULL, "
          + "`time_created` integer NOT NULL, `time_updated` integer NOT NULL, `data` text NOT NULL)");
      st.execute("INSERT INTO project VALUES ('global', '/', NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, '[]', NULL)");
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO session (id, project_id, slug, directory, title, "
              + "version, time_created, time_updated) VALUES (?, 'global', 'slug', ?, 'title', '1.18.33', ?, ?)");
          PreparedStatement m = c.prepareStatement("INSERT INTO message VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < sessions; i++) {
          String session = "ses_" + UUID.nameUUIDFromBytes(("oc" + db + i).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
          long t = time();
          String dir = "/w/project-" + random.nextInt(20);
          s.setString(1, session);
          s.setString(2, dir);
          s.setLong(3, t);
          s.setLong(4, t);
          s.addBatch();
          int turns = 1 + random.nextInt(30);
          for (int k = 0; k < turns; k++) {
            t += 1000 + random.nextInt(120_000);
            String model = model();
            m.setString(1, "msg_u" + i + "_" + k);
            m.setString(2, session);
            m.setLong(3, t);
            m.setLong(4, t);
            m.setString(5, "{\"role\":\"user\",\"time\":{\"created\":" + t + "},\"agent\":\"build\",\"model\":{\"providerID\":"
                + "\"anthropic\",\"modelID\":\"" + model + "\"},\"summary\":{\"diffs\":[]}}");
            m.addBatch();
            long in = tokens(3000), out = tokens(800), read = tokens(40_000), write = tokens(2000);
            m.setString(1, "msg_a" + i + "_" + k);
            m.setLong(3, t + 500);
            m.setLong(4, t + 500);
            m.setString(5, "{\"parentID\":\"msg_u" + i + "_" + k + "\",\"role\":\"assistant\",\"mode\":\"build\",\"agent\":\"build\","
                + "\"path\":{\"cwd\":\"" + dir + "\",\"root\":\"/\"},\"cost\":0,\"tokens\":{\"total\":" + (in + out + read + write)
                + ",\"input\":" + in + ",\"output\":" + out + ",\"reasoning\":0,\"cache\":{\"write\":" + write + ",\"read\":" + read
                + "}},\"modelID\":\"" + model + "\",\"providerID\":\"anthropic\",\"time\":{\"created\":" + (t + 500)
                + ",\"completed\":" + (t + 4000) + "},\"finish\":\"stop\"}");
            m.addBatch();
            requests++;
          }
        }
        s.executeBatch();
        m.executeBatch();
      }
      c.commit();
    }
  }

  /** Copilot CLI event logs: a usage record per request and, at the end, the run's totals per model. */
  void copilot(Path dir, int sessions) throws IOException {
    for (int i = 0; i < sessions; i++) {
      String session = UUID.nameUUIDFromBytes(("cp" + i).getBytes(StandardCharsets.UTF_8)).toString();
      Path file = dir.resolve(session).resolve("events.jsonl");
      Files.createDirectories(file.getParent());
      long t = time();
      StringBuilder b = new StringBuilder();
      b.append("{\"type\":\"session.start\",\"data\":{\"sessionId\":\"").append(session)
          .append("\",\"version\":1,\"producer\":\"copilot-agent\",\"copilotVersion\":\"1.0.102\",\"context\":{\"cwd\":\"/w/project-")
          .append(random.nextInt(20)).append("\"}},\"id\":\"").append(UUID.randomUUID()).append("\",\"timestamp\":\"")
          .append(Timestamps.iso(t)).append("\",\"parentId\":null}\n");
      int turns = 1 + random.nextInt(30);
      java.util.Map<String, long[]> totals = new java.util.TreeMap<>();
      for (int k = 0; k < turns; k++) {
        t += 1000 + random.nextInt(120_000);
        b.append("{\"type\":\"assistant.message\",\"data\":{\"content\":\"").append(prose(40 + random.nextInt(400)))
            .append("\"},\"id\":\"").append(UUID.randomUUID()).append("\",\"timestamp\":\"").append(Timestamps.iso(t)).append("\"}\n");
        long in = tokens(3000), out = tokens(800), read = tokens(40_000), write = tokens(2000);
        String model = model();
        long[] sum = totals.computeIfAbsent(model, m -> new long[5]);
        sum[0] += in + read + write;
        sum[1] += out;
        sum[2] += read;
        sum[3] += write;
        sum[4]++;
        b.append("{\"type\":\"session.usage_record\",\"data\":{\"usage\":{\"model\":\"").append(model)
            .append("\",\"inputTokens\":").append(in + read + write).append(",\"outputTokens\":").append(out)
            .append(",\"cacheReadTokens\":").append(read).append(",\"cacheWriteTokens\":").append(write)
            .append(",\"cost\":0.0,\"modelProvider\":\"anthropic\",\"apiCallId\":\"msg_").append(session, 0, 8).append('_').append(k)
            .append("\"}},\"id\":\"").append(UUID.randomUUID()).append("\",\"timestamp\":\"").append(Timestamps.iso(t + 700))
            .append("\"}\n");
        requests++;
      }
      b.append("{\"type\":\"session.shutdown\",\"data\":{\"modelMetrics\":{");
      boolean first = true;
      for (var e : totals.entrySet()) {
        long[] v = e.getValue();
        if (!first) b.append(',');
        first = false;
        b.append('"').append(e.getKey()).append("\":{\"requests\":{\"count\":").append(v[4])
            .append(",\"cost\":0.0},\"usage\":{\"inputTokens\":").append(v[0]).append(",\"outputTokens\":").append(v[1])
            .append(",\"cacheReadTokens\":").append(v[2]).append(",\"cacheWriteTokens\":").append(v[3]).append("}}");
      }
      b.append("}},\"id\":\"").append(UUID.randomUUID()).append("\",\"timestamp\":\"").append(Timestamps.iso(t + 2000))
          .append("\",\"parentId\":null}\n");
      Files.writeString(file, b);
    }
  }

  /** Amp threads: a ledger event per request, its cache counts on the assistant message. */
  void amp(Path dir, int sessions) throws IOException {
    Files.createDirectories(dir);
    for (int i = 0; i < sessions; i++) {
      String id = "T-" + UUID.nameUUIDFromBytes(("amp" + i).getBytes(StandardCharsets.UTF_8));
      long t = time();
      StringBuilder messages = new StringBuilder();
      StringBuilder events = new StringBuilder();
      int turns = 1 + random.nextInt(30);
      for (int k = 0; k < turns; k++) {
        t += 1000 + random.nextInt(120_000);
        String model = model();
        long in = tokens(3000), out = tokens(800), read = tokens(40_000), write = tokens(2000);
        if (k > 0) {
          messages.append(',');
          events.append(',');
        }
        messages.append("{\"role\":\"user\",\"messageId\":").append(2 * k).append(",\"content\":[{\"type\":\"text\",\"text\":\"")
            .append(prose(20)).append("\"}]},{\"role\":\"assistant\",\"messageId\":").append(2 * k + 1)
            .append(",\"content\":[{\"type\":\"text\",\"text\":\"").append(prose(60 + random.nextInt(200)))
            .append("\"}],\"usage\":{\"model\":\"").append(model).append("\",\"inputTokens\":").append(in)
            .append(",\"outputTokens\":").append(out).append(",\"cacheCreationInputTokens\":").append(write)
            .append(",\"cacheReadInputTokens\":").append(read).append(",\"totalInputTokens\":").append(in + read + write)
            .append("}}");
        events.append("{\"id\":\"ev-").append(k).append("\",\"timestamp\":\"").append(Timestamps.iso(t)).append("\",\"model\":\"")
            .append(model).append("\",\"credits\":1.0,\"tokens\":{\"input\":").append(in).append(",\"output\":").append(out)
            .append("},\"operationType\":\"inference\",\"fromMessageId\":").append(2 * k).append(",\"toMessageId\":")
            .append(2 * k + 1).append('}');
        requests++;
      }
      Files.writeString(dir.resolve(id + ".json"), "{\"v\":195,\"id\":\"" + id + "\",\"created\":" + t
          + ",\"title\":\"t\",\"messages\":[" + messages + "],\"usageLedger\":{\"events\":[" + events + "]}}");
    }
  }

  /** Kimi wire logs: a StatusUpdate line per request among other lines. */
  void kimi(Path root, int sessions) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("config.json"), "{\"model\":\"kimi-k2\"}");
    for (int i = 0; i < sessions; i++) {
      Path file = root.resolve("sessions/group-" + (i % 7) + "/session-" + i + "/wire.jsonl");
      Files.createDirectories(file.getParent());
      try (BufferedWriter w = Files.newBufferedWriter(file)) {
        w.write("{\"type\":\"metadata\",\"protocol_version\":\"1.3\"}\n");
        double t = time() / 1000.0;
        int turns = 1 + random.nextInt(30);
        for (int k = 0; k < turns; k++) {
          t += 1 + random.nextInt(120);
          w.write(String.format(Locale.ROOT, "{\"timestamp\":%.3f,\"message\":{\"type\":\"TurnBegin\",\"payload\":{\"user_input\":\"%s\"}}}%n",
              t, prose(30)));
          w.write(String.format(Locale.ROOT, "{\"timestamp\":%.3f,\"message\":{\"type\":\"StatusUpdate\",\"payload\":{\"token_usage\":"
              + "{\"input_other\":%d,\"output\":%d,\"input_cache_read\":%d,\"input_cache_creation\":%d},\"message_id\":\"msg-%d\"}}}%n",
              t + 2, tokens(3000), tokens(800), tokens(40_000), tokens(2000), k));
          requests++;
        }
      }
    }
  }

  /** Droid session totals. */
  void droid(Path dir, int sessions) throws IOException {
    for (int i = 0; i < sessions; i++) {
      Path file = dir.resolve("project-" + (i % 5)).resolve("session-" + i + ".settings.json");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "{\"model\":\"Claude-Sonnet-4-5-[Anthropic]\",\"providerLock\":\"anthropic\","
          + "\"providerLockTimestamp\":\"" + Timestamps.iso(time()) + "\",\"tokenUsage\":{\"inputTokens\":" + tokens(90_000)
          + ",\"outputTokens\":" + tokens(20_000) + ",\"cacheCreationTokens\":" + tokens(30_000) + ",\"cacheReadTokens\":"
          + tokens(900_000) + ",\"thinkingTokens\":0}}");
      requests++;
    }
  }
}
