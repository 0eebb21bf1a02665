package io.tokenmaxx.agents;

import io.tokenmaxx.agents.Scenario.Context;
import io.tokenmaxx.agents.Scenario.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The captures kept as fixtures: each agent as the README's collection guide sets it up, against
 * its provider's stand-in, exporting OTLP to the capture receiver with protobuf and with JSON where
 * the agent offers both (Gemini CLI and Qwen Code export OTLP/HTTP as JSON only).
 */
public final class Scenarios {
  /** The ingest token the exports carry (the receiver ignores it; replays use their own). */
  static final String TOKEN = "tmx_capture";
  /** Who the codex-json capture says is using Codex (through OTEL_RESOURCE_ATTRIBUTES). */
  public static final String CODEX_USER = "ana.lima@example.com";

  private Scenarios() {}

  static List<Scenario> all() {
    return List.of(claude("claude-code-protobuf", "http/protobuf"), claude("claude-code-json", "http/json"),
        codex("codex-protobuf", "binary"), codex("codex-json", "json"), gemini(),
        qwen("qwen-code-openai", "openai"), qwen("qwen-code-anthropic", "anthropic"));
  }

  /**
   * Captures of agents whose local logs are read but whose OpenTelemetry (if any) the decoder does
   * not map: OpenCode (none) and GitHub Copilot CLI (its own metric and span names; its exports are
   * kept as received).
   */
  static List<Scenario> logsOnly() {
    return List.of(opencode(), copilot(), kilo());
  }

  /** Every capture. */
  static List<Scenario> captures() {
    List<Scenario> out = new java.util.ArrayList<>(all());
    out.addAll(logsOnly());
    return out;
  }

  /** The model OpenCode's capture asks for session titles (OpenCode does not log those requests). */
  public static final String OPENCODE_TITLE_MODEL = "claude-haiku-4-5";

  private static ServedUsage u(long input, long cacheRead, long write5m, long write1h, long output, long reasoning,
      boolean breakdown) {
    return new ServedUsage(input, cacheRead, write5m, write1h, output, reasoning, breakdown);
  }

