package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub Copilot CLI ({@code @github/copilot}): one event log per session,
 * {@code session-state/<session>/events.jsonl} under {@code COPILOT_HOME} (comma-separated), else
 * {@code ~/.copilot} (the user's profile folder on Windows too). Each model request is a
 * {@code session.usage_record} event: {@code data.usage} has {@code model}, {@code inputTokens}
 * (cache reads and writes included), {@code outputTokens}, {@code cacheReadTokens},
 * {@code cacheWriteTokens}, {@code cost} (premium-request cost, not USD: not kept),
 * {@code modelProvider} and {@code apiCallId} (the provider's message id: the dedupe key, with the
 * session); the event's {@code timestamp} is its time. The project is the working directory of
 * the {@code session.start} event.
 */
final class CopilotLogs implements AgentSource {
  private static final byte[] USAGE = "\"session.usage_record\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] START = "\"session.start\"".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String tool() {
    return io.tokenmaxx.model.Tools.COPILOT_CLI;
  }

  @Override
  public String envVar() {
    return "COPILOT_HOME";
  }

  @Override
  public List<Path> defaultDirs(Map<String, String> env, Path home) {
    return List.of(home.resolve(".copilot"));
  }

  @Override
  public List<LogFile> files(List<Path> dirs) throws IOException {
    List<Discovery.Found> found = new ArrayList<>();
    for (Path d : dirs) {
      List<Discovery.Found> all = new ArrayList<>();
      Discovery.jsonl(d.resolve("session-state"), all);
      for (Discovery.Found f : all) if (f.path().getFileName().toString().equals("events.jsonl")) found.add(f);
    }
    found.sort((a, b) -> a.path().compareTo(b.path()));
    List<LogFile> out = new ArrayList<>();
    for (Discovery.Found f : found) {
      out.add(new LogFile(f.path(), tool(), LogFile.Format.COPILOT, null, null, out.size(), f.identity()));
    }
    return out;
  }

  @Override
  public int parse(LogFile file, EntryTable t, StringPool pool) throws IOException {
    byte[] b = Files.readAllBytes(file.path());
    String session = file.path().getParent().getFileName().toString();
    String project = null;
    int malformed = 0;
    int s = 0;
    while (s < b.length) {
      int e = Bytes.indexOfNewline(b, s, b.length);
      if (e < 0) e = b.length;
      boolean usage = contains(b, s, e, USAGE);
      if (usage || (project == null && contains(b, s, e, START))) {
        try {
          JsonNode n = WholeFiles.mapper().readTree(b, s, e - s);
          if (n != null && "session.start".equals(n.path("type").asText())) {
            String cwd = n.path("data").path("context").path("cwd").asText(null);
            if (cwd != null) project = TableBuilder.projectName(cwd);
          } else if (n != null && "session.usage_record".equals(n.path("type").asText())) {
            if (!usage(n, session, project, t, pool)) malformed++;
          }
        } catch (IOException torn) {
          malformed++;
        }
      }
      s = e + 1;
    }
    return malformed;
  }

  /** One usage record; false when it breaks the format (counts that do not add up, no time). */
  private static boolean usage(JsonNode n, String session, String project, EntryTable t, StringPool pool) {
    JsonNode u = n.path("data").path("usage");
    long time = IsoTimestamps.lenient(n.path("timestamp").asText(""));
    long in = u.path("inputTokens").asLong(-1), out = u.path("outputTokens").asLong(0);
    long read = u.path("cacheReadTokens").asLong(0), write = u.path("cacheWriteTokens").asLong(0);
    if (time == IsoTimestamps.INVALID || in < 0 || out < 0 || read < 0 || write < 0 || read + write > in) return false;
    String id = u.path("apiCallId").asText(null);
    if (id == null) id = n.path("id").asText(null);
    if (id == null) return false;
    AgentSource.add(t, pool, time, u.path("model").asText(null), session, id, u.path("modelProvider").asText(null),
        project, in - read - write, out, read, write, 0, null);
    return true;
  }

  private static boolean contains(byte[] b, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= to - needle.length; i++) {
      for (int k = 0; k < needle.length; k++) if (b[i + k] != needle[k]) continue outer;
      return true;
    }
    return false;
  }
}
