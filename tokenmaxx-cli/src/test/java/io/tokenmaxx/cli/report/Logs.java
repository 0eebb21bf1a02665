package io.tokenmaxx.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small agent logs in the real Claude Code and Codex formats for report tests. */
final class Logs {
  final Path claude;
  final Path codex;

  Logs(Path dir) {
    claude = dir.resolve("claude");
    codex = dir.resolve("codex");
  }

  Logs claude(String project, String session, String... lines) {
    write(claude.resolve("projects").resolve(project).resolve(session + ".jsonl"), String.join("\n", lines) + "\n");
    return this;
  }

  Logs codex(String relative, String... lines) {
    write(codex.resolve("sessions").resolve(relative), String.join("\n", lines) + "\n");
    return this;
  }

  static String assistant(String id, String model, String ts, long in, long out, long cacheWrite, long cacheRead) {
    return assistant(id, model, ts, in, out, cacheWrite, cacheRead, "");
  }

  static String assistant(String id, String model, String ts, long in, long out, long cacheWrite, long cacheRead, String extra) {
    return "{\"parentUuid\":null,\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"/w/app\",\"sessionId\":\"s\",\"version\":\"2.0.14\","
        + "\"message\":{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model + "\","
        + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + in
        + ",\"cache_creation_input_tokens\":" + cacheWrite + ",\"cache_read_input_tokens\":" + cacheRead + ",\"output_tokens\":" + out
        + "}},\"requestId\":\"req_" + id + "\",\"type\":\"assistant\",\"uuid\":\"u\",\"timestamp\":\"" + ts + "\"" + extra + "}";
  }

  static String turnContext(String ts, String model) {
    return "{\"timestamp\":\"" + ts + "\",\"type\":\"turn_context\",\"payload\":{\"cwd\":\"/w/app\",\"model\":\"" + model + "\"}}";
  }

  static String tokenCount(String ts, long in, long cached, long out, long reasoning) {
    String u = "{\"input_tokens\":" + in + ",\"cached_input_tokens\":" + cached + ",\"output_tokens\":" + out
        + ",\"reasoning_output_tokens\":" + reasoning + ",\"total_tokens\":" + (in + out) + "}";
    return "{\"timestamp\":\"" + ts + "\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":{\"last_token_usage\":" + u + "}}}";
  }

  private static void write(Path p, String s) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
