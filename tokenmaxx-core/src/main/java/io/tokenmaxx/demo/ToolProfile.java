package io.tokenmaxx.demo;

import java.util.SplittableRandom;

/** Token shapes of one tool's requests, and the models it is used with. */
enum ToolProfile {
  CLAUDE_CODE("claude-code", new String[] {"claude-sonnet-4-6", "claude-opus-4-7", "claude-haiku-4-5"},
      new double[] {0.70, 0.92, 1.0}, 900, 45_000, 2_500, 1_200, 0),
  CODEX("codex", new String[] {"gpt-5.1-codex", "gpt-5.1", "gpt-5.1-codex-mini"},
      new double[] {0.65, 0.9, 1.0}, 2_500, 30_000, 0, 900, 700),
  GEMINI_CLI("gemini-cli", new String[] {"gemini-3-pro-preview", "gemini-3-flash"},
      new double[] {0.6, 1.0}, 9_000, 12_000, 0, 700, 400),
  CHAT("chat", new String[] {"gpt-5.1", "claude-sonnet-4-6", "gemini-3-flash"},
      new double[] {0.55, 0.85, 1.0}, 1_400, 0, 0, 650, 150),
  API("api", new String[] {"gpt-5-mini", "llama-3.3-70b-internal"},
      new double[] {0.75, 1.0}, 2_200, 1_500, 0, 320, 0);

  final String tool;
  private final String[] models;
  private final double[] cumulative;
  final int input;
  final int cacheRead;
  final int cacheWrite;
  final int output;
  final int reasoning;

  ToolProfile(String tool, String[] models, double[] cumulative, int input, int cacheRead,
      int cacheWrite, int output, int reasoning) {
    this.tool = tool;
    this.models = models;
    this.cumulative = cumulative;
    this.input = input;
    this.cacheRead = cacheRead;
    this.cacheWrite = cacheWrite;
    this.output = output;
    this.reasoning = reasoning;
  }

  String model(SplittableRandom rnd, boolean explorer) {
    if (explorer) return models[rnd.nextInt(models.length)];
    double r = rnd.nextDouble();
    for (int i = 0; i < models.length; i++) if (r < cumulative[i]) return models[i];
    return models[models.length - 1];
  }

  String provider(String model) {
    if (model.startsWith("claude")) return "anthropic";
    if (model.startsWith("gpt")) return "openai";
    if (model.startsWith("gemini")) return "google";
    return "self-hosted";
  }

  /** A log-normal draw with the given median and a moderate spread. */
  static long around(SplittableRandom rnd, double median) {
    if (median <= 0) return 0;
    double z = gaussian(rnd);
    return Math.max(1, Math.round(median * Math.exp(0.7 * z)));
  }

  static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
