package io.tokenmaxx.importer;

import io.tokenmaxx.model.UsageRecord;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A vendor report whose records are daily aggregates, and which finer records its numbers may
 * already contain. Its records' ids start with {@link #idPrefix()}.
 *
 * @param name          stream name, e.g. {@code anthropic.claude-code}
 * @param granularity   {@link Granularity#PERSON_DAY} or {@link Granularity#ACCOUNT_DAY}
 * @param tool          only records of this tool can be part of this report's numbers; null: any tool
 * @param provider      only records of this model provider (or of an unknown one); null: any provider
 * @param excludedTools tools whose usage the vendor never sees in this report (clients that bill
 *                      their own model traffic, like Cursor or GitHub Copilot)
 */
public record AggregateStream(String name, Granularity granularity, String tool, String provider,
    Set<String> excludedTools) {

  /** Prefix of every record id made by imports: {@code import:<stream>:<yyyy-mm-dd>:...}. */
  public static final String ID_PREFIX = "import:";

  public AggregateStream {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(granularity, "granularity");
    if (granularity == Granularity.REQUEST) {
      throw new IllegalArgumentException("aggregate stream " + name + " cannot have request granularity");
    }
    if (name.isBlank() || name.contains(":")) throw new IllegalArgumentException("bad stream name '" + name + "'");
    excludedTools = Set.copyOf(excludedTools);
  }

  public String idPrefix() {
    return ID_PREFIX + name + ":";
  }

  /** Whether {@code r}'s usage can be part of this report's numbers (same key assumed). */
  public boolean covers(UsageRecord r) {
    if (excludedTools.contains(r.tool())) return false;
    if (tool != null && !tool.equals(r.tool())) return false;
    return provider == null || r.provider() == null
        || provider.equals(r.provider().toLowerCase(Locale.ROOT));
  }
}
