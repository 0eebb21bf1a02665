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
        ServeCommand.class,
        DemoCommand.class,
        io.tokenmaxx.cli.remote.TokenCommand.class,
        io.tokenmaxx.cli.plan.PlanCommand.class,
        io.tokenmaxx.cli.checkin.CheckinCommand.class,
        io.tokenmaxx.cli.checkin.FlagsCommand.class,
    })
public final class TokenmaxxCli implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    configureLogging();
    System.exit(newCommandLine().execute(args));
  }

  /** One-line log records on stderr, unless the user configured java.util.logging themselves. */
  static void configureLogging() {
    if (System.getProperty("java.util.logging.config.file") != null) return;
    try (var in = TokenmaxxCli.class.getResourceAsStream("logging.properties")) {
      if (in != null) java.util.logging.LogManager.getLogManager().readConfiguration(in);
    } catch (java.io.IOException e) {
      System.err.println("tokenmaxx: could not configure logging: " + e.getMessage());
    }
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
