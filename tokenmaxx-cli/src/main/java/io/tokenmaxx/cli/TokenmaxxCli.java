package io.tokenmaxx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code tokenmaxx} command. */
@Command(
    name = "tokenmaxx",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "See how AI is really being adopted: collect every token, attribute it, "
        + "show it with its context.",
    subcommands = {
        CommandLine.HelpCommand.class,
        io.tokenmaxx.cli.report.ReportCommand.class,
        ServeCommand.class,
        io.tokenmaxx.cli.plan.PlanCommand.class,
    })
public final class TokenmaxxCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new TokenmaxxCli());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }
}
