package io.tokenmaxx.plan.catalog;

import io.tokenmaxx.plan.GpuSpec;
import io.tokenmaxx.plan.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Models, GPUs and API prices the planner knows. The built-in catalog ships as editable JSON
 * resources ({@code models.json}, {@code gpus.json}, {@code api-prices.json} beside this class); a
 * user file with the same sections replaces entries of the same name and adds new ones.
 * Immutable and thread-safe; names are matched case- and punctuation-insensitively.
 */
public final class Catalog {
  private static final List<String> RESOURCES = List.of("models.json", "gpus.json", "api-prices.json");

  private final Entries<ModelSpec> models;
  private final Entries<GpuSpec> gpus;
  private final Entries<ApiPrice> apiPrices;

  private Catalog(Entries<ModelSpec> models, Entries<GpuSpec> gpus, Entries<ApiPrice> apiPrices) {
    this.models = models;
    this.gpus = gpus;
    this.apiPrices = apiPrices;
  }

  /** The catalog shipped with tokenmaxx (parsed once, then shared: it is immutable). */
  public static Catalog builtIn() {
    return BuiltIn.CATALOG;
  }

  /** A catalog of exactly these entries. */
  public static Catalog of(List<ModelSpec> models, List<GpuSpec> gpus, List<ApiPrice> apiPrices) {
    return new Catalog(new Entries<>("model", models, ModelSpec::name, ModelSpec::aliases),
        new Entries<>("gpu", gpus, GpuSpec::name, GpuSpec::aliases),
        new Entries<>("api price", apiPrices, ApiPrice::name, p -> List.of()));
  }

  /** This catalog with the entries of a JSON document added or replaced; {@code source} names it in errors. */
  public Catalog withOverrides(String json, String source) {
    CatalogReader.Parsed p = CatalogReader.parse(json, source);
    return new Catalog(models.plus(p.models(), ModelSpec::aliases), gpus.plus(p.gpus(), GpuSpec::aliases),
        apiPrices.plus(p.apiPrices(), x -> List.of()));
  }

  /** This catalog with the entries of a user's JSON file added or replaced. */
  public Catalog withOverrides(Path file) {
    try {
      return withOverrides(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + file + ": " + e.getMessage(), e);
    }
  }

  public ModelSpec model(String name) {
    return models.get(name);
  }

  public GpuSpec gpu(String name) {
    return gpus.get(name);
  }

  public ApiPrice apiPrice(String name) {
    return apiPrices.get(name);
  }

  public List<ModelSpec> models() {
    return models.all();
  }

  public List<GpuSpec> gpus() {
    return gpus.all();
  }

  public List<ApiPrice> apiPrices() {
    return apiPrices.all();
  }

  private static final class BuiltIn {
    static final Catalog CATALOG = load();

    private static Catalog load() {
      Catalog c = of(List.of(), List.of(), List.of());
      for (String r : RESOURCES) c = c.withOverrides(resource(r), "built-in " + r);
      return c;
    }

    private static String resource(String name) {
      try (InputStream in = Catalog.class.getResourceAsStream(name)) {
        if (in == null) throw new IllegalStateException("built-in catalog resource " + name + " is missing");
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
