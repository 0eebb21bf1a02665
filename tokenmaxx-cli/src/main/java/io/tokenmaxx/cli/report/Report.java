package io.tokenmaxx.cli.report;

import io.tokenmaxx.analyze.CostBasis;
import io.tokenmaxx.collect.local.ScanStats;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A computed report: rows in order, their totals, and what the scan saw. */
record Report(ReportKind kind, ReportOptions.By by, List<Row> rows, Sums totals,
    Set<String> unpricedModels, ZoneId zone, CostBasis basis, ScanStats stats) {}
