package io.tokenmaxx.analyze.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Usage of one raw identity whose records have no person (first/last to the hour). */
public record IdentityUsage(String kind, String value, List<String> tools, long records, long tokens,
    BigDecimal cost, Instant firstSeen, Instant lastSeen) {}
