package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.EngineProfile;
import io.tokenmaxx.plan.Planner;
import io.tokenmaxx.plan.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every plan command takes: the catalog, the engine's memory settings, JSON output. */
final class CommonOptions {
  @Option(names = "--catalog", paramLabel = "FILE",
      description = "JSON file with models, gpus and/or api_prices that replace or extend the built-in catalog.")
  Path catalogFile;

  @Option(names = "--kv-fraction", paramLabel = "SHARE", converter = Amounts.Share.class,
      description = "Share of the memory left after weights and runtime given to the KV cache (default: ${DEFAULT-VALUE}).",
      defaultValue = "0.9")
  double kvFraction;

  @Option(names = "--max-batch", paramLabel = "N", defaultValue = "512",
      description = "Most sequences the engine decodes together (default: ${DEFAULT-VALUE}).")
  int maxBatch;

  @Option(names = "--json", description = "Print JSON instead of tables.")
  boolean json;

  Catalog catalog() {
    Catalog c = Catalog.builtIn();
    return catalogFile == null ? c : c.withOverrides(catalogFile);
  }

  Planner planner() {
    return new Planner(EngineProfile.DEFAULT.withKvCacheFraction(kvFraction).withMaxBatchSize(maxBatch));
  }
}
