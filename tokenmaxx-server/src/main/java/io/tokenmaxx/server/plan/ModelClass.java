package io.tokenmaxx.server.plan;

import java.util.List;

/**
 * A class of models for capacity planning: which recorded models belong to it and how it would be
 * served instead.
 *
 * @param name          short id, e.g. {@code mid}
 * @param label         what the page shows
 * @param match         a model belongs here when its name contains one of these as whole words
 *                      (case-insensitive; "mini" matches gpt-5-mini, not gemini)
 * @param selfHostModel open-weight model (planner catalog name) that would serve this traffic
 * @param apiModel      API price (planner catalog name) the self-hosted cost is compared with
 */
public record ModelClass(String name, String label, List<String> match, String selfHostModel, String apiModel) {

  public ModelClass {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a model class needs a name");
    label = label == null || label.isBlank() ? name : label;
    match = match == null ? List.of() : match.stream().map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList();
    if (selfHostModel == null || selfHostModel.isBlank()) {
      throw new IllegalArgumentException("model class " + name + ": self_host_model is missing");
    }
    if (apiModel == null || apiModel.isBlank()) throw new IllegalArgumentException("model class " + name + ": api_model is missing");
  }

  /** Whether a recorded model name belongs to this class: a match string between word boundaries (not letters or digits). */
  boolean matches(String model) {
    String m = model.toLowerCase(java.util.Locale.ROOT);
    for (String p : match) {
      for (int i = m.indexOf(p); i >= 0; i = m.indexOf(p, i + 1)) {
        int end = i + p.length();
        boolean before = i == 0 || !Character.isLetterOrDigit(m.charAt(i - 1));
        boolean after = end == m.length() || !Character.isLetterOrDigit(m.charAt(end));
        if (before && after && !p.isEmpty()) return true;
      }
    }
    return false;
  }

  public ModelClass withSelfHostModel(String v) {
    return new ModelClass(name, label, match, v, apiModel);
  }

  public ModelClass withApiModel(String v) {
    return new ModelClass(name, label, match, selfHostModel, v);
  }
}
