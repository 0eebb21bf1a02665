package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;

/** Records without a person: how many, their tokens and effective cost, and distinct identities. */
public record UnattributedTotals(long records, long tokens, BigDecimal cost, long identities) {
  public static final UnattributedTotals NONE = new UnattributedTotals(0, 0, BigDecimal.ZERO, 0);
}
