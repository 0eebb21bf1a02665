package io.tokenmaxx.cli.report;

import io.tokenmaxx.model.Tools;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tokenmaxx report blocks}: usage in the 5-hour billing blocks Claude subscriptions are limited by. */
@Command(name = "blocks", mixinStandardHelpOptions = true,
    description = {"Usage in 5-hour billing blocks (the windows Claude subscriptions are limited by): "
        + "each block, the active one with its burn rate and its projection to the block's end. "
        + "Claude Code's logs by default (--tools to add others); --json as ccusage blocks --json.",
        "--since/--until select blocks by the day they start."})
final class BlocksCommand implements Callable<Integer> {
  @Mixin
  ReportOptions options;

  @Spec
  CommandSpec spec;

  @Option(names = {"-a", "--active"}, description = "Only the active block, with its projection.")
  boolean active;

  @Option(names = {"-r", "--recent"}, description = "Only blocks of the last 3 days (and the active one).")
  boolean recent;

  @Option(names = {"-t", "--token-limit"}, paramLabel = "TOKENS|max",
      description = "Token limit to check the active block's projection against: a number, or max (the largest finished block).")
  String tokenLimit;

  @Option(names = {"-n", "--session-length"}, paramLabel = "HOURS",
      description = "Block length in hours (default: 5).")
  double sessionLength = 5;

  /** Tests set the time; the command uses the system clock. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } catch (ReportArgException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private int run() throws Exception {
    if (!(sessionLength > 0) || sessionLength > 24 * 7) {
      throw new ReportArgException("--session-length must be more than 0 and at most 168 hours, was " + sessionLength);
    }
    long limit = 0;
    boolean maxLimit = false;
    if (tokenLimit != null) {
      if (tokenLimit.equalsIgnoreCase("max")) {
        maxLimit = true;
      } else {
        try {
          limit = Long.parseLong(tokenLimit.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
          limit = -1;
        }
        if (limit <= 0) throw new ReportArgException("--token-limit must be a positive number of tokens or 'max', was '" + tokenLimit + "'");
      }
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    ReportRunner runner = new ReportRunner(options, out, System.getenv());
    ReportRunner.Usage usage = runner.usage(Set.of(Tools.CLAUDE_CODE), new Timing(false));
    long now = clock.millis();
    List<Blocks.Block> blocks = Blocks.of(usage.table(), Math.round(sessionLength * 3_600_000d), now, usage.basis());
    if (maxLimit) limit = Blocks.maxTotal(blocks);
    LocalDate since = options.since;
    LocalDate until = options.until;
    long recentFrom = now - 3 * 86_400_000L;
    blocks = blocks.stream().filter(b -> {
      LocalDate day = Instant.ofEpochMilli(b.start).atZone(usage.zone()).toLocalDate();
      if (since != null && day.isBefore(since)) return false;
      if (until != null && day.isAfter(until)) return false;
      if (active && !b.active) return false;
      return !recent || b.active || b.start >= recentFrom;
    }).toList();
    BlocksReport report = new BlocksReport(blocks, now, limit);
    if (options.json) report.json(out);
    else report.table(out, usage.zone(), sessionLength);
    out.flush();
    usage.awaitCacheWritten();
    return 0;
  }
}
