package io.tokenmaxx.collect.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;

/**
 * The fields of one log record that {@link LogMapper} reads, filled from a parsed message (OTLP/JSON)
 * or straight from protobuf bytes ({@link LogsWire}, which reuses one item for every record).
 */
final class LogItem {
  long timeUnixNano;
  long observedTimeUnixNano;
  /** The record's {@code event_name} field; empty when absent. */
  String eventName = "";
  /** The body when it is a string value; null for any other body. */
  String body;
  final Attrs attrs;

  LogItem(Attrs attrs) {
    this.attrs = attrs;
  }

  /** Clears the item for the next record, whose attributes fall back to {@code resource}. */
  void reset(Attrs resource) {
    timeUnixNano = 0;
    observedTimeUnixNano = 0;
    eventName = "";
    body = null;
    attrs.reset(resource);
  }

  static LogItem of(LogRecord record, Attrs resource, int maxLength) {
    LogItem item = new LogItem(new Attrs(record.getAttributesList(), resource, maxLength));
    item.timeUnixNano = record.getTimeUnixNano();
    item.observedTimeUnixNano = record.getObservedTimeUnixNano();
    item.eventName = record.getEventName();
    AnyValue body = record.getBody();
    item.body = body.getValueCase() == AnyValue.ValueCase.STRING_VALUE ? body.getStringValue()
        : null;
    return item;
  }
}
