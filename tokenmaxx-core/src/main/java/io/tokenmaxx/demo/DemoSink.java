package io.tokenmaxx.demo;

import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;

/** Receives generated records as they are made (generation streams; nothing is held in memory). */
public interface DemoSink {
  void usage(UsageRecord record);

  void outcome(OutcomeRecord record);
}
