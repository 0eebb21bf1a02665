package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Amp ({@code @sourcegraph/amp}; needs an Amp account, so not run here: the format is taken from
 * ccusage 20.0.24's Amp reader and its test fixture). One JSON file per thread,
 * {@code threads/**}{@code /*.json} under {@code AMP_DATA_DIR} (comma-separated), else
 * {@code $XDG_DATA_HOME/amp}, else {@code ~/.local/share/amp}. Each {@code usageLedger.events[]}
 * entry is one request: {@code id}, {@code timestamp}, {@code model}, {@code tokens.input} (without
 * cache), {@code tokens.output}, {@code toMessageId}; its cache reads and writes are on the
 * assistant message with that {@code messageId} ({@code usage.cacheReadInputTokens},
 * {@code usage.cacheCreationInputTokens}). {@code credits} are Amp's, not USD: not kept. An event
 * counts once by thread and event id.
 */
final class AmpLogs implements AgentSource {
  @Override
  public String tool() {
    return io.tokenmaxx.model.Tools.AMP;
  }

  @Override
  public String envVar() {
    return "AMP_DATA_DIR";
  }

  @Override
  public List<Path> defaultDirs(Map<String, String> env, Path home) {
    return List.of(AgentSource.xdgData(env, home, "amp"));
  }

  @Override
  public List<LogFile> files(List<Path> dirs) throws IOException {
    return WholeFiles.under(dirs, "threads", ".json", tool(), LogFile.Format.AMP);
  }

  @Override
  public int parse(LogFile file, EntryTable t, StringPool pool) throws IOException {
    JsonNode thread = WholeFiles.json(file.path());
    if (thread == null) return 1;
    String id = thread.path("id").asText(null);
    if (id == null) return 1;
    int invalid = 0;
    for (JsonNode e : thread.path("usageLedger").path("events")) {
      String eventId = e.path("id").asText(null);
      long time = IsoTimestamps.lenient(e.path("timestamp").asText(""));
      String model = e.path("model").asText(null);
      long in = e.path("tokens").path("input").asLong(0), out = e.path("tokens").path("output").asLong(0);
      if (eventId == null || time == IsoTimestamps.INVALID || in < 0 || out < 0) {
        invalid++;
        continue;
      }
      long read = 0, write = 0;
      if (e.has("toMessageId")) {
        for (JsonNode m : thread.path("messages")) {
          if ("assistant".equals(m.path("role").asText()) && m.path("messageId").asLong(-1) == e.path("toMessageId").asLong()) {
            read = Math.max(0, m.path("usage").path("cacheReadInputTokens").asLong(0));
            write = Math.max(0, m.path("usage").path("cacheCreationInputTokens").asLong(0));
          }
        }
      }
      AgentSource.add(t, pool, time, model, id, id + "\u0000" + eventId, WholeFiles.providerOf(model), null,
          in, out, read, write, 0, null);
    }
    return invalid;
  }
}
