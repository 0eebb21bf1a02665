package io.tokenmaxx.cli.imports;

import io.tokenmaxx.collect.vendor.IdentityLink;
import io.tokenmaxx.collect.vendor.ImportSink;
import io.tokenmaxx.importer.SourcePrecedence;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * An {@link ImportSink} that stores nothing and prints what would be stored, one line per record,
 * as tab-separated columns: kind, UTC day, identity, tool, model or outcome, the numbers, the id.
 */
final class DryRunSink implements ImportSink {
  private final PrintWriter out;
  private final SourcePrecedence precedence = SourcePrecedence.defaults();
  long usage;
  long outcomes;
  long links;
  long aggregates;

  DryRunSink(PrintWriter out) {
    this.out = out;
    out.println(String.join("\t", "KIND", "DAY", "IDENTITY", "TOOL", "MODEL/OUTCOME", "INPUT", "OUTPUT",
        "CACHE_READ", "CACHE_WRITE", "REQUESTS", "VALUE", "ID"));
  }

  @Override
  public synchronized void accept(List<UsageRecord> records, List<OutcomeRecord> outs) {
    for (UsageRecord r : records) {
      boolean aggregate = precedence.stream(r).isPresent();
      if (aggregate) aggregates++;
      usage++;
      out.println(String.join("\t", aggregate ? "daily" : "usage", day(r.timestamp()), String.valueOf(r.identity()),
          r.tool(), r.model(), Long.toString(r.inputTokens()), Long.toString(r.outputTokens() + r.reasoningTokens()),
          Long.toString(r.cacheReadTokens()), Long.toString(r.cacheWriteTokens()), Integer.toString(r.requests()),
          r.reportedCost() == null ? "" : r.reportedCost().toPlainString(), r.id()));
    }
    for (OutcomeRecord o : outs) {
      outcomes++;
      out.println(String.join("\t", "outcome", day(o.timestamp()), String.valueOf(o.identity()),
          String.valueOf(o.tool()), o.kind().label() + (o.detail() == null ? "" : "/" + o.detail()),
          "", "", "", "", "", Double.toString(o.value()), o.id()));
    }
    out.flush();
  }

  @Override
  public void dayComplete(String stream, LocalDate day, Set<String> ids) {}

  @Override
  public synchronized void identities(List<IdentityLink> l) {
    links += l.size();
  }

  private static String day(java.time.Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
  }
}
