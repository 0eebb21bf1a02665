package io.tokenmaxx.importer;

import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a store keeps so that {@link SourcePrecedence} can be applied where records are stored: the
 * vendors' daily aggregates with their <em>raw</em> numbers (the stored usage records hold the
 * complement), the per-day sums of everything finer, and deletion of what a re-read day no longer
 * has. Durable on return.
 */
public interface ImportAggregateStore {

  /** Keeps these aggregate records' raw numbers, replacing any stored under the same id. */
  void putRaw(Collection<UsageRecord> raw);

  /** The raw aggregate records of one UTC day, by id. */
  List<UsageRecord> raw(LocalDate day);

  /**
   * The usage stored for one UTC day outside the aggregate streams (ids starting with none of
   * {@code aggregatePrefixes}), summed per person, raw identity, model, tool and provider: one
   * record per group, with only those fields and the token counts and requests set.
   */
  List<UsageRecord> finerSums(LocalDate day, Collection<String> aggregatePrefixes);

  /**
   * Deletes the usage and outcome records and raw aggregates whose ids start with
   * {@code dayPrefix} ({@code import:<stream>:<day>:}), timestamped on {@code day}, that are not
   * in {@code keep}; returns how many were deleted.
   */
  long deleteExcept(String dayPrefix, LocalDate day, Set<String> keep);
}
