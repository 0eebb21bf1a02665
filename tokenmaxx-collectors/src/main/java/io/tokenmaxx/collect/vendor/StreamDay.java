package io.tokenmaxx.collect.vendor;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stream's day being pulled: forwards records to the sink page by page, remembers their ids,
 * and tells the sink the day's full set once every page was read. Duplicate ids within a day (a
 * vendor repeating a row across pages) are dropped.
 */
final class StreamDay {
  private final ImportSink sink;
  private final String stream;
  private final LocalDate day;
  private final Set<String> ids = new HashSet<>();

  StreamDay(ImportSink sink, String stream, LocalDate day) {
    this.sink = sink;
    this.stream = stream;
    this.day = day;
  }

  void accept(List<UsageRecord> usage, List<OutcomeRecord> outcomes) {
    List<UsageRecord> u = usage.stream().filter(r -> check(r.id())).toList();
    List<OutcomeRecord> o = outcomes.stream().filter(r -> check(r.id())).toList();
    if (!u.isEmpty() || !o.isEmpty()) sink.accept(u, o);
  }

  private boolean check(String id) {
    if (!id.startsWith(ImportIds.prefix(stream, day))) {
      throw new IllegalStateException("record " + id + " is not of " + stream + " on " + day);
    }
    return ids.add(id);
  }

  /** Records of this day so far. */
  int count() {
    return ids.size();
  }

  void complete() {
    sink.dayComplete(stream, day, Set.copyOf(ids));
  }
}
