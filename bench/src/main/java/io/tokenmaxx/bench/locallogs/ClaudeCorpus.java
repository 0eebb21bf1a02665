package io.tokenmaxx.bench.locallogs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes Claude Code session logs in the real format (Claude Code 1.x and 2.x JSONL): user lines
 * (prompts, tool results of every size up to several MiB, image attachments), assistant lines
 * written once per content block with the same {@code message.id}/{@code requestId} (streamed
 * copies, the largest not always last), sub-agent transcripts under {@code subagents/} with
 * sidechain replays of the parent's last message, {@code agent_progress} copies of sub-agent
 * messages in the parent file, summaries, file-history snapshots, system lines, synthetic error
 * messages, reported {@code costUSD} on old-version lines, fast-mode ({@code speed:"fast"})
 * requests, long-context requests above 200k tokens, torn lines in the middle and at the end of
 * files, and session files copied into a second config directory.
 */
final class ClaudeCorpus {
  static final String[] MODELS = {
      "claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929",
      "claude-sonnet-4-20250514", "claude-opus-4-1-20250805", "claude-haiku-4-5-20251001",
      "claude-haiku-4-5-20251001", "claude-opus-4-5-20251101", "claude-opus-4-6",
      "claude-opus-4-6", "claude-sonnet-4-6"};
  /** A model no price catalog knows: its records must come out unpriced, never $0. */
  static final String UNKNOWN_MODEL = "claude-experimental-7-20260101";
  private static final String[] VERSIONS = {"1.0.83", "1.0.128", "2.0.14", "2.0.55", "2.1.3"};
  /** Versions of the sessions in today's format ({@link Mix}). */
  private static final String[] CURRENT_VERSIONS = {"2.1.300", "2.1.328"};

  private final Random random;
  private final RandomText text;
  /** Sidechain replays of parent messages (ccusage's session report counts them, its daily report does not). */
  boolean replays = true;
  /** How many sessions are in today's format, and their sizes. */
  Mix mix = Mix.of("classic", null);
  private final long fromMillis;
  private final long spanMillis;
  final Stats stats = new Stats();

  static final class Stats {
    long files, sessions, assistantMessages, streamedCopies, sidechainReplays, progressCopies,
        tornLines, copiedFiles, bigLines, currentSessions, usageFirstSessions, apiRequests, blobs,
        costStates, attachments;
  }

  ClaudeCorpus(Random random, RandomText text, Instant from, Instant to) {
    this.random = random;
    this.text = text;
    this.fromMillis = from.toEpochMilli();
    this.spanMillis = to.toEpochMilli() - fromMillis;
  }

