package io.tokenmaxx.cli.report;

import io.tokenmaxx.storage.Dimension;

/** The report shapes: by calendar period, by session, by model. */
enum ReportKind {
  DAILY("daily", "Date", "date", Dimension.DAY),
  WEEKLY("weekly", "Week", "week", Dimension.WEEK),
  MONTHLY("monthly", "Month", "month", Dimension.MONTH),
  SESSION("session", "Session", "sessionId", Dimension.SESSION),
  MODELS("models", "Model", "modelName", Dimension.MODEL);

  /** The JSON array's name (ccusage's). */
  final String key;
  /** The first column's heading. */
  final String heading;
  /** The per-row field naming the period as ccusage's per-agent reports do. */
  final String periodField;
  final Dimension dimension;

  ReportKind(String key, String heading, String periodField, Dimension dimension) {
    this.key = key;
    this.heading = heading;
    this.periodField = periodField;
    this.dimension = dimension;
  }

  boolean isTime() {
    return dimension.isTime();
  }
}
