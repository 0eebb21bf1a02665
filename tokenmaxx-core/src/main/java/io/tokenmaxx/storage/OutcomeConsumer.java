package io.tokenmaxx.storage;

import io.tokenmaxx.model.OutcomeRecord;
import java.util.List;

/** Takes outcome records into storage; idempotent on {@link OutcomeRecord#id()}, durable on return. */
public interface OutcomeConsumer {
  void accept(List<OutcomeRecord> records);
}
