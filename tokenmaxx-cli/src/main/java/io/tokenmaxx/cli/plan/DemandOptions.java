package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.capacity.DemandProfile;
import io.tokenmaxx.plan.capacity.DemandReader;
import io.tokenmaxx.plan.capacity.Lengths;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.Rates;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** A demand profile from {@code --demand FILE} or from flags describing one traffic class. */
final class DemandOptions {
  @Option(names = "--demand", paramLabel = "FILE", description = "Demand profile JSON (see tokenmaxx-planner/README.md); replaces the flags below.")
  Path file;

  @Option(names = "--model", paramLabel = "NAME", description = "Model serving the traffic (with flags).")
  String model;

  @Option(names = "--output-tps", paramLabel = "RATE", converter = Amounts.Levels.class,
      description = "Output tokens/s: one number, or p50,p95,peak of busy minutes.")
  Rates outputTps;

  @Option(names = "--input-tps", paramLabel = "RATE", converter = Amounts.Levels.class,
      description = "Input tokens/s, cache hits included: one number or p50,p95,peak (default: output x ISL / OSL).")
  Rates inputTps;

  @Option(names = "--concurrent", paramLabel = "N", converter = Amounts.Levels.class,
      description = "Requests in flight: one number or p50,p95,peak (default: not a constraint).")
  Rates concurrent;

  @Option(names = "--isl", paramLabel = "TOKENS", description = "Mean input length (with flags).")
  Integer isl;

  @Option(names = "--osl", paramLabel = "TOKENS", description = "Mean output length (with flags).")
  Integer osl;

  @Option(names = "--cache-share", paramLabel = "SHARE", converter = Amounts.Share.class,
      description = "Share of input tokens served from the prefix cache (default: 0, or as recorded).")
  Double cacheShare;

  @Option(names = "--growth", paramLabel = "SHARE", converter = Amounts.Share.class,
      description = "Demand growth per month, e.g. 5%% (default: 0, or as recorded).")
  Double growth;

  @Mixin
  RemoteDemand remote;

  DemandProfile profile(CommandSpec spec) throws java.io.IOException, InterruptedException {
    if (remote.active()) {
      if (file != null) throw new ParameterException(spec.commandLine(), "give --demand FILE or --server, not both");
      DemandProfile p = remote.fetch();
      return new DemandProfile(p.name(), p.demands().stream().map(d -> RemoteDemand.override(d, model, outputTps,
          inputTps, concurrent, isl, osl, cacheShare, growth)).toList());
    }
    if (file != null) return DemandReader.read(file);
    if (model == null || outputTps == null || isl == null || osl == null) {
      throw new ParameterException(spec.commandLine(),
          "give --server URL (recorded demand), --demand FILE, or --model, --output-tps, --isl and --osl");
    }
    double ratio = (double) isl / osl;
    Rates out = outputTps;
    Rates in = inputTps == null ? out.times(ratio) : inputTps;
    Rates conc = concurrent == null ? Rates.ZERO : concurrent;
    return DemandProfile.of(new ModelDemand(model, model, in, out, conc, Lengths.fixed(isl), Lengths.fixed(osl),
        cacheShare == null ? 0 : cacheShare, growth == null ? 0 : growth, null));
  }
}
