package io.tokenmaxx.bench.locallogs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes Codex CLI rollout files in the real format: {@code session_meta}, {@code turn_context}
 * (the model), response items (messages, reasoning with encrypted content, function calls and
 * outputs of every size), and {@code event_msg}/{@code token_count} events carrying
 * {@code last_token_usage} (delta) and {@code total_token_usage} (cumulative). Includes the
 * quirks: {@code info: null} counts, token counts repeated with an identical total, legacy
 * sessions with cumulative totals only, sessions with no model before their first count (the
 * fallback model), {@code info.model}, archived sessions and archived copies of active ones.
 */
final class CodexCorpus {
  static final String[] MODELS = {"gpt-5", "gpt-5-codex", "gpt-5-codex", "gpt-5.1-codex",
      "gpt-5.2-codex", "gpt-5.2-codex", "gpt-5.3-codex"};

  private final Random random;
  private final RandomText text;
  /** Archived copies of active sessions (ccusage's session report counts them twice). */
  boolean archivedCopies = true;
  /** How many sessions are in today's format (Codex 0.169: ordinals, world state, usage records). */
  Mix mix = Mix.of("classic", null);
  private final long fromMillis;
  private final long spanMillis;
  final Stats stats = new Stats();

  static final class Stats {
    long files, tokenCounts, repeatedTotals, legacySessions, fallbackSessions, archivedCopies, currentSessions;
  }

  CodexCorpus(Random random, RandomText text, Instant from, Instant to) {
    this.random = random;
    this.text = text;
    this.fromMillis = from.toEpochMilli();
    this.spanMillis = to.toEpochMilli() - fromMillis;
  }