  /**
   * Claude Code with the README's telemetry variables (metrics, events and, with the enhanced beta,
   * spans). Its first answer is the example: 12 input, 7 output, 2,000 cache-read and 100
   * cache-write tokens without the TTL split, which Claude Code prices at
   * 0.0011159999999999998 USD; the second run continues the session.
   */
  private static Scenario claude(String name, String protocol) {
    boolean json = protocol.endsWith("json");
    List<ServedUsage> usage = json
        ? List.of(u(25, 1500, 0, 400, 12, 5, true), u(31, 2600, 150, 0, 18, 0, true))
        : List.of(u(12, 2000, 100, 0, 7, 0, false), u(40, 3000, 300, 200, 25, 9, true));
    String model = json ? "claude-haiku-4-5" : "claude-sonnet-4-5";
    return new Scenario(name, "claude-code", "@anthropic-ai/claude-code", "2.1.328", "claude",
        AnthropicStandIn.PROVIDER, protocol, usage, 10, List.of(".claude/projects"),
        (c, run, env) -> {
          env.put("ANTHROPIC_BASE_URL", c.standIn());
          env.put("ANTHROPIC_API_KEY", "sk-ant-stand-in");
          env.put("CLAUDE_CODE_ENABLE_TELEMETRY", "1");
          env.put("OTEL_METRICS_EXPORTER", "otlp");
          env.put("OTEL_LOGS_EXPORTER", "otlp");
          env.put("OTEL_TRACES_EXPORTER", "otlp");
          env.put("CLAUDE_CODE_ENHANCED_TELEMETRY_BETA", "1");
          env.put("OTEL_EXPORTER_OTLP_PROTOCOL", c.protocol());
          env.put("OTEL_EXPORTER_OTLP_ENDPOINT", c.otlp());
          env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + TOKEN);
          env.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
          env.put("OTEL_LOGS_EXPORT_INTERVAL", "1000");
          if (json) env.put("OTEL_LOG_USER_PROMPTS", "1"); // prompts arrive, to be hashed
          env.put("DISABLE_AUTOUPDATER", "1");
          env.put("DISABLE_ERROR_REPORTING", "1");
          env.put("DISABLE_TELEMETRY", "1"); // the vendor's own event logging, not OpenTelemetry
        },
        List.of(new Run(List.of("-p", "Say hello", "--model", model)),
            new Run(List.of("-p", "--continue", "Say it once more", "--model", model))));
  }

  /**
   * Codex CLI with a custom Responses provider and the {@code [otel]} exporters for logs, metrics
   * and traces; the JSON capture names its user through {@code OTEL_RESOURCE_ATTRIBUTES}.
   */
  private static Scenario codex(String name, String protocol) {
    boolean json = protocol.equals("json");
    List<ServedUsage> usage = json
        ? List.of(u(150, 2000, 0, 0, 60, 25, false))
        : List.of(u(200, 1000, 0, 0, 30, 20, false), u(320, 1500, 0, 0, 44, 0, false));
    List<Run> runs = json
        ? List.of(new Run(List.of("exec", "--skip-git-repo-check", "Say hello")))
        : List.of(new Run(List.of("exec", "--skip-git-repo-check", "Say hello")),
            new Run(List.of("exec", "--skip-git-repo-check", "resume", "--last", "Say it once more")));
    return new Scenario(name, "codex", "@openai/codex", "0.169.0", "codex", OpenAiStandIn.PROVIDER, protocol,
        usage, 10, List.of(".codex/sessions", ".codex/archived_sessions"),
        (c, run, env) -> {
          env.put("CODEX_HOME", c.home().resolve(".codex").toString());
          env.put("STANDIN_API_KEY", "sk-stand-in");
          // Signed in with an API key Codex reports no user; a roll-out sets who it is (README).
          if (json) env.put("OTEL_RESOURCE_ATTRIBUTES", "user.email=" + CODEX_USER + ",department=engineering");
          String headers = "headers = { \"x-tokenmaxx-token\" = \"" + TOKEN + "\" }";
          write(c.home().resolve(".codex/config.toml"), String.join("\n",
              "model = \"" + (json ? "gpt-5-codex" : "gpt-5") + "\"",
              "model_provider = \"standin\"",
              "",
              "[model_providers.standin]",
              "name = \"Stand-in\"",
              "base_url = \"" + c.standIn() + "/v1\"",
              "wire_api = \"responses\"",
              "env_key = \"STANDIN_API_KEY\"",
              "",
              "[otel]",
              "log_user_prompt = false",
              "exporter = { otlp-http = { endpoint = \"" + c.otlp() + "/v1/logs\", protocol = \"" + protocol + "\", " + headers + " } }",
              "metrics_exporter = { otlp-http = { endpoint = \"" + c.otlp() + "/v1/metrics\", protocol = \"" + protocol + "\", " + headers + " } }",
              "trace_exporter = { otlp-http = { endpoint = \"" + c.otlp() + "/v1/traces\", protocol = \"" + protocol + "\", " + headers + " } }",
              ""));
        },
        runs);
  }

  /**
   * Gemini CLI with API-key auth and telemetry to a local OTLP/HTTP collector (JSON); the second run
   * logs prompts, so its prompt event carries the text (kept only as a hash).
   */
  private static Scenario gemini() {
    return new Scenario("gemini-cli-json", "gemini-cli", "@google/gemini-cli", "0.61.0", "gemini",
        GeminiStandIn.PROVIDER, "http/json",
        List.of(u(300, 200, 0, 0, 30, 40, false), u(420, 0, 0, 0, 55, 0, false)), 10, List.of(".gemini/tmp"),
        (c, run, env) -> {
          env.put("GEMINI_API_KEY", "stand-in");
          env.put("GOOGLE_GEMINI_BASE_URL", c.standIn());
          env.put("GEMINI_CLI_TRUST_WORKSPACE", "true");
          env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + TOKEN);
          write(c.home().resolve(".gemini/settings.json"), "{\n"
              + "  \"security\": { \"auth\": { \"selectedType\": \"gemini-api-key\" } },\n"
              + "  \"telemetry\": { \"enabled\": true, \"target\": \"local\", \"otlpProtocol\": \"http\",\n"
              + "                 \"otlpEndpoint\": \"" + c.otlp() + "\", \"logPrompts\": " + (run > 1) + " }\n"
              + "}\n");
        },
        List.of(new Run(List.of("-p", "Say hello", "-m", "gemini-2.5-flash")),
            new Run(List.of("-p", "Say it once more", "-m", "gemini-2.5-pro"))));
  }

  /**
   * Qwen Code on an OpenAI-compatible provider or on Anthropic; each run also makes the
   * memory-extractor sub-agent's request. Telemetry goes to the receiver as OTLP/HTTP JSON.
   */
  private static Scenario qwen(String name, String auth) {
    boolean anthropic = auth.equals("anthropic");
    List<ServedUsage> usage = anthropic
        ? List.of(u(12, 2000, 100, 0, 7, 0, false), u(33, 900, 0, 0, 11, 0, false))
        : List.of(u(200, 100, 0, 0, 15, 5, false), u(230, 0, 0, 0, 20, 0, false));
    return new Scenario(name, "qwen-code", "@qwen-code/qwen-code", "0.24.4", "qwen",
        anthropic ? AnthropicStandIn.PROVIDER : OpenAiStandIn.PROVIDER, "http/json", usage, 10,
        List.of(".qwen/projects", ".qwen/usage"),
        (c, run, env) -> {
          if (anthropic) {
            env.put("ANTHROPIC_BASE_URL", c.standIn());
            env.put("ANTHROPIC_API_KEY", "sk-ant-stand-in");
            env.put("ANTHROPIC_MODEL", "claude-sonnet-4-5");
          } else {
            env.put("OPENAI_BASE_URL", c.standIn() + "/v1");
            env.put("OPENAI_API_KEY", "sk-stand-in");
            env.put("OPENAI_MODEL", "qwen3-coder-plus");
          }
          env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + TOKEN);
          write(c.home().resolve(".qwen/settings.json"), "{\n"
              + "  \"telemetry\": { \"enabled\": true, \"target\": \"local\", \"otlpProtocol\": \"http\",\n"
              + "                 \"otlpEndpoint\": \"" + c.otlp() + "\", \"logPrompts\": false }\n"
              + "}\n");
        },
        List.of(new Run(List.of("--auth-type", auth, "-p", "Say hello")),
            new Run(List.of("--auth-type", auth, "-p", "Say it once more"))));
  }

  /**
   * OpenCode with its bundled Anthropic provider pointed at the stand-in ({@code opencode.json}
   * in its config folder); models are not fetched from the internet. It keeps sessions in SQLite
   * under {@code ~/.local/share/opencode}. Each run may also ask a small model for a title.
   */
  private static Scenario opencode() {
    return new Scenario("opencode", "opencode", "opencode-ai", "1.18.33", "opencode",
        AnthropicStandIn.PROVIDER, "none",
        List.of(u(120, 3000, 400, 0, 40, 0, false), u(90, 0, 0, 0, 12, 0, false), u(150, 3400, 0, 0, 33, 0, false),
            u(80, 0, 0, 0, 9, 0, false)), 10,
        List.of(".local/share/opencode"),
        (c, run, env) -> {
          env.put("OPENCODE_DISABLE_MODELS_FETCH", "1");
          env.put("OPENCODE_DISABLE_AUTOUPDATE", "1");
          env.put("OPENCODE_DISABLE_SHARE", "1");
          write(c.home().resolve(".config/opencode/opencode.json"), "{\n"
              + "  \"$schema\": \"https://opencode.ai/config.json\",\n"
              + "  \"autoupdate\": false,\n"
              + "  \"share\": \"disabled\",\n"
              + "  \"model\": \"anthropic/claude-sonnet-4-5\",\n"
              + "  \"small_model\": \"anthropic/" + OPENCODE_TITLE_MODEL + "\",\n"
              + "  \"provider\": { \"anthropic\": { \"options\": { \"baseURL\": \"" + c.standIn() + "/v1\",\n"
              + "    \"apiKey\": \"sk-ant-stand-in\" } } }\n"
              + "}\n");
        },
        List.of(new Run(List.of("run", "Say hello")), new Run(List.of("run", "--continue", "Say it once more"))));
  }

  /**
   * Kilo's CLI (built on OpenCode): the platform package with the binary (the {@code @kilocode/cli}
   * wrapper of the same version is not published), configured through {@code KILO_CONFIG_CONTENT}
   * with its bundled Anthropic provider pointed at the stand-in. It keeps sessions in
   * {@code ~/.local/share/kilo/kilo.db}; like OpenCode it asks a small model for a title and does
   * not log that request.
   */
  private static Scenario kilo() {
    return new Scenario("kilo", "kilo", "@kilocode/cli-linux-x64", "7.7.9", "kilo",
        AnthropicStandIn.PROVIDER, "none",
        List.of(u(130, 2500, 300, 0, 35, 0, false), u(70, 0, 0, 0, 8, 0, false), u(160, 2800, 0, 0, 29, 0, false),
            u(60, 0, 0, 0, 6, 0, false)), 10,
        List.of(".local/share/kilo"),
        (c, run, env) -> {
          env.put("KILO_DISABLE_MODELS_FETCH", "1");
          env.put("KILO_DISABLE_AUTOUPDATE", "1");
          env.put("KILO_DISABLE_SHARE", "1");
          env.put("KILO_DISABLE_SESSION_INGEST", "1");
          env.put("KILO_DISABLE_PRESENCE", "1");
          env.put("KILO_DISABLE_LSP_DOWNLOAD", "1");
          env.put("KILO_CONFIG_CONTENT", "{\"model\": \"anthropic/claude-sonnet-4-5\", \"small_model\": \"anthropic/"
              + OPENCODE_TITLE_MODEL + "\", \"share\": \"disabled\", \"autoupdate\": false, \"provider\": {\"anthropic\": "
              + "{\"options\": {\"baseURL\": \"" + c.standIn() + "/v1\", \"apiKey\": \"sk-ant-stand-in\"}}}}");
        },
        List.of(new Run(List.of("run", "Say hello")), new Run(List.of("run", "--continue", "Say it once more"))));
  }

  /**
   * GitHub Copilot CLI in offline mode with a custom Anthropic provider (no GitHub sign-in), its
   * OpenTelemetry export on. It keeps its sessions under {@code ~/.copilot}.
   */
  private static Scenario copilot() {
    return new Scenario("copilot-cli", "copilot-cli", "@github/copilot", "1.0.102", "copilot",
        AnthropicStandIn.PROVIDER, "otlp-default",
        List.of(u(210, 5000, 600, 0, 44, 0, false), u(95, 5600, 0, 0, 18, 0, false), u(60, 0, 0, 0, 7, 0, false)), 10,
        List.of(".copilot"),
        (c, run, env) -> {
          env.put("COPILOT_OFFLINE", "true");
          env.put("COPILOT_AUTO_UPDATE", "false");
          env.put("COPILOT_PROVIDER_TYPE", "anthropic");
          env.put("COPILOT_PROVIDER_BASE_URL", c.standIn());
          env.put("COPILOT_PROVIDER_API_KEY", "sk-ant-stand-in");
          env.put("COPILOT_MODEL", "claude-sonnet-4.5");
          env.put("COPILOT_PROVIDER_WIRE_MODEL", "claude-sonnet-4-5");
          env.put("COPILOT_OTEL_ENABLED", "true");
          env.put("OTEL_EXPORTER_OTLP_ENDPOINT", c.otlp());
          env.put("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer " + TOKEN);
        },
        List.of(new Run(List.of("-p", "Say hello", "--allow-all-tools")),
            new Run(List.of("-p", "Say it once more", "--allow-all-tools", "--continue"))));
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
