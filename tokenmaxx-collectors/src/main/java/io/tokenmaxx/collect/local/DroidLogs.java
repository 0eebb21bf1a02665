package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Factory's Droid ({@code droid}; needs a Factory sign-in, so not run here: the format is taken
 * from ccusage 20.0.24's Droid reader and its test fixture). Each session keeps its running totals
 * in {@code <session>.settings.json} at any depth under {@code DROID_SESSIONS_DIR}
 * (comma-separated), else {@code ~/.factory/sessions}: {@code tokenUsage} ({@code inputTokens},
 * {@code outputTokens}, {@code cacheCreationTokens}, {@code cacheReadTokens},
 * {@code thinkingTokens} as reasoning), {@code model} (Droid's display name, e.g.
 * {@code Claude-Sonnet-4-[Anthropic]}, read as {@code claude-sonnet-4}), {@code providerLock} and
 * {@code providerLockTimestamp}. A session is one record (Droid logs no per-request usage), at
 * that time (else the file's modification time), keyed by the session id: as the session grows its
 * record is replaced by the larger totals.
 */
final class DroidLogs implements AgentSource {
  @Override
  public String tool() {
    return io.tokenmaxx.model.Tools.DROID;
  }

  @Override
  public String envVar() {
    return "DROID_SESSIONS_DIR";
  }

  @Override
  public List<Path> defaultDirs(Map<String, String> env, Path home) {
    return List.of(home.resolve(".factory").resolve("sessions"));
  }

  @Override
  public List<LogFile> files(List<Path> dirs) throws IOException {
    return WholeFiles.under(dirs, null, ".settings.json", tool(), LogFile.Format.DROID);
  }

  @Override
  public int parse(LogFile file, EntryTable t, StringPool pool) throws IOException {
    JsonNode s = WholeFiles.json(file.path());
    if (s == null) return 1;
    JsonNode u = s.path("tokenUsage");
    if (!u.isObject()) return 0;
    String name = file.path().getFileName().toString();
    String session = name.substring(0, name.length() - ".settings.json".length());
    long time = IsoTimestamps.lenient(s.path("providerLockTimestamp").asText(""));
    if (time == IsoTimestamps.INVALID) time = java.nio.file.Files.getLastModifiedTime(file.path()).toMillis();
    String model = s.path("model").asText(null);
    model = model == null ? null : modelName(model);
    String provider = provider(s.path("providerLock").asText(null));
    if (provider == null) provider = WholeFiles.providerOf(model);
    AgentSource.add(t, pool, time, model, session, session, provider, null,
        Math.max(0, u.path("inputTokens").asLong(0)), Math.max(0, u.path("outputTokens").asLong(0)),
        Math.max(0, u.path("cacheReadTokens").asLong(0)), Math.max(0, u.path("cacheCreationTokens").asLong(0)),
        Math.max(0, u.path("thinkingTokens").asLong(0)), null);
    return 0;
  }

  /** Droid's model label as a model name: {@code custom:} and {@code [tags]} dropped, lower case, dashes. */
  static String modelName(String label) {
    String m = label.replaceFirst("(?i)^custom:", "").replaceAll("\\[[^\\]]*\\]", "").trim().toLowerCase(Locale.ROOT);
    m = m.replace('.', '-').replaceAll("\\s+", "-").replaceAll("-+", "-");
    return m.replaceAll("^-|-$", "");
  }

  private static String provider(String lock) {
    if (lock == null || lock.isBlank()) return null;
    String p = lock.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (p) {
      case "claude", "anthropic" -> "anthropic";
      case "google", "google_ai", "gemini", "vertex", "vertex_ai" -> "google";
      case "xai", "x_ai", "grok" -> "xai";
      default -> p;
    };
  }
}
