package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A store for import tests: records by id (replacing), day replacement by prefix, identity links; can be made to fail. */
final class MemoryImportStore implements ImportSink {
  final Map<String, UsageRecord> usage = new ConcurrentHashMap<>();
  final Map<String, OutcomeRecord> outcomes = new ConcurrentHashMap<>();
  final List<IdentityLink> links = java.util.Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger accepts = new AtomicInteger();
  volatile int failAfterAccepts = Integer.MAX_VALUE;

  @Override
  public void accept(List<UsageRecord> u, List<OutcomeRecord> o) {
    if (accepts.incrementAndGet() > failAfterAccepts) throw new IllegalStateException("store unavailable");
    for (UsageRecord r : u) usage.put(r.id(), r);
    for (OutcomeRecord r : o) outcomes.put(r.id(), r);
  }

  @Override
  public void dayComplete(String stream, LocalDate day, Set<String> ids) {
    String prefix = ImportIds.prefix(stream, day);
    usage.keySet().removeIf(id -> id.startsWith(prefix) && !ids.contains(id));
    outcomes.keySet().removeIf(id -> id.startsWith(prefix) && !ids.contains(id));
  }

  @Override
  public void identities(List<IdentityLink> l) {
    links.addAll(l);
  }

  /** Token sums per identity-day-model, in the stand-ins' {@link Served} form. */
  Map<Served.Key, Served.Tokens> usageTotals() {
    Map<Served.Key, Served.Tokens> out = new TreeMap<>();
    for (UsageRecord r : usage.values()) {
      out.merge(Served.Key.of(r), Served.Tokens.of(r), Served.Tokens::plus);
    }
    return out;
  }

  Map<Served.Key, Double> outcomeTotals() {
    Map<Served.Key, Double> out = new TreeMap<>();
    for (OutcomeRecord r : outcomes.values()) {
      out.merge(new Served.Key(String.valueOf(r.identity()), LocalDate.ofInstant(r.timestamp(), java.time.ZoneOffset.UTC),
          r.kind().label() + (r.detail() == null ? "" : "/" + r.detail())), r.value(), Double::sum);
    }
    return out;
  }
}