  /**
   * Writes about {@code targetBytes} of logs under {@code configDirs[0]}, copying a few session
   * files verbatim into the other config dirs (the same session seen twice must count once).
   */
  long write(List<Path> configDirs, long targetBytes) {
    long written = 0;
    long currentBytes = 0;
    int projects = 4 + random.nextInt(6);
    List<String> projectNames = new ArrayList<>();
    for (int i = 0; i < projects; i++) projectNames.add("-home-dev-src-" + pick(PROJECT_WORDS) + "-" + i);
    List<Path> mainFiles = new ArrayList<>();
    boolean big = true;
    while (written < targetBytes) {
      Path root = configDirs.get(random.nextInt(100) < 85 ? 0 : configDirs.size() - 1);
      String project = projectNames.get(random.nextInt(projectNames.size()));
      // today's format takes its share of the bytes (no draw: the classic profile stays the same bytes)
      double share = mix.get("claudeCurrent");
      boolean current = share > 0 && currentBytes < share * Math.max(1, written);
      long budget;
      if (current) {
        budget = text.heavyTail(mix.bytes("sessionMedian"), 20_000_000);
      } else {
        budget = big ? Math.min(targetBytes / 6, 96L << 20) : text.heavyTail(600_000, 40_000_000);
        big = false;
      }
      Session s = new Session(root.resolve("projects").resolve(project), project, current);
      long w = s.write(budget);
      written += w;
      if (current) currentBytes += w;
      mainFiles.add(s.mainFile);
    }
    // The same session file in a second config dir (a synced or copied config) counts once.
    for (int i = 0; i < Math.max(1, mainFiles.size() / 40); i++) {
      Path src = mainFiles.get(random.nextInt(mainFiles.size()));
      Path srcRoot = src.getParent().getParent().getParent();
      for (Path other : configDirs) {
        if (other.equals(srcRoot)) continue;
        Path dst = other.resolve("projects").resolve(src.getParent().getFileName())
            .resolve(src.getFileName());
        try {
          Files.createDirectories(dst.getParent());
          Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
          written += Files.size(dst);
          stats.copiedFiles++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        break;
      }
    }
    return written;
  }

  private static final String[] PROJECT_WORDS = {"api", "web", "infra", "billing", "search", "ml", "mobile", "tokenizer"};

  private <T> T pick(T[] a) {
    return a[random.nextInt(a.length)];
  }

  private static String ts(long millis) {
    return Timestamps.iso(millis);
  }

  /** One session: the main file, sometimes in a nested layout, plus sub-agent transcripts. */
  private final class Session {
    final Path projectDir;
    final String sessionId = text.uuid();
    final String cwd;
    final String version;
    final boolean v2;
    String model;
    long clock;
    String parent = null;
    Path mainFile;
    /** The last assistant message written: sub-agent transcripts replay it as a sidechain. */
    String lastMessageJson;
    /** The largest streamed copy of the last message written (today's format). */
    String largestMessageJson;

    /** Written as Claude Code 2.1 writes today ({@link Mix}). */
    final boolean current;
    /** Today's format: usage before content in assistant lines (as 2.1.328 writes them). */
    final boolean usageFirst;
    boolean shapeWritten;
    /** Running totals for cost-state lines, per model. */
    final java.util.Map<String, long[]> totals = new java.util.LinkedHashMap<>();

    Session(Path projectDir, String project, boolean current) {
      this.projectDir = projectDir;
      this.cwd = "/home/dev/src/" + project.substring(project.lastIndexOf("-src-") + 5);
      this.current = current;
      if (current) {
        version = pick(CURRENT_VERSIONS);
        usageFirst = random.nextDouble() < mix.get("usageFirst");
        stats.currentSessions++;
        if (usageFirst) stats.usageFirstSessions++;
      } else {
        version = pick(VERSIONS);
        usageFirst = false;
      }
      model = pick(MODELS);
      clock = fromMillis + (long) (random.nextDouble() * spanMillis);
      this.v2 = version.startsWith("2.");
    }

    long write(long budget) {
      stats.sessions++;
      int layout = random.nextInt(100);
      // flat projects/{p}/{session}.jsonl (current Claude Code), or nested projects/{p}/{session}/{name}.jsonl
      mainFile = layout < 90 ? projectDir.resolve(sessionId + ".jsonl")
          : projectDir.resolve(sessionId).resolve("chat-" + text.hex(6) + ".jsonl");
      long total;
      try (LineFile f = new LineFile(mainFile)) {
        stats.files++;
        if (random.nextInt(4) == 0) f.line(summary());
        while (f.bytes() < budget) {
          if (current) {
            currentTurn(f, false, null);
            if (random.nextDouble() < mix.get("subagentShare")) subagent(f);
          } else {
            turn(f, false, null);
          }
          if (!current && v2 && random.nextInt(30) == 0) {
            subagent(f);
          }
          if (random.nextInt(25) == 0) f.line(snapshot());
          if (random.nextInt(40) == 0) f.line(system());
          if (random.nextInt(300) == 0) tornLine(f);
          if (random.nextInt(500) == 0) f.line(syntheticError());
        }
        if (random.nextInt(30) == 0) {
          // Still being written: the last line is cut off and has no newline.
          String line = assistantLine(message(model, 1, 5, random.nextInt(50_000)), false, null, null);
          f.raw(line.substring(0, line.length() / 2));
          stats.tornLines++;
        }
        total = f.bytes();
      }
      return total + subagentBytes;
    }

    long subagentBytes;

    /** One user turn and the assistant's reply, streamed as one line per content block. */
    void turn(LineFile f, boolean sidechain, String agentId) {
      clock += 1000 + random.nextInt(120_000);
      f.line(userLine(sidechain, agentId));
      if (random.nextInt(20) == 0) model = pick(MODELS);
      String m = random.nextInt(400) == 0 ? UNKNOWN_MODEL : model;
      Msg msg = message(m, 1 + random.nextInt(4), 1 + random.nextInt(40), random.nextInt(300_000));
      int copies = msg.blocks;
      int largest = random.nextInt(10) == 0 ? random.nextInt(copies) : copies - 1;
      long lineClock = clock;
      for (int i = 0; i < copies; i++) {
        long out = i == largest ? msg.output : Math.max(1, msg.output * (i + 1) / (copies + 1) - 1);
        clock = lineClock + i * (long) random.nextInt(1500);
        String line = assistantLine(msg.withOutput(out, i), sidechain, agentId, null);
        f.line(line);
        if (i > 0) stats.streamedCopies++;
        if (i == copies - 1) lastMessageJson = line;
      }
      stats.assistantMessages++;
    }

    void subagent(LineFile parentFile) {
      String agentId = text.hex(8);
      Path file = projectDir.resolve(sessionId).resolve("subagents").resolve("agent-" + agentId + ".jsonl");
      String replay = lastMessageJson;
      List<String> progress = new ArrayList<>();
      try (LineFile f = new LineFile(file)) {
        stats.files++;
        if (replays && replay != null && random.nextInt(2) == 0) {
          // The sub-agent transcript starts by replaying the parent's last message: same
          // message.id, a new requestId, isSidechain true. Counted once, as the parent's.
          f.line(replay.replace("\"isSidechain\":false", "\"isSidechain\":true")
              .replaceFirst("\"requestId\":\"req_[A-Za-z0-9]+\"", "\"requestId\":\"req_011C" + text.base58(20) + "\""));
          stats.sidechainReplays++;
        }
        int turns = 1 + random.nextInt(8);
        for (int i = 0; i < turns && current; i++) {
          currentTurn(f, true, agentId);
          // the parent mirrors the sub-agent's message as it was finally streamed (its largest copy)
          if (random.nextInt(2) == 0) progress.add(progressLine(largestMessageJson, agentId));
        }
        for (int i = 0; i < turns && !current; i++) {
          clock += 500 + random.nextInt(20_000);
          f.line(userLine(true, agentId));
          Msg msg = message(model, 1 + random.nextInt(2), 1 + random.nextInt(20), random.nextInt(80_000));
          String line = assistantLine(msg, true, agentId, null);
          f.line(line);
          if (random.nextInt(2) == 0) progress.add(progressLine(line, agentId));
          stats.assistantMessages++;
        }
        subagentBytes += f.bytes();
      }
      for (String p : progress) {
        parentFile.line(p);
        stats.progressCopies++;
      }
    }

    /**
     * One user turn as Claude Code 2.1 writes it: the queue operations, the prompt and its
     * attachments, the request's shape (once), then per API request its new messages
     * ({@code api-request-blob}, 3-15 KiB of prompt text) and the request itself, the answer's
     * content blocks as assistant lines, a {@code cost-state} line with the session's running
     * totals (never counted) and the tool's result.
     */
    void currentTurn(LineFile f, boolean sidechain, String agentId) {
      clock += 1000 + random.nextInt(120_000);
      String prompt = text.text(text.heavyTail(300, 6000));
      if (!sidechain) {
        f.line("{\"type\":\"queue-operation\",\"operation\":\"enqueue\",\"timestamp\":\"" + ts(clock)
            + "\",\"sessionId\":\"" + sessionId + "\",\"content\":" + RandomText.json(prompt) + "}");
        f.line("{\"type\":\"queue-operation\",\"operation\":\"dequeue\",\"timestamp\":\"" + ts(clock)
            + "\",\"sessionId\":\"" + sessionId + "\"}");
      }
      f.line(header(sidechain, agentId) + ",\"promptId\":\"" + text.uuid() + "\",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":"
          + RandomText.json(prompt) + "},\"uuid\":\"" + lastUuid + "\",\"timestamp\":\"" + ts(clock)
          + "\",\"permissionMode\":\"default\",\"promptSource\":\"user\"}");
      int attachments = random.nextInt(4);
      for (int i = 0; i < attachments; i++) {
        f.line(header(sidechain, agentId) + ",\"attachment\":{\"type\":\"" + (random.nextBoolean() ? "skill_listing" : "nested_memory")
            + "\",\"content\":" + RandomText.json(text.text(text.heavyTail(mix.bytes("attachmentMedian"), 120_000)))
            + "},\"type\":\"attachment\",\"uuid\":\"" + lastUuid + "\",\"timestamp\":\"" + ts(clock) + "\"}");
        stats.attachments++;
      }
      if (!shapeWritten || random.nextInt(40) == 0) {
        shapeWritten = true;
        f.line("{\"type\":\"api-request-shape\",\"sessionId\":\"" + sessionId + "\",\"shapeHash\":\"" + text.hex(64)
            + "\",\"timestamp\":\"" + ts(clock) + "\",\"version\":\"" + version + "\",\"shape\":{\"system\":[{\"type\":\"text\",\"text\":"
            + RandomText.json(text.text(text.heavyTail(mix.bytes("shapeMedian"), 400_000))) + "}],\"tools\":[]}}");
      }
      if (random.nextInt(20) == 0) model = pick(MODELS);
      int requests = 1 + random.nextInt(5);
      for (int r = 0; r < requests; r++) {
        clock += 500 + random.nextInt(20_000);
        int blobs = 1 + random.nextInt(2);
        for (int i = 0; i < blobs; i++) {
          int size = 3000 + text.heavyTail(Math.max(1, mix.bytes("blobMedian") - 3000), 12_000);
          f.line("{\"type\":\"api-request-blob\",\"sessionId\":\"" + sessionId + "\",\"hash\":\"" + text.hex(64)
              + "\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":" + RandomText.json(text.text(size)) + "}]}}");
          stats.blobs++;
        }
        String m = random.nextInt(400) == 0 ? UNKNOWN_MODEL : model;
        String requestRef = text.uuid();
        f.line("{\"type\":\"api-request\",\"sessionId\":\"" + sessionId + "\",\"id\":\"" + requestRef + "\",\"timestamp\":\""
            + ts(clock) + "\",\"version\":\"" + version + "\",\"querySource\":\"repl_main_thread\",\"shapeHash\":\"" + text.hex(64)
            + "\",\"params\":{\"model\":\"" + m + "\",\"betas\":[\"interleaved-thinking-2025-05-14\",\"context-management-2025-06-27\",\"claude-code-20250219\"],"
            + "\"max_tokens\":32000,\"thinking\":{\"budget_tokens\":31999,\"type\":\"enabled\",\"display\":\"omitted\"}},\"keep\":0,\"tail\":[\""
            + text.hex(64) + "\"],\"cacheControl\":[{\"path\":[\"system\",0],\"value\":{\"type\":\"ephemeral\"}}],\"requestDigest\":\"" + text.hex(64) + "\"}");
        stats.apiRequests++;
        Msg msg = message(m, 1 + random.nextInt(3), 1 + random.nextInt(40), random.nextInt(300_000));
        msg.requestRef = requestRef;
        int copies = msg.blocks;
        int largest = random.nextInt(10) == 0 ? random.nextInt(copies) : copies - 1;
        long lineClock = clock;
        for (int i = 0; i < copies; i++) {
          long out = i == largest ? msg.output : Math.max(1, msg.output * (i + 1) / (copies + 1) - 1);
          clock = lineClock + i * (long) random.nextInt(1500);
          String line = assistantLine(msg.withOutput(out, i), sidechain, agentId, null);
          f.line(line);
          if (i > 0) stats.streamedCopies++;
          if (i == copies - 1) lastMessageJson = line;
          if (i == largest) largestMessageJson = line;
        }
        stats.assistantMessages++;
        if (!sidechain) f.line(costState(msg));
        if (r < requests - 1) f.line(userLine(sidechain, agentId));
      }
      if (!sidechain) {
        f.line("{\"type\":\"last-prompt\",\"lastPrompt\":" + RandomText.json(prompt.substring(0, Math.min(prompt.length(), 100)))
            + ",\"leafUuid\":\"" + lastUuid + "\",\"sessionId\":\"" + sessionId + "\"}");
      }
    }

    /** The session's running totals after {@code m}: look like usage, are never counted. */
    String costState(Msg m) {
      long[] t = totals.computeIfAbsent(m.model, k -> new long[5]);
      t[0] += m.input;
      t[1] += m.output;
      t[2] += m.cacheRead;
      t[3] += m.create5m + m.create1h;
      t[4] += m.create1h;
      stats.costStates++;
      StringBuilder sb = new StringBuilder(600);
      sb.append("{\"type\":\"cost-state\",\"sessionId\":\"").append(sessionId).append("\",\"totalCostUSD\":")
          .append(String.format(java.util.Locale.ROOT, "%.6f", random.nextDouble() * 40))
          .append(",\"totalAPIDuration\":").append(random.nextInt(900_000)).append(",\"totalAPIDurationWithoutRetries\":")
          .append(random.nextInt(900_000)).append(",\"totalToolDuration\":").append(random.nextInt(100_000))
          .append(",\"totalLinesAdded\":").append(random.nextInt(2000)).append(",\"totalLinesRemoved\":").append(random.nextInt(900))
          .append(",\"totalDuration\":").append(random.nextInt(9_000_000)).append(",\"startTime\":").append(clock - 60_000)
          .append(",\"modelUsage\":{");
      boolean first = true;
      for (var e : totals.entrySet()) {
        long[] v = e.getValue();
        if (!first) sb.append(',');
        first = false;
        sb.append('"').append(e.getKey()).append("\":{\"inputTokens\":").append(v[0]).append(",\"outputTokens\":").append(v[1])
            .append(",\"cacheReadInputTokens\":").append(v[2]).append(",\"cacheCreationInputTokens\":").append(v[3])
            .append(",\"cacheCreationEphemeral5mInputTokens\":").append(v[3] - v[4])
            .append(",\"cacheCreationEphemeral1hInputTokens\":").append(v[4]).append(",\"webSearchRequests\":0,\"costUSD\":")
            .append(String.format(java.util.Locale.ROOT, "%.6f", v[0] * 3e-6 + v[1] * 15e-6)).append('}');
      }
      return sb.append("},\"hasUnknownModelCost\":false}").toString();
    }

    void tornLine(LineFile f) {
      String line = random.nextBoolean() ? userLine(false, null)
          : assistantLine(message(model, 1, 3, 10_000), false, null, null);
      f.line(line.substring(0, Math.max(1, random.nextInt(line.length()))));
      stats.tornLines++;
    }

    // ---------------------------------------------------------------- line builders

    String header(boolean sidechain, String agentId) {
      String uuid = text.uuid();
      StringBuilder sb = new StringBuilder(256);
      sb.append("{\"parentUuid\":").append(parent == null ? "null" : "\"" + parent + "\"")
          .append(",\"isSidechain\":").append(sidechain);
      parent = uuid;
      sb.append(",\"userType\":\"external\",\"cwd\":\"").append(cwd)
          .append("\",\"sessionId\":\"").append(sessionId)
          .append("\",\"version\":\"").append(version)
          .append("\",\"gitBranch\":\"").append(random.nextInt(3) == 0 ? "feature/x" : "main").append('"');
      if (agentId != null) sb.append(",\"agentId\":\"").append(agentId).append('"');
      lastUuid = uuid;
      return sb.toString();
    }

    String lastUuid;

    String userLine(boolean sidechain, String agentId) {
      StringBuilder sb = new StringBuilder(header(sidechain, agentId));
      // today's sessions write a prompt line of their own (currentTurn): user lines here are tool results
      int kind = current ? 31 + random.nextInt(69) : random.nextInt(100);
      sb.append(",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":");
      String toolUseResult = null;
      if (kind < 30) {
        sb.append(RandomText.json(text.text(text.heavyTail(300, 20_000))));
      } else if (kind < 31) {
        // An image attachment: a base64 payload of a few hundred KiB to several MiB.
        int size = text.heavyTail(150_000, 6_000_000);
        if (size > 1 << 20) stats.bigLines++;
        sb.append("[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"")
            .append(text.base64(size)).append("\"}}]");
      } else {
        int size = random.nextInt(700) == 0 ? 1_000_000 + random.nextInt(5_000_000)
            : text.heavyTail(current ? mix.bytes("toolResultMedian") : 1800, 300_000);
        if (size > 1 << 20) stats.bigLines++;
        String content = text.text(size);
        sb.append("[{\"tool_use_id\":\"toolu_01").append(text.base58(22))
            .append("\",\"type\":\"tool_result\",\"content\":").append(RandomText.json(content)).append("}]");
        if (kind < 38) {
          // A Task tool result carries the sub-agent's own usage object: a "usage":{ that is
          // not message.usage and must not be counted.
          toolUseResult = "{\"status\":\"completed\",\"prompt\":\"review\",\"totalDurationMs\":41000,"
              + "\"totalTokens\":52000,\"totalToolUseCount\":7,\"usage\":{\"input_tokens\":12,"
              + "\"cache_creation_input_tokens\":3000,\"cache_read_input_tokens\":48000,\"output_tokens\":990}}";
        } else if (kind < 60) {
          toolUseResult = "{\"stdout\":" + RandomText.json(content.substring(0, Math.min(content.length(), 2000)))
              + ",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}";
        }
      }
      sb.append("},\"uuid\":\"").append(lastUuid).append("\",\"timestamp\":\"").append(ts(clock)).append('"');
      if (toolUseResult != null) sb.append(",\"toolUseResult\":").append(toolUseResult);
      return sb.append('}').toString();
    }

    Msg message(String model, int blocks, int input, int context) {
      Msg m = new Msg();
      m.model = model;
      m.blocks = blocks;
      m.id = "msg_01" + text.base58(22);
      m.requestId = "req_011C" + text.base58(20);
      m.input = input;
      int r = random.nextInt(100);
      if (r < 2) {
        // Long context: above the 200k tier threshold in one category.
        m.cacheRead = 200_000 + random.nextInt(600_000);
        m.input = random.nextInt(4) == 0 ? 200_000 + random.nextInt(100_000) : input;
      } else {
        m.cacheRead = context;
      }
      int create = random.nextInt(3) == 0 ? 0 : text.heavyTail(2000, 120_000);
      if (!version.startsWith("1.0.8") && random.nextInt(8) == 0) {
        m.create1h = create;
      } else {
        m.create5m = create;
      }
      if (random.nextInt(300) == 0) m.create5m += 200_000;
      m.output = text.heavyTail(350, 32_000);
      m.outputNow = m.output;
      m.breakdown = !version.startsWith("1.0.8");
      m.fast = v2 && model.startsWith("claude-opus-4-6") && random.nextInt(6) == 0;
      m.costUsd = version.startsWith("1.0.8") && random.nextInt(10) == 0;
      return m;
    }

    String assistantLine(Msg m, boolean sidechain, String agentId, String unused) {
      if (current) return assistantLine21(m, sidechain, agentId);
      StringBuilder sb = new StringBuilder(header(sidechain, agentId));
      sb.append(",\"message\":{\"id\":\"").append(m.id)
          .append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").append(m.model)
          .append("\",\"content\":[").append(block(m.blockIndex)).append("],\"stop_reason\":")
          .append(m.blockIndex == m.blocks - 1 ? "\"tool_use\"" : "null")
          .append(",\"stop_sequence\":null,\"usage\":{\"input_tokens\":").append(m.input)
          .append(",\"cache_creation_input_tokens\":").append(m.create5m + m.create1h)
          .append(",\"cache_read_input_tokens\":").append(m.cacheRead);
      if (m.breakdown) {
        sb.append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").append(m.create5m)
            .append(",\"ephemeral_1h_input_tokens\":").append(m.create1h).append('}');
      }
      sb.append(",\"output_tokens\":").append(m.outputNow).append(",\"service_tier\":\"standard\"");
      if (m.fast) sb.append(",\"speed\":\"fast\"");
      sb.append("}},\"requestId\":\"").append(m.requestId)
          .append("\",\"type\":\"assistant\",\"uuid\":\"").append(lastUuid)
          .append("\",\"timestamp\":\"").append(ts(clock)).append('"');
      if (m.costUsd) {
        sb.append(",\"costUSD\":").append(String.format(java.util.Locale.ROOT, "%.6f", (m.input * 3 + m.outputNow * 15) / 1e6));
      }
      return sb.append('}').toString();
    }

    /**
     * An assistant line as Claude Code 2.1 writes it: more fields around the message, the usage
     * with its details, and (with {@link #usageFirst}) before the content.
     */
    String assistantLine21(Msg m, boolean sidechain, String agentId) {
      StringBuilder usage = new StringBuilder(420);
      usage.append("\"usage\":{\"input_tokens\":").append(m.input)
          .append(",\"cache_creation_input_tokens\":").append(m.create5m + m.create1h)
          .append(",\"cache_read_input_tokens\":").append(m.cacheRead)
          .append(",\"output_tokens\":").append(m.outputNow)
          .append(",\"output_tokens_details\":{\"thinking_tokens\":").append(m.outputNow / 3)
          .append("},\"server_tool_use\":{\"web_search_requests\":0,\"web_fetch_requests\":0},\"service_tier\":\"standard\"")
          .append(",\"cache_creation\":{\"ephemeral_1h_input_tokens\":").append(m.create1h)
          .append(",\"ephemeral_5m_input_tokens\":").append(m.create5m)
          .append("},\"inference_geo\":\"\",\"iterations\":[],\"speed\":\"").append(m.fast ? "fast" : "standard").append("\"}");
      String content = "\"content\":[" + block21(m.blockIndex) + "]";
      StringBuilder sb = new StringBuilder(256 + usage.length() + content.length());
      String uuid = text.uuid();
      sb.append("{\"parentUuid\":").append(parent == null ? "null" : "\"" + parent + "\"")
          .append(",\"isSidechain\":").append(sidechain)
          .append(",\"message\":{\"id\":\"").append(m.id)
          .append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").append(m.model)
          .append("\",\"stop_sequence\":null,");
      if (usageFirst) sb.append(usage).append(',').append(content);
      else sb.append(content).append(',').append(usage);
      sb.append(",\"stop_reason\":").append(m.blockIndex == m.blocks - 1 ? "\"tool_use\"" : "null")
          .append(",\"stop_details\":null},\"requestId\":\"").append(m.requestId)
          .append("\",\"apiBlockIndex\":").append(m.blockIndex)
          .append(",\"requestRef\":\"").append(m.requestRef == null ? text.uuid() : m.requestRef)
          .append("\",\"requestedModel\":\"").append(m.model).append("\",\"promptCacheRequested\":\"5m\"")
          .append(",\"type\":\"assistant\",\"uuid\":\"").append(uuid)
          .append("\",\"timestamp\":\"").append(ts(clock))
          .append("\",\"perTurnEffort\":null,\"madeBy\":\"model\",\"userType\":\"external\",\"entrypoint\":\"cli\",\"cwd\":\"").append(cwd)
          .append("\",\"sessionId\":\"").append(sessionId).append("\",\"version\":\"").append(version)
          .append("\",\"gitBranch\":\"").append(random.nextInt(3) == 0 ? "feature/x" : "main").append('"');
      if (agentId != null) sb.append(",\"agentId\":\"").append(agentId).append('"');
      parent = uuid;
      lastUuid = uuid;
      return sb.append('}').toString();
    }

    /** A content block of today's size distribution ({@link Mix} {@code blockMedian}). */
    String block21(int index) {
      int kind = random.nextInt(10);
      int median = mix.bytes("blockMedian");
      if (index == 0 && kind < 3) {
        // thinking is stored without its text (display: omitted), with its signature
        return "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"" + text.base64(200 + random.nextInt(1200)) + "\"}";
      }
      if (kind < 5) {
        return "{\"type\":\"text\",\"text\":" + RandomText.json(text.text(text.heavyTail(median, 40_000))) + "}";
      }
      int size = random.nextInt(600) == 0 ? 1_000_000 + random.nextInt(2_500_000) : text.heavyTail(median * 2, 200_000);
      if (size > 1 << 20) stats.bigLines++;
      String name = random.nextBoolean() ? "Write" : "Edit";
      return "{\"type\":\"tool_use\",\"id\":\"toolu_01" + text.base58(22) + "\",\"name\":\"" + name + "\",\"input\":{\"file_path\":\""
          + cwd + "/src/Main.java\",\"content\":" + RandomText.json(text.text(size)) + "},\"caller\":{\"type\":\"direct\"}}";
    }

    String block(int index) {
      int kind = random.nextInt(10);
      if (index == 0 && kind < 3) {
        return "{\"type\":\"thinking\",\"thinking\":" + RandomText.json(text.text(text.heavyTail(600, 20_000)))
            + ",\"signature\":\"" + text.base64(400 + random.nextInt(800)) + "\"}";
      }
      if (kind < 6) {
        return "{\"type\":\"text\",\"text\":" + RandomText.json(text.text(text.heavyTail(500, 30_000))) + "}";
      }
      int size = random.nextInt(600) == 0 ? 1_000_000 + random.nextInt(2_500_000) : text.heavyTail(400, 60_000);
      if (size > 1 << 20) stats.bigLines++;
      return "{\"type\":\"tool_use\",\"id\":\"toolu_01" + text.base58(22) + "\",\"name\":\"Write\",\"input\":{\"file_path\":\""
          + cwd + "/src/Main.java\",\"content\":" + RandomText.json(text.text(size)) + "}}";
    }

    String progressLine(String assistantLine, String agentId) {
      // Claude Code 2.x mirrors sub-agent messages into the parent transcript as agent_progress.
      String inner = assistantLine.substring(assistantLine.indexOf(",\"message\":") + 11);
      String message = inner.substring(0, inner.indexOf(",\"requestId\":"));
      String requestId = between(assistantLine, "\"requestId\":\"", "\"");
      String timestamp = between(assistantLine, "\"timestamp\":\"", "\"");
      StringBuilder sb = new StringBuilder(header(false, null));
      sb.append(",\"type\":\"progress\",\"data\":{\"message\":{\"type\":\"assistant\",\"message\":")
          .append(message).append(",\"requestId\":\"").append(requestId).append("\",\"uuid\":\"")
          .append(text.uuid()).append("\",\"timestamp\":\"").append(timestamp)
          .append("\"},\"normalizedMessages\":[],\"type\":\"agent_progress\",\"prompt\":\"review the diff\",\"agentId\":\"")
          .append(agentId).append("\"},\"toolUseID\":\"toolu_01").append(text.base58(22))
          .append("\",\"parentToolUseID\":\"toolu_01").append(text.base58(22)).append("\",\"uuid\":\"")
          .append(lastUuid).append("\",\"timestamp\":\"").append(timestamp).append("\"}");
      return sb.toString();
    }

    String syntheticError() {
      StringBuilder sb = new StringBuilder(header(false, null));
      sb.append(",\"message\":{\"id\":\"").append(text.uuid())
          .append("\",\"container\":null,\"model\":\"<synthetic>\",\"role\":\"assistant\",\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"\",\"type\":\"message\",")
          .append("\"usage\":{\"input_tokens\":0,\"output_tokens\":0,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"server_tool_use\":{\"web_search_requests\":0},\"service_tier\":null},")
          .append("\"content\":[{\"type\":\"text\",\"text\":\"API Error: 529 Overloaded\"}]},\"type\":\"assistant\",\"uuid\":\"")
          .append(lastUuid).append("\",\"timestamp\":\"").append(ts(clock)).append("\",\"isApiErrorMessage\":true}");
      return sb.toString();
    }

    String summary() {
      return "{\"type\":\"summary\",\"summary\":" + RandomText.json(text.text(60)) + ",\"leafUuid\":\"" + text.uuid() + "\"}";
    }

    String snapshot() {
      return "{\"type\":\"file-history-snapshot\",\"messageId\":\"" + text.uuid()
          + "\",\"snapshot\":{\"messageId\":\"" + text.uuid() + "\",\"trackedFileBackups\":{\"src/Main.java\":{\"backupFileName\":\""
          + text.hex(16) + "@v2\",\"version\":2,\"backupTime\":\"" + ts(clock) + "\"}},\"timestamp\":\""
          + ts(clock) + "\"},\"isSnapshotUpdate\":false}";
    }

    String system() {
      return header(false, null) + ",\"type\":\"system\",\"subtype\":\"compact_boundary\",\"content\":\"Conversation compacted\",\"isMeta\":false,\"timestamp\":\""
          + ts(clock) + "\",\"uuid\":\"" + text.uuid() + "\",\"level\":\"info\",\"compactMetadata\":{\"trigger\":\"auto\",\"preTokens\":" + random.nextInt(200_000) + "}}";
    }
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start) + start.length();
    return s.substring(i, s.indexOf(end, i));
  }

  /** An assistant message; each streamed copy is one content block. */
  private static final class Msg implements Cloneable {
    String model, id, requestId, requestRef;
    int blocks, blockIndex;
    long input, cacheRead, create5m, create1h, output, outputNow;
    boolean breakdown, fast, costUsd;

    Msg withOutput(long out, int index) {
      try {
        Msg m = (Msg) clone();
        m.outputNow = out;
        m.blockIndex = index;
        return m;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
