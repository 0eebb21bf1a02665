package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kimi CLI (a Python package, not run here: the format is taken from ccusage 20.0.24's Kimi reader
 * and its test fixture). One wire log per session, {@code sessions/<group>/<session>/wire.jsonl}
 * under {@code KIMI_DATA_DIR} (comma-separated), else {@code ~/.kimi}. A line whose
 * {@code message.type} is {@code StatusUpdate} and whose {@code payload.token_usage} has
 * {@code input_other} (input without cache), {@code output}, {@code input_cache_read} and
 * {@code input_cache_creation} is one request; {@code timestamp} is in epoch seconds;
 * {@code payload.message_id} with the session is the dedupe key. The log names no model: it is the
 * {@code model} of the data folder's {@code config.json}, else {@code kimi-for-coding}.
 */
final class KimiLogs implements AgentSource {
  static final String DEFAULT_MODEL = "kimi-for-coding";

  @Override
  public String tool() {
    return io.tokenmaxx.model.Tools.KIMI;
  }

  @Override
  public String envVar() {
    return "KIMI_DATA_DIR";
  }

  @Override
  public List<Path> defaultDirs(Map<String, String> env, Path home) {
    return List.of(home.resolve(".kimi"));
  }

  @Override
  public List<LogFile> files(List<Path> dirs) throws IOException {
    List<LogFile> out = new ArrayList<>();
    for (LogFile f : WholeFiles.under(dirs, "sessions", ".jsonl", tool(), LogFile.Format.KIMI)) {
      Path rel = dirs.stream().filter(d -> f.path().startsWith(d.resolve("sessions"))).findFirst()
          .map(d -> d.resolve("sessions").relativize(f.path())).orElse(null);
      if (rel != null && rel.getNameCount() == 3 && rel.getFileName().toString().equals("wire.jsonl")) {
        out.add(new LogFile(f.path(), f.tool(), f.format(), null, null, out.size(), f.identity()));
      }
    }
    return out;
  }

  @Override
  public int parse(LogFile file, EntryTable t, StringPool pool) throws IOException {
    String session = file.path().getParent().getFileName().toString();
    String model = model(file.path().getParent().getParent().getParent().getParent());
    int malformed = 0;
    for (String line : Files.readAllLines(file.path())) {
      if (!line.contains("\"StatusUpdate\"") || !line.contains("\"token_usage\"")) continue;
      JsonNode n;
      try {
        n = WholeFiles.mapper().readTree(line);
      } catch (IOException e) {
        malformed++;
        continue;
      }
      JsonNode p = n.path("message").path("payload");
      JsonNode u = p.path("token_usage");
      if (!"StatusUpdate".equals(n.path("message").path("type").asText()) || !u.isObject()) continue;
      double seconds = n.path("timestamp").asDouble(Double.NaN);
      if (Double.isNaN(seconds)) {
        malformed++;
        continue;
      }
      long time = (long) (seconds * 1000);
      long in = Math.max(0, u.path("input_other").asLong(0)), out = Math.max(0, u.path("output").asLong(0));
      long read = Math.max(0, u.path("input_cache_read").asLong(0)), write = Math.max(0, u.path("input_cache_creation").asLong(0));
      String id = p.path("message_id").asText(null);
      String key = session + "\u0000" + (id != null ? id : time + ":" + in + ":" + out + ":" + read + ":" + write);
      AgentSource.add(t, pool, time, model, session, key, "moonshot", null, in, out, read, write, 0, null);
    }
    return malformed;
  }

  /** The model the data folder's {@code config.json} names, else {@link #DEFAULT_MODEL}. */
  private static String model(Path root) {
    try {
      JsonNode c = root == null ? null : WholeFiles.json(root.resolve("config.json"));
      String m = c == null ? null : c.path("model").asText(null);
      return m == null || m.isBlank() ? DEFAULT_MODEL : m;
    } catch (IOException e) {
      return DEFAULT_MODEL;
    }
  }
}
