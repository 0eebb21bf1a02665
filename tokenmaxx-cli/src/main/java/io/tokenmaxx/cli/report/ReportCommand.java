package io.tokenmaxx.cli.report;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx report}: token and cost reports from the coding-agent logs on this machine. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
        "Token and cost reports from the coding-agent logs on this machine: exact token counts "
            + "(streamed copies and replays counted once), priced with the bundled catalog.",
        "",
        "Logs are read from the agents' own locations: Claude Code from CLAUDE_CONFIG_DIR (comma-separated) "
            + "or ~/.config/claude and ~/.claude; Codex from CODEX_HOME or ~/.codex (sessions/ and "
            + "archived_sessions/); Gemini CLI from GEMINI_DATA_DIR or ~/.gemini/tmp; Qwen Code from "
            + "QWEN_DATA_DIR or ~/.qwen; OpenCode from OPENCODE_DATA_DIR or "
            + "~/.local/share/opencode (opencode.db and storage/message); GitHub Copilot CLI from COPILOT_HOME or ~/.copilot "
            + "(session-state/*/events.jsonl). A scan cache makes repeated reports read only what changed."},
    subcommands = {
        ReportCommand.Daily.class,
        ReportCommand.Weekly.class,
        ReportCommand.Monthly.class,
        ReportCommand.Session.class,
        ReportCommand.Models.class,
        BlocksCommand.class,
    })
public final class ReportCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  abstract static class Base implements Callable<Integer> {
    @Mixin
    ReportOptions options;

    @Spec
    CommandSpec spec;

    abstract ReportKind kind();

    @Override
    public Integer call() throws Exception {
      try {
        return new ReportRunner(options, spec.commandLine().getOut(), System.getenv()).run(kind());
      } catch (ReportArgException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "daily", mixinStandardHelpOptions = true, description = "Usage per day.")
  static final class Daily extends Base {
    @Override
    ReportKind kind() {
      return ReportKind.DAILY;
    }
  }

  @Command(name = "weekly", mixinStandardHelpOptions = true, description = "Usage per week (weeks start on --week-start).")
  static final class Weekly extends Base {
    @Override
    ReportKind kind() {
      return ReportKind.WEEKLY;
    }
  }

  @Command(name = "monthly", mixinStandardHelpOptions = true, description = "Usage per month.")
  static final class Monthly extends Base {
    @Override
    ReportKind kind() {
      return ReportKind.MONTHLY;
    }
  }

  @Command(name = "session", mixinStandardHelpOptions = true,
      description = "Usage per agent session (--since/--until select sessions by their last activity).")
  static final class Session extends Base {
    @Override
    ReportKind kind() {
      return ReportKind.SESSION;
    }
  }

  @Command(name = "models", mixinStandardHelpOptions = true, description = "Usage per model.")
  static final class Models extends Base {
    @Override
    ReportKind kind() {
      return ReportKind.MODELS;
    }
  }

  static CommandLine.ParameterException badOption(CommandLine cl, String message) {
    return new CommandLine.ParameterException(cl, message);
  }
}
