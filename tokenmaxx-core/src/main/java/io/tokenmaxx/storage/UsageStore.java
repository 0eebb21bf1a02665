package io.tokenmaxx.storage;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.util.List;

/**
 * Reads what a {@link StorageComponent} holds. Aggregations are computed by the backend (SQL);
 * {@link io.tokenmaxx.analyze.UsageAggregator} is the pure-Java reference they must agree with.
 */
public interface UsageStore {

  /** Sums usage matching the query's filters, grouped by its dimensions, ordered by the group key. */
  List<UsageAggregate> aggregate(UsageQuery query);

  /** Raw usage records matching the filters, newest first, at most {@code limit}. */
  List<UsageRecord> records(UsageQuery query, int limit);

  /** Raw outcome records matching the filters (time range, person, tool, project), newest first. */
  List<OutcomeRecord> outcomes(UsageQuery query, int limit);

  /** Number of stored usage records (distinct ids). */
  long countUsage();

  /** Number of stored outcome records (distinct ids). */
  long countOutcomes();
}
