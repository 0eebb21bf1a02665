package io.tokenmaxx.server.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.plan.catalog.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table that puts recorded models into classes (frontier-large, mid, small) and says which
 * open-weight model would serve each class and which API prices it is compared with. Built in
 * ({@code model-classes.json}); an organization replaces it with its own file. Immutable.
 */
public final class ModelClasses {
  /** Name of the file in the data directory that replaces the built-in table. */
  public static final String FILE = "model-classes.json";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP = Set.of("about", "default_class", "classes");
  private static final Set<String> FIELDS = Set.of("name", "label", "match", "self_host_model", "api_model");

  private final List<ModelClass> classes;
  private final String defaultClass;
  private final String source;

  ModelClasses(List<ModelClass> classes, String defaultClass, String source) {
    if (classes.isEmpty()) throw new IllegalArgumentException(source + ": no model classes");
    Set<String> names = new HashSet<>();
    for (ModelClass c : classes) {
      if (!names.add(c.name())) throw new IllegalArgumentException(source + ": model class '" + c.name() + "' is listed twice");
    }
    if (!names.contains(defaultClass)) {
      throw new IllegalArgumentException(source + ": default_class '" + defaultClass + "' is not one of " + names);
    }
    this.classes = List.copyOf(classes);
    this.defaultClass = defaultClass;
    this.source = source;
  }

  public static ModelClasses builtIn() {
    try (InputStream in = ModelClasses.class.getResourceAsStream(FILE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in " + FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data directory's {@value #FILE} when there is one, else the built-in table. */
  public static ModelClasses forDataDir(Path dataDir) {
    Path file = dataDir == null ? null : dataDir.resolve(FILE);
    if (file == null || !Files.isRegularFile(file)) return builtIn();
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Reads the table from JSON; unknown fields are errors that name the field and the file. */
  public static ModelClasses parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) throw new IllegalArgumentException(source + " must be a JSON object");
    unknown(root, TOP, source);
    JsonNode list = root.path("classes");
    if (!list.isArray()) throw new IllegalArgumentException(source + ": 'classes' must be a list");
    List<ModelClass> out = new ArrayList<>();
    for (JsonNode c : list) {
      String where = source + ": classes[" + out.size() + "]";
      if (!c.isObject()) throw new IllegalArgumentException(where + " must be an object");
      unknown(c, FIELDS, where);
      List<String> match = new ArrayList<>();
      for (JsonNode m : c.path("match")) match.add(m.asText());
      try {
        out.add(new ModelClass(c.path("name").asText(null), c.path("label").asText(null), match,
            c.path("self_host_model").asText(null), c.path("api_model").asText(null)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    String def = root.path("default_class").asText(out.isEmpty() ? "" : out.get(out.size() - 1).name());
    return new ModelClasses(out, def, source);
  }

  private static void unknown(JsonNode node, Set<String> known, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) throw new IllegalArgumentException(where + ": unknown field '" + f + "' (known: " + known + ")");
    }
  }

  /** Checks that every class names a model and an API price the planner's catalog knows. */
  public ModelClasses validate(Catalog catalog) {
    for (ModelClass c : classes) {
      try {
        catalog.model(c.selfHostModel());
        catalog.apiPrice(c.apiModel());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ": class " + c.name() + ": " + e.getMessage());
      }
    }
    return this;
  }

  public List<ModelClass> classes() {
    return classes;
  }

  public String defaultClass() {
    return defaultClass;
  }

  public String source() {
    return source;
  }

  /** The class of a recorded model: the first whose match strings it contains, else the default. */
  public String classOf(String model) {
    for (ModelClass c : classes) if (c.matches(model)) return c.name();
    return defaultClass;
  }

  /** Whether a recorded model matched no class (and fell to the default). */
  public boolean unmatched(String model) {
    return classes.stream().noneMatch(c -> c.matches(model));
  }

  public ModelClass get(String name) {
    for (ModelClass c : classes) if (c.name().equals(name)) return c;
    throw new IllegalArgumentException("no model class '" + name + "'; classes: "
        + classes.stream().map(ModelClass::name).toList());
  }

  /** The classes of the given models: model name to class name. */
  public Map<String, String> map(Iterable<String> models) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String m : models) out.put(m, classOf(m));
    return out;
  }

  /** This table with one class's self-hosted model and/or API price replaced (a what-if). */
  public ModelClasses with(String name, String selfHostModel, String apiModel) {
    get(name);
    List<ModelClass> out = new ArrayList<>();
    for (ModelClass c : classes) {
      ModelClass x = c;
      if (c.name().equals(name)) {
        if (selfHostModel != null && !selfHostModel.isBlank()) x = x.withSelfHostModel(selfHostModel);
        if (apiModel != null && !apiModel.isBlank()) x = x.withApiModel(apiModel);
      }
      out.add(x);
    }
    return new ModelClasses(out, defaultClass, source);
  }
}
