package io.tokenmaxx.cli.plan;

import io.tokenmaxx.plan.Precision;
import picocli.CommandLine.Option;

/** Which GPU, at which precision and tensor-parallel degree. */
final class DeploymentOptions {
  @Option(names = "--gpu", required = true, paramLabel = "NAME",
      description = "GPU from the catalog: H100, H200, A100-80GB, L40S, MI300X, ... (see `tokenmaxx plan catalog`).")
  String gpu;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "fp8",
      description = "Weight precision: bf16, fp8 or int4 (default: ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--kv-precision", paramLabel = "P",
      description = "KV-cache precision: bf16 or fp8 (default: fp8 for fp8/int4 weights, else bf16).")
  String kvPrecision;

  Precision weights() {
    return Precision.parse(precision);
  }

  Precision kvCache() {
    return kvPrecision == null ? null : Precision.parse(kvPrecision);
  }
}
