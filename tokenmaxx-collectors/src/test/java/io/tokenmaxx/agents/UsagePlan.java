package io.tokenmaxx.agents;

import java.util.List;

/**
 * The usage a stand-in answers with, request after request: a fixed list, repeated with every
 * count raised by {@code step} per round so that no two requests of a capture bill the same (a
 * double count or a lost request then always shows in the sums).
 */
public final class UsagePlan {
  private final List<ServedUsage> list;
  private final long step;
  private int next;

  public UsagePlan(List<ServedUsage> list, long step) {
    if (list.isEmpty()) throw new IllegalArgumentException("a plan needs at least one usage");
    this.list = List.copyOf(list);
    this.step = step;
  }

  public synchronized ServedUsage next() {
    ServedUsage u = list.get(next % list.size());
    long k = step * (next / list.size());
    next++;
    if (k == 0) return u;
    return new ServedUsage(u.input() + k, u.cacheRead() == 0 ? 0 : u.cacheRead() + k,
        u.cacheWrite5m() == 0 ? 0 : u.cacheWrite5m() + k, u.cacheWrite1h() == 0 ? 0 : u.cacheWrite1h() + k,
        u.output() + k, u.reasoning() == 0 ? 0 : u.reasoning() + k, u.breakdown());
  }
}