  long write(Path codexHome, long targetBytes) {
    long written = 0;
    long currentBytes = 0;
    List<Path> active = new ArrayList<>();
    while (written < targetBytes) {
      long start = fromMillis + (long) (random.nextDouble() * spanMillis);
      ZonedDateTime z = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC);
      String name = String.format(Locale.ROOT, "rollout-%04d-%02d-%02dT%02d-%02d-%02d-%s.jsonl",
          z.getYear(), z.getMonthValue(), z.getDayOfMonth(), z.getHour(), z.getMinute(), z.getSecond(), text.uuid());
      boolean archived = random.nextInt(10) == 0;
      Path file = archived ? codexHome.resolve("archived_sessions").resolve(name)
          : codexHome.resolve("sessions").resolve(String.format(Locale.ROOT, "%04d/%02d/%02d",
              z.getYear(), z.getMonthValue(), z.getDayOfMonth())).resolve(name);
      // today's format takes its share of the bytes (no draw: the classic profile stays the same bytes)
      double share = mix.get("codexCurrent");
      boolean current = share > 0 && currentBytes < share * Math.max(1, written);
      long budget = current ? text.heavyTail(Math.max(1, mix.bytes("sessionMedian") * 2), 30_000_000)
          : text.heavyTail(500_000, 30_000_000);
      long w = current ? currentSession(file, start, budget) : session(file, start, budget);
      written += w;
      if (current) currentBytes += w;
      if (!archived) active.add(file);
    }
    // Archiving a session copies it: the same events seen twice count once.
    for (int i = 0; archivedCopies && i < Math.max(1, active.size() / 30); i++) {
      Path src = active.get(random.nextInt(active.size()));
      Path dst = codexHome.resolve("archived_sessions").resolve(src.getFileName());
      try {
        Files.createDirectories(dst.getParent());
        Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        written += Files.size(dst);
        stats.archivedCopies++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return written;
  }

  private long session(Path file, long clock, long budget) {
    stats.files++;
    int kind = random.nextInt(100);
    boolean legacy = kind < 8;
    boolean noContext = kind >= 8 && kind < 12;
    boolean infoModel = kind >= 12 && kind < 16;
    if (legacy) stats.legacySessions++;
    if (noContext) stats.fallbackSessions++;
    String model = MODELS[random.nextInt(MODELS.length)];
    String cwd = "/home/dev/src/" + new String[] {"api", "web", "infra", "cli"}[random.nextInt(4)];
    long in = 0, cached = 0, out = 0, reasoning = 0, context = 6000 + random.nextInt(6000);
    try (LineFile f = new LineFile(file)) {
      f.line(line(clock, "session_meta", "{\"id\":\"" + text.uuid() + "\",\"timestamp\":\"" + Timestamps.iso(clock)
          + "\",\"cwd\":\"" + cwd + "\",\"originator\":\"codex_cli_rs\",\"cli_version\":\"0.46.0\",\"instructions\":"
          + RandomText.json(text.text(text.heavyTail(6000, 40_000))) + ",\"git\":{\"commit_hash\":\"" + text.hex(40)
          + "\",\"branch\":\"main\",\"repository_url\":\"git@github.com:acme/app.git\"}}"));
      f.line(line(clock, "event_msg", "{\"type\":\"token_count\",\"info\":null,\"rate_limits\":" + rateLimits() + "}"));
      while (f.bytes() < budget) {
        clock += 2000 + random.nextInt(60_000);
        f.line(line(clock, "response_item", "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":"
            + RandomText.json(text.text(text.heavyTail(200, 8000))) + "}]}"));
        f.line(line(clock, "event_msg", "{\"type\":\"user_message\",\"message\":" + RandomText.json(text.text(120)) + ",\"images\":[]}"));
        if (random.nextInt(15) == 0) model = MODELS[random.nextInt(MODELS.length)];
        if (!noContext) {
          f.line(line(clock, "turn_context", "{\"cwd\":\"" + cwd + "\",\"approval_policy\":\"on-request\",\"sandbox_policy\":{\"mode\":\"workspace-write\",\"network_access\":false,\"exclude_tmpdir_env_var\":false,\"exclude_slash_tmp\":false},\"model\":\""
              + model + "\",\"effort\":\"medium\",\"summary\":\"auto\"}"));
        }
        int steps = 1 + random.nextInt(6);
        for (int s = 0; s < steps; s++) {
          clock += 500 + random.nextInt(20_000);
          f.line(line(clock, "response_item", "{\"type\":\"reasoning\",\"summary\":[{\"type\":\"summary_text\",\"text\":"
              + RandomText.json("**Planning** " + text.text(200)) + "}],\"content\":null,\"encrypted_content\":\"gAAAAA"
              + text.base64(text.heavyTail(1500, 20_000)) + "\"}"));
          String callId = "call_" + text.base58(24);
          f.line(line(clock, "response_item", "{\"type\":\"function_call\",\"name\":\"shell\",\"arguments\":"
              + RandomText.json("{\"command\":[\"bash\",\"-lc\",\"rg -n usage src\"],\"workdir\":\"" + cwd + "\"}")
              + ",\"call_id\":\"" + callId + "\"}"));
          int size = random.nextInt(300) == 0 ? 1_000_000 + random.nextInt(3_000_000) : text.heavyTail(3000, 300_000);
          f.line(line(clock, "response_item", "{\"type\":\"function_call_output\",\"call_id\":\"" + callId + "\",\"output\":"
              + RandomText.json("{\"output\":" + RandomText.json(text.text(size)) + ",\"metadata\":{\"exit_code\":0,\"duration_seconds\":0.2}}") + "}"));
          // One model call: its usage, then the running total.
          // Each call re-reads the whole context, most of it from the prompt cache; the context
          // grows until Codex compacts it.
          context += 500 + random.nextInt(9000);
          if (context > 240_000) context = 12_000 + random.nextInt(10_000);
          long dIn = context;
          long dCached = random.nextInt(6) == 0 ? 0 : (long) (dIn * (0.6 + random.nextDouble() * 0.38));
          long dOut = text.heavyTail(400, 16_000);
          long dReason = random.nextInt(3) == 0 ? 0 : (long) (dOut * random.nextDouble() * 0.7);
          in += dIn;
          cached += dCached;
          out += dOut;
          reasoning += dReason;
          String last = usage(dIn, dCached, dOut, dReason);
          String total = usage(in, cached, out, reasoning);
          String info = legacy ? "{\"total_token_usage\":" + total + "}"
              : "{\"total_token_usage\":" + total + ",\"last_token_usage\":" + last
                  + (infoModel ? ",\"model\":\"" + model + "\"" : "") + ",\"model_context_window\":272000}";
          String count = "{\"type\":\"token_count\",\"info\":" + info + ",\"rate_limits\":" + rateLimits() + "}";
          f.line(line(clock, "event_msg", count));
          stats.tokenCounts++;
          if (random.nextInt(8) == 0) {
            // Codex repeats a count with an identical total: it must not count twice.
            f.line(line(clock + 1 + random.nextInt(900), "event_msg", count));
            stats.repeatedTotals++;
          }
        }
        f.line(line(clock, "event_msg", "{\"type\":\"agent_message\",\"message\":" + RandomText.json(text.text(text.heavyTail(400, 10_000))) + "}"));
        f.line(line(clock, "response_item", "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":"
            + RandomText.json(text.text(text.heavyTail(400, 10_000))) + "}]}"));
      }
      return f.bytes();
    }
  }

  /**
   * A rollout as Codex 0.169 writes it: every line numbered ({@code ordinal}), a
   * {@code world_state} per turn (environment, skills, instructions), {@code item_completed}
   * events beside the response items, and per model call a {@code token_usage_record} (the call's,
   * the turn's and the thread's usage: never counted, the {@code token_count} event is) before
   * the {@code token_count}.
   */
  private long currentSession(Path file, long clock, long budget) {
    stats.files++;
    stats.currentSessions++;
    String model = MODELS[random.nextInt(MODELS.length)];
    String thread = text.uuid();
    String cwd = "/home/dev/src/" + new String[] {"api", "web", "infra", "cli"}[random.nextInt(4)];
    long[] total = new long[4];
    long context = 6000 + random.nextInt(6000);
    int[] ordinal = {0};
    try (LineFile f = new LineFile(file)) {
      f.line(line(clock, ordinal, "session_meta", "{\"id\":\"" + thread + "\",\"timestamp\":\"" + Timestamps.iso(clock)
          + "\",\"cwd\":\"" + cwd + "\",\"originator\":\"codex_exec\",\"cli_version\":\"0.169.0\",\"source\":\"exec\",\"model_provider\":\"openai\",\"base_instructions\":{\"text\":"
          + RandomText.json(text.text(text.heavyTail(18_000, 40_000))) + "}}"));
      while (f.bytes() < budget) {
        clock += 2000 + random.nextInt(60_000);
        String turn = text.uuid();
        f.line(line(clock, ordinal, "event_msg", "{\"type\":\"task_started\",\"turn_id\":\"" + turn + "\",\"model_context_window\":258400}"));
        f.line(line(clock, ordinal, "world_state", "{\"full\":" + (ordinal[0] < 4) + ",\"state\":{\"environments\":{\"local\":{\"cwd\":\"" + cwd
            + "\",\"status\":\"available\",\"shell\":\"bash\"}},\"host_skills\":{\"body\":"
            + RandomText.json(text.text(text.heavyTail(3000, 40_000))) + "}}}"));
        if (random.nextInt(15) == 0) model = MODELS[random.nextInt(MODELS.length)];
        f.line(line(clock, ordinal, "turn_context", "{\"turn_id\":\"" + turn + "\",\"cwd\":\"" + cwd
            + "\",\"approval_policy\":\"never\",\"permission_profile\":{\"type\":\"managed\",\"network\":\"restricted\"},\"model\":\"" + model
            + "\",\"collaboration_mode\":{\"mode\":\"default\",\"settings\":{\"model\":\"" + model
            + "\",\"reasoning_effort\":null}},\"summary\":\"none\",\"sandbox_policy\":{\"type\":\"workspace-write\"}}"));
        String prompt = text.text(text.heavyTail(200, 8000));
        f.line(line(clock, ordinal, "response_item", "{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":"
            + RandomText.json(prompt) + "}]}"));
        f.line(line(clock, ordinal, "event_msg", "{\"type\":\"item_completed\",\"thread_id\":\"" + thread + "\",\"turn_id\":\"" + turn
            + "\",\"item\":{\"type\":\"UserMessage\",\"id\":\"" + text.uuid() + "\",\"content\":[{\"type\":\"text\",\"text\":"
            + RandomText.json(prompt) + ",\"text_elements\":[]}]}}"));
        int steps = 1 + random.nextInt(6);
        for (int s = 0; s < steps; s++) {
          clock += 500 + random.nextInt(20_000);
          String rs = "rs_" + text.base58(24);
          f.line(line(clock, ordinal, "response_item", "{\"type\":\"reasoning\",\"id\":\"" + rs + "\",\"summary\":[],\"content\":null,\"encrypted_content\":\""
              + text.base64(text.heavyTail(1500, 20_000)) + "\"}"));
          f.line(line(clock, ordinal, "event_msg", "{\"type\":\"item_completed\",\"thread_id\":\"" + thread + "\",\"turn_id\":\"" + turn
              + "\",\"item\":{\"type\":\"Reasoning\",\"id\":\"" + rs + "\",\"summary_text\":[],\"raw_content\":[]}}"));
          String callId = "call_" + text.base58(24);
          f.line(line(clock, ordinal, "response_item", "{\"type\":\"function_call\",\"name\":\"exec_command\",\"arguments\":"
              + RandomText.json("{\"cmd\":\"rg -n usage src\",\"workdir\":\"" + cwd + "\"}") + ",\"call_id\":\"" + callId + "\"}"));
          int size = random.nextInt(300) == 0 ? 1_000_000 + random.nextInt(3_000_000) : text.heavyTail(mix.bytes("toolResultMedian"), 300_000);
          f.line(line(clock, ordinal, "response_item", "{\"type\":\"function_call_output\",\"call_id\":\"" + callId + "\",\"output\":"
              + RandomText.json(text.text(size)) + "}"));
          context += 500 + random.nextInt(9000);
          if (context > 240_000) context = 12_000 + random.nextInt(10_000);
          long dIn = context;
          long dCached = random.nextInt(6) == 0 ? 0 : (long) (dIn * (0.6 + random.nextDouble() * 0.38));
          long dOut = text.heavyTail(400, 16_000);
          long dReason = random.nextInt(3) == 0 ? 0 : (long) (dOut * random.nextDouble() * 0.7);
          total[0] += dIn;
          total[1] += dCached;
          total[2] += dOut;
          total[3] += dReason;
          String last = usage21(dIn, dCached, dOut, dReason);
          String sum = usage21(total[0], total[1], total[2], total[3]);
          f.line(line(clock, ordinal, "token_usage_record", "{\"thread_id\":\"" + thread + "\",\"turn_id\":\"" + turn + "\",\"session_id\":\""
              + thread + "\",\"response_id\":\"resp_" + text.base58(24) + "\",\"usage\":" + last + ",\"turn_token_usage\":" + last
              + ",\"thread_token_usage\":" + sum + "}"));
          f.line(line(clock, ordinal, "event_msg", "{\"type\":\"token_count\",\"info\":{\"total_token_usage\":" + sum + ",\"last_token_usage\":" + last
              + ",\"last_usage_includes_reasoning\":false,\"model_context_window\":258400},\"rate_limits\":{\"limit_id\":\"codex\",\"limit_name\":null,"
              + "\"primary\":null,\"secondary\":null,\"credits\":null,\"plan_type\":null}}"));
          stats.tokenCounts++;
        }
        String answer = text.text(text.heavyTail(400, 10_000));
        String msgId = "msg_" + text.base58(24);
        f.line(line(clock, ordinal, "response_item", "{\"type\":\"message\",\"role\":\"assistant\",\"id\":\"" + msgId
            + "\",\"content\":[{\"type\":\"output_text\",\"text\":" + RandomText.json(answer) + "}]}"));
        f.line(line(clock, ordinal, "event_msg", "{\"type\":\"item_completed\",\"thread_id\":\"" + thread + "\",\"turn_id\":\"" + turn
            + "\",\"item\":{\"type\":\"AgentMessage\",\"id\":\"" + msgId + "\",\"content\":[{\"type\":\"Text\",\"text\":"
            + RandomText.json(answer) + "}]}}"));
        f.line(line(clock, ordinal, "event_msg", "{\"type\":\"task_complete\",\"turn_id\":\"" + turn + "\",\"last_agent_message\":null}"));
      }
      return f.bytes();
    }
  }

  private static String usage21(long in, long cached, long out, long reasoning) {
    return "{\"input_tokens\":" + in + ",\"cached_input_tokens\":" + cached + ",\"cache_write_input_tokens\":0,\"output_tokens\":" + out
        + ",\"reasoning_output_tokens\":" + reasoning + ",\"total_tokens\":" + (in + out) + "}";
  }

  private String line(long millis, int[] ordinal, String type, String payload) {
    return "{\"timestamp\":\"" + Timestamps.iso(millis) + "\",\"ordinal\":" + (ordinal[0]++) + ",\"type\":\"" + type + "\",\"payload\":" + payload + "}";
  }

  private String line(long millis, String type, String payload) {
    return "{\"timestamp\":\"" + Timestamps.iso(millis) + "\",\"type\":\"" + type + "\",\"payload\":" + payload + "}";
  }

  private static String usage(long in, long cached, long out, long reasoning) {
    return "{\"input_tokens\":" + in + ",\"cached_input_tokens\":" + cached + ",\"output_tokens\":" + out
        + ",\"reasoning_output_tokens\":" + reasoning + ",\"total_tokens\":" + (in + out) + "}";
  }

  private String rateLimits() {
    return "{\"primary\":{\"used_percent\":" + random.nextInt(100) + ".0,\"window_minutes\":299,\"resets_in_seconds\":"
        + random.nextInt(18_000) + "},\"secondary\":{\"used_percent\":" + random.nextInt(100)
        + ".0,\"window_minutes\":10079,\"resets_in_seconds\":" + random.nextInt(600_000) + "}}";
  }
}
