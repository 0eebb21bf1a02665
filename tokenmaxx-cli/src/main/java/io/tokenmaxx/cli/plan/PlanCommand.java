package io.tokenmaxx.cli.plan;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx plan}: capacity and cost planning for serving the organization's tokens on its own GPUs. */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Capacity and cost planning: what it takes to serve your token demand on your own GPUs, "
        + "what that costs against renting or staying on the API, and where the breakeven lies. "
        + "The model and its assumptions: tokenmaxx-planner/README.md.",
    subcommands = {PlanThroughputCommand.class, PlanCapacityCommand.class, PlanTcoCommand.class,
        PlanCatalogCommand.class, CommandLine.HelpCommand.class})
public final class PlanCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
