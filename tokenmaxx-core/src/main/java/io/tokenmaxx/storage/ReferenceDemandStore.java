package io.tokenmaxx.storage;

import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@link DemandStore} over records in memory: the reference the SQL backends are tested against. */
public final class ReferenceDemandStore implements DemandStore {
  private final List<UsageRecord> records;

  public ReferenceDemandStore(List<UsageRecord> records) {
    this.records = List.copyOf(records);
  }

  private List<UsageRecord> in(Instant from, Instant to) {
    return records.stream().filter(r -> !r.timestamp().isBefore(from) && r.timestamp().isBefore(to)).toList();
  }

  @Override
  public List<MinuteUsage> minutes(Instant from, Instant to, Map<String, String> groups) {
    Map<String, Map<Long, long[]>> sums = new TreeMap<>(Comparator.naturalOrder());
    for (UsageRecord r : in(from, to)) {
      long minute = Math.floorDiv(r.timestamp().getEpochSecond(), 60);
      long[] s = sums.computeIfAbsent(groups.getOrDefault(r.model(), r.model()), m -> new TreeMap<>()).computeIfAbsent(minute, m -> new long[6]);
      s[0] += r.promptTokens();
      s[1] += r.cacheReadTokens();
      s[2] += r.generatedTokens();
      s[3] += r.requests();
      if (r.latencyMs() != null) {
        s[4] += r.latencyMs() * r.requests();
        s[5] += r.requests();
      }
    }
    List<MinuteUsage> out = new ArrayList<>();
    sums.forEach((model, byMinute) -> byMinute.forEach((minute, s) ->
        out.add(new MinuteUsage(model, minute, s[0], s[1], s[2], s[3], s[4], s[5]))));
    return out;
  }

  @Override
  public List<RequestSizes> requestSizes(Instant from, Instant to, Map<String, String> groups) {
    Map<String, List<UsageRecord>> byModel = new TreeMap<>();
    for (UsageRecord r : in(from, to)) {
      byModel.computeIfAbsent(groups.getOrDefault(r.model(), r.model()), m -> new ArrayList<>()).add(r);
    }
    List<RequestSizes> out = new ArrayList<>();
    byModel.forEach((model, rs) -> {
      double[] prompt = rs.stream().mapToDouble(r -> (double) r.promptTokens() / Math.max(1, r.requests())).sorted().toArray();
      double[] generated = rs.stream().mapToDouble(r -> (double) r.generatedTokens() / Math.max(1, r.requests())).sorted().toArray();
      out.add(new RequestSizes(model, rs.size(), percentile(prompt, 0.5), percentile(prompt, 0.95),
          percentile(generated, 0.5), percentile(generated, 0.95)));
    });
    return out;
  }

  @Override
  public List<ModelUser> users(Instant from, Instant to) {
    TreeSet<String> pairs = new TreeSet<>();
    List<ModelUser> out = new ArrayList<>();
    for (UsageRecord r : in(from, to)) {
      if (r.person() != null && pairs.add(r.model() + '\u0000' + r.person())) out.add(new ModelUser(r.model(), r.person()));
    }
    out.sort(Comparator.comparing(ModelUser::model).thenComparing(ModelUser::person));
    return out;
  }

  /** Continuous percentile of sorted values: linear between the ranks around (n - 1) p. */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return 0;
    double pos = (sorted.length - 1) * p;
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }
}
