package io.tokenmaxx.storage;

import io.tokenmaxx.component.Component;

/**
 * A storage backend: where records go in ({@link #usageConsumer()}, {@link #outcomeConsumer()})
 * and how they are read ({@link #usageStore()}). Backends are built with their own builders and do
 * no I/O until first used or {@link #check()}ed.
 */
public interface StorageComponent extends Component {

  UsageConsumer usageConsumer();

  OutcomeConsumer outcomeConsumer();

  UsageStore usageStore();
}
