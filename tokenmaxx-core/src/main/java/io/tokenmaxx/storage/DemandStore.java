package io.tokenmaxx.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Usage read the way capacity planning needs it: summed per model and minute (what flows at the
 * busy minutes, and how many requests are in flight), and the spread of request sizes. Computed by
 * the backend (SQL); {@link ReferenceDemandStore} is the pure-Java reference it must agree with.
 * Ranges are {@code [from, to)}. Models are summed in groups: {@code groups} maps a model name to
 * its group (a class of models); a model not in the map is a group of its own.
 */
public interface DemandStore {

  /** Usage per group and UTC minute, one row for every (group, minute) with a record, ordered by group then minute. */
  List<MinuteUsage> minutes(Instant from, Instant to, Map<String, String> groups);

  /** Request sizes per group, ordered by group. */
  List<RequestSizes> requestSizes(Instant from, Instant to, Map<String, String> groups);

  /** Distinct (model, person) pairs with usage, ordered by model then person; records of no person are left out. */
  List<ModelUser> users(Instant from, Instant to);

  /**
   * One group of models in one minute.
   *
   * @param group           the group (a model name where it is not mapped)
   * @param epochMinute     minutes since 1970-01-01T00:00Z
   * @param promptTokens    uncached input + cache reads + cache writes
   * @param cacheReadTokens prompt tokens served from the prompt cache
   * @param generatedTokens output + reasoning
   * @param requests        model requests
   * @param latencyMillis   sum of latency x requests over the records that report a latency
   * @param timedRequests   requests of the records that report a latency
   */
  record MinuteUsage(String group, long epochMinute, long promptTokens, long cacheReadTokens, long generatedTokens,
      long requests, long latencyMillis, long timedRequests) {}

  /**
   * Percentiles of request sizes for one group of models. A record standing for several requests counts once,
   * at its mean size per request (a record of no request as one); percentiles are continuous
   * (linearly interpolated between ranks).
   *
   * @param group           the group (a model name where it is not mapped)
   * @param records         records counted
   * @param promptP50       median prompt tokens per request
   * @param promptP95       95th percentile
   * @param generatedP50    median generated tokens per request
   * @param generatedP95    95th percentile
   */
  record RequestSizes(String group, long records, double promptP50, double promptP95, double generatedP50,
      double generatedP95) {}

  /** A person who used a model. */
  record ModelUser(String model, String person) {}
}
