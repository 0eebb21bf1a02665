package io.tokenmaxx.collect.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the {@link AgentSource}s share: listing their files, reading a JSON document, naming a provider. */
final class WholeFiles {
  /** Made on first use: a scan that finds none of these agents' files never loads the mapper. */
  private static final class Holder {
    static final ObjectMapper JSON = new ObjectMapper();
  }

  private WholeFiles() {}

  /** Files ending in {@code suffix} below {@code sub} of each directory, in path order. */
  static List<LogFile> under(List<Path> dirs, String sub, String suffix, String tool, LogFile.Format format)
      throws IOException {
    List<Discovery.Found> found = new ArrayList<>();
    for (Path d : dirs) Discovery.files(sub == null ? d : d.resolve(sub), suffix, found);
    found.sort((a, b) -> a.path().compareTo(b.path()));
    List<LogFile> out = new ArrayList<>();
    for (Discovery.Found f : found) out.add(new LogFile(f.path(), tool, format, null, null, out.size(), f.identity()));
    return out;
  }

  static ObjectMapper mapper() {
    return Holder.JSON;
  }

  /** A file's JSON object, or null when it is not one (torn, or being written). */
  static JsonNode json(Path file) throws IOException {
    try {
      JsonNode n = mapper().readTree(file.toFile());
      return n != null && n.isObject() ? n : null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
  }

  /** The provider a model name points to, or null. */
  static String providerOf(String model) {
    if (model == null) return null;
    String m = model.toLowerCase(Locale.ROOT);
    if (m.contains("claude") || m.contains("sonnet") || m.contains("opus") || m.contains("haiku")) return "anthropic";
    if (m.startsWith("gpt") || m.contains("-gpt-") || m.matches("o\\d.*")) return "openai";
    if (m.contains("gemini")) return "google";
    if (m.contains("grok")) return "xai";
    if (m.contains("kimi")) return "moonshot";
    return null;
  }
}
