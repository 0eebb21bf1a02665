package io.tokenmaxx.importer;

/**
 * How finely a source describes usage, finest first. A coarser source's number for a
 * person-day-model is reduced by what finer sources already recorded (see {@link SourcePrecedence}).
 */
public enum Granularity {
  /** One record per request, event or session interval: OpenTelemetry, local logs, the ingest API, the gateway, per-event vendor imports. */
  REQUEST,
  /** One record per person, tool, day and model: e.g. the Claude Code Analytics report. */
  PERSON_DAY,
  /** One record per account (API key, workspace, project or user), day and model: the vendors' API usage reports. */
  ACCOUNT_DAY
}
