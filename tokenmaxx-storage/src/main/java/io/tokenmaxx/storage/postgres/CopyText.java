package io.tokenmaxx.storage.postgres;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Rows in COPY's text format: tab-separated, {@code \N} for null, backslash escapes for tab,
 * newline, carriage return and backslash. One builder is reused per batch.
 */
final class CopyText {
  private final StringBuilder sb = new StringBuilder(1 << 16);

  void usage(UsageRecord r) {
    text(r.id());
    time(r.timestamp());
    text(r.source());
    text(r.tool());
    text(r.provider());
    text(r.model());
    text(r.person());
    identity(r.identity());
    text(r.sessionId());
    text(r.project());
    number(r.inputTokens());
    number(r.outputTokens());
    number(r.cacheReadTokens());
    number(r.cacheWrite5mTokens());
    number(r.cacheWrite1hTokens());
    number(r.reasoningTokens());
    number(r.requests());
    cost(r.reportedCost());
    cost(r.computedCost());
    text(r.priceRef());
    if (r.latencyMs() == null) nul(); else number(r.latencyMs());
    text(r.status());
    text(r.promptHash());
    endRow();
  }

  void outcome(OutcomeRecord r) {
    text(r.id());
    time(r.timestamp());
    text(r.source());
    text(r.tool());
    text(r.kind().label());
    field().append(Double.toString(r.value()));
    text(r.person());
    identity(r.identity());
    text(r.sessionId());
    text(r.project());
    text(r.detail());
    endRow();
  }

  int length() {
    return sb.length();
  }

  /** The rows so far as UTF-8, and starts over. */
  byte[] drain() {
    byte[] out = sb.toString().getBytes(StandardCharsets.UTF_8);
    sb.setLength(0);
    return out;
  }

  private boolean rowStart = true;

  private StringBuilder field() {
    if (!rowStart) sb.append('\t');
    rowStart = false;
    return sb;
  }

  private void endRow() {
    sb.append('\n');
    rowStart = true;
  }

  private void nul() {
    field().append("\\N");
  }

  private void number(long v) {
    field().append(v);
  }

  private void cost(BigDecimal c) {
    if (c == null) nul(); else field().append(c.toPlainString());
  }

  /** {@code ts} in whole microseconds (ISO 8601, UTC) and {@code ts_nanos}, the rest. */
  private void time(Instant t) {
    int sub = t.getNano() % 1000;
    field().append(t.minusNanos(sub));
    field().append(sub);
  }

  private void identity(RawIdentity id) {
    if (id == null) {
      nul();
      nul();
    } else {
      text(id.kind().label());
      text(id.value());
    }
  }

  private void text(String s) {
    if (s == null) {
      nul();
      return;
    }
    StringBuilder b = field();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
  }
}
