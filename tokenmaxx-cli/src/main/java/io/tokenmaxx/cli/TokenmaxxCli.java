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
        io.tokenmaxx.cli.report.StatuslineCommand.class,
        ServeCommand.class,
        io.tokenmaxx.cli.gateway.GatewayCommand.class,
        DemoCommand.class,
        io.tokenmaxx.cli.remote.TokenCommand.class,
        io.tokenmaxx.cli.push.PushCommand.class,
        io.tokenmaxx.cli.imports.ImportCommand.class,
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
    if (args.length > 0 && args[0].equals("statusline")) {
      // Runs on every prompt of Claude Code: the plain forms without picocli, as reports do.
      try {
        java.io.PrintWriter out = io.tokenmaxx.cli.report.QuickReport.writer(System.out, "sun.stdout.encoding");
        Integer code = io.tokenmaxx.cli.report.StatuslineCommand.quick(args, out);
        if (code != null && code == 0) return;
        if (code != null) System.exit(code);
      } catch (Exception e) {
        System.exit(ErrorHandler.print(e, io.tokenmaxx.cli.report.QuickReport.writer(System.err, "sun.stderr.encoding")));
      }
    }
    if (args.length > 0 && args[0].equals("report")) {
      // Reports finish in a fraction of a second: plain ones run without building picocli's model
      // at all; the others build only the report's (help and errors read the same).
      try {
        Integer code = io.tokenmaxx.cli.report.QuickReport.run(args);
        // (a plain return when all went well: System.exit looks up a system logger first, which
        // opens every jar on the class path)
        if (code != null && code == 0) return;
        if (code != null) System.exit(code);
      } catch (Exception e) {
        System.exit(ErrorHandler.print(e, io.tokenmaxx.cli.report.QuickReport.writer(System.err, "sun.stderr.encoding")));
      }
      CommandLine report = configure(new CommandLine(new io.tokenmaxx.cli.report.ReportCommand()));
      report.setCommandName("tokenmaxx report");
      System.exit(report.execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
    }
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
    return configure(new CommandLine(new TokenmaxxCli()));
  }

  private static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setUsageHelpAutoWidth(true);
    return cl;
  }
}
