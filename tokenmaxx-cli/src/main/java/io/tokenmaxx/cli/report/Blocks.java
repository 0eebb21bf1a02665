package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.UsageTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Usage in billing blocks, the windows Claude subscriptions are limited by: a block starts at the
 * hour (UTC) of its first request and lasts {@code length} (5 hours); a request after the block's
 * end, or more than {@code length} after the previous request, starts the next block; a pause
 * longer than {@code length} is shown as a gap block from the last request plus {@code length} to
 * the next request. A block is active while {@code now} is before its end and within
 * {@code length} of its last request. The rules are ccusage's, so blocks match {@code ccusage blocks}.
 */
final class Blocks {
  static final long FIVE_HOURS = 5 * 3_600_000L;

  private Blocks() {}

  /** One block (or gap). Times are epoch milliseconds; {@code last} is the last request's time. */
  static final class Block {
    final long start;
    final long end;
    final boolean gap;
    final boolean active;
    final long last;
    final Sums sums = new Sums();
    final Set<String> models = new LinkedHashSet<>();
    final Set<String> tools = new java.util.TreeSet<>();

    Block(long start, long end, boolean gap, boolean active, long last) {
      this.start = start;
      this.end = end;
      this.gap = gap;
      this.active = active;
      this.last = last;
    }

    /** All tokens, as ccusage counts a block's total (reasoning inside output). */
    long totalTokens() {
      return sums.total();
    }

    /** Input and output tokens: what ccusage's burn-rate indicator counts. */
    long inputOutputTokens() {
      return sums.input + sums.ccOutput();
    }

    /** Minutes from the first to the last request; 0 when they coincide (no rate then). */
    double minutes() {
      return sums.records == 0 ? 0 : (sums.last - sums.first) / 60_000d;
    }

    /** Tokens per minute over the block's requests, or NaN when there is no rate. */
    double tokensPerMinute() {
      double m = minutes();
      return gap || m <= 0 ? Double.NaN : totalTokens() / m;
    }

    double indicatorTokensPerMinute() {
      double m = minutes();
      return gap || m <= 0 ? Double.NaN : inputOutputTokens() / m;
    }

    /** Cost per hour over the block's requests, or null when there is no rate. */
    BigDecimal costPerHour() {
      double m = minutes();
      if (gap || m <= 0) return null;
      return sums.cost().multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(m), MathContext.DECIMAL64);
    }

    /**
     * Whole minutes left until the block's end at {@code now} (not below zero; rounded, as the
     * projection uses them, so that it agrees with ccusage's).
     */
    long remainingMinutes(long now) {
      return Math.round(Math.max(0, (end - now) / 60_000d));
    }

    /** Tokens at the block's end if the current rate holds; -1 when it is not active or has no rate. */
    long projectedTokens(long now) {
      double rate = tokensPerMinute();
      if (!active || Double.isNaN(rate)) return -1;
      return Math.round(totalTokens() + rate * remainingMinutes(now));
    }

    /** Cost at the block's end if the current rate holds, in cents; null when there is no projection. */
    BigDecimal projectedCost(long now) {
      BigDecimal perHour = costPerHour();
      if (!active || perHour == null) return null;
      BigDecimal more = perHour.multiply(BigDecimal.valueOf(remainingMinutes(now)))
          .divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
      return sums.cost().add(more).setScale(2, RoundingMode.HALF_UP);
    }
  }

  /**
   * The blocks of the rows of {@code t}, oldest first, gaps included; costs on {@code basis}.
   *
   * @param lengthMillis the block length (5 hours for Claude's limits)
   * @param now          the current time, for the active block
   */
  static List<Block> of(UsageTable t, long lengthMillis, long now, CostBasis basis) {
    int n = t.size();
    Integer[] order = new Integer[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      // prompts and failed requests carry no tokens: they neither open nor extend a block
      if (t.inputTokens(i) + t.outputTokens(i) + t.cacheReadTokens(i) + t.cacheWrite5mTokens(i)
          + t.cacheWrite1hTokens(i) + t.reasoningTokens(i) > 0) {
        order[kept++] = i;
      }
    }
    order = Arrays.copyOf(order, kept);
    Arrays.sort(order, (a, b) -> Long.compare(t.timestampMillis(a), t.timestampMillis(b)));
    List<Block> out = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      long first = t.timestampMillis(order[from]);
      long start = Math.floorDiv(first, 3_600_000L) * 3_600_000L;
      int to = from + 1;
      long last = first;
      while (to < order.length) {
        long ts = t.timestampMillis(order[to]);
        if (ts - start > lengthMillis || ts - last > lengthMillis) break;
        last = ts;
        to++;
      }
      long end = start + lengthMillis;
      Block b = new Block(start, end, false, now - last < lengthMillis && now < end, last);
      for (int k = from; k < to; k++) {
        int i = order[k];
        b.sums.add(t, i, basis);
        String m = t.string(t.modelId(i));
        if (m != null) b.models.add(m);
        b.tools.add(t.string(t.toolId(i)));
      }
      out.add(b);
      if (to < order.length) {
        long next = t.timestampMillis(order[to]);
        if (next - last > lengthMillis) out.add(new Block(last + lengthMillis, next, true, false, -1));
      }
      from = to;
    }
    return out;
  }

  /** The largest total of a finished (not active, not gap) block: {@code --token-limit max}. */
  static long maxTotal(List<Block> blocks) {
    long max = 0;
    for (Block b : blocks) if (!b.gap && !b.active) max = Math.max(max, b.totalTokens());
    return max;
  }
}
