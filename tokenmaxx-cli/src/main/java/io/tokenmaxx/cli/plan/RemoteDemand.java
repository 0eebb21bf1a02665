package io.tokenmaxx.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenmaxx.cli.remote.TokenOptions;
import io.tokenmaxx.plan.capacity.DemandProfile;
import io.tokenmaxx.plan.capacity.Lengths;
import io.tokenmaxx.plan.capacity.ModelDemand;
import io.tokenmaxx.plan.capacity.Rates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The demand a tokenmaxx server recorded ({@code GET /api/v1/plan/demand}), per model class, with
 * the command's flags applied on top: what {@code plan capacity} and {@code plan tco} plan with
 * {@code --server}.
 */
final class RemoteDemand {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ArgGroup(exclusive = false, heading = "%nRecorded demand from a tokenmaxx server (needs a read token):%n")
  TokenOptions server;

  @Option(names = "--days", paramLabel = "N", description = "With --server: days of recorded usage, ending now (default: 28).")
  Integer days;

  @Option(names = "--class", paramLabel = "NAME", split = ",",
      description = "With --server: plan only these model classes (e.g. mid,small).")
  List<String> classes;

  @Option(names = "--scale", paramLabel = "X",
      description = "With --server: multiply every recorded rate and volume (what if traffic were X times as large).")
  Double scale;

  boolean active() {
    return server != null;
  }

  /** The recorded profile of the classes asked for, scaled. */
  DemandProfile fetch() throws IOException, InterruptedException {
    int d = days == null ? 28 : days;
    if (d < 1 || d > 366) throw new IllegalArgumentException("--days must be between 1 and 366, was " + d);
    JsonNode n = server.client().json("GET", "/api/v1/plan/demand?days=" + d, null);
    List<ModelDemand> out = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (JsonNode c : n.path("classes")) {
      ModelDemand m = MAPPER.treeToValue(c.get("demand"), ModelDemand.class);
      known.add(m.modelClass());
      if (classes != null && !classes.contains(m.modelClass())) continue;
      if (scale != null) {
        if (!(scale > 0)) throw new IllegalArgumentException("--scale must be > 0, was " + scale);
        m = m.scaled(scale);
      }
      out.add(m);
    }
    if (classes != null) {
      for (String c : classes) {
        if (!known.contains(c)) throw new IllegalArgumentException("--class " + c + ": the server recorded no such class; it has " + known);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("the server recorded no usage in the last " + d + " days"
          + (n.path("hidden").isEmpty() ? "" : " that this token may see (classes used by too few people are hidden)"));
    }
    return new DemandProfile(String.format(Locale.ROOT, "recorded at %s, last %d days", server.server, d), out);
  }

  /** One class's demand with the flags that were given replacing what was recorded. */
  static ModelDemand override(ModelDemand d, String model, Rates outputTps, Rates inputTps, Rates concurrent,
      Integer isl, Integer osl, Double cacheShare, Double growth) {
    Rates out = outputTps != null ? outputTps : d.outputTokensPerSecond();
    Rates in = inputTps != null ? inputTps
        : outputTps != null ? d.inputTokensPerSecond().times(ratio(outputTps, d.outputTokensPerSecond())) : d.inputTokensPerSecond();
    return new ModelDemand(d.modelClass(), model != null ? model : d.model(), in, out,
        concurrent != null ? concurrent : d.concurrentRequests(), isl != null ? Lengths.fixed(isl) : d.inputLength(),
        osl != null ? Lengths.fixed(osl) : d.outputLength(), cacheShare != null ? cacheShare : d.cacheShare(),
        growth != null ? growth : d.monthlyGrowth(), d.apiModel(),
        outputTps == null ? d.inputTokensPerMonth() : 0, outputTps == null ? d.outputTokensPerMonth() : 0);
  }

  private static double ratio(Rates a, Rates b) {
    return b.peak() > 0 ? a.peak() / b.peak() : 1;
  }
}
