package io.tokenmaxx.collect.vendor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records the waits asked for instead of sleeping. */
final class RecordingSleeper implements Sleeper {
  final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void sleep(Duration d) {
    waits.add(d);
  }
}
