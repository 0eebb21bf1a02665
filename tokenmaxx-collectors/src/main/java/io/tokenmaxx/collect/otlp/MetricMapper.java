package io.tokenmaxx.collect.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.tokenmaxx.collect.otlp.MetricCatalog.Family;
import io.tokenmaxx.collect.otlp.MetricCatalog.Kind;
import io.tokenmaxx.collect.otlp.MetricCatalog.Slot;
import io.tokenmaxx.collect.otlp.MetricCatalog.Spec;
import io.tokenmaxx.collect.otlp.OtlpBatch.Scope;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.Sources;
import io.tokenmaxx.model.UsageRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics to records. Token and cost counters of one interval are folded into one usage record per
 * resource, scope, attributes and window; outcome counters become outcome records; cumulative
 * series go through {@link Deltas}.
 */
final class MetricMapper {
  private static final int FLAG_NO_RECORDED_VALUE = 1;

  private final Settings settings;
  private final BatchBuilder out;

  MetricMapper(Settings settings, BatchBuilder out) {
    this.settings = settings;
    this.out = out;
  }

  void map(ExportMetricsServiceRequest request, ItemErrors itemErrors) {
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics rm = request.getResourceMetrics(r);
      ResourceContext rc = new ResourceContext(rm.getResource(), settings.maxValueLength());
      boolean agent = rc.agentTool != null || hasAgentMetric(rm);
      for (int s = 0; s < rm.getScopeMetricsCount(); s++) {
        ScopeMetrics sm = rm.getScopeMetrics(s);
        InstrumentationScope scope = sm.getScope();
        Hasher scopeDigest = rc.digest().copy().put(scope.getName()).put(scope.getVersion());
        Map<String, Object> groups = new LinkedHashMap<>();
        for (int m = 0; m < sm.getMetricsCount(); m++) {
          Metric metric = sm.getMetrics(m);
          Spec spec = MetricCatalog.get(metric.getName());
          if (spec == null || (spec.family() == Family.GEN_AI && agent)) {
            ignoreAll(metric, itemErrors, r, s, m);
          } else {
            mapMetric(spec, metric, rc, scopeDigest, groups, itemErrors, r, s, m);
          }
        }
        flush(groups);
      }
    }
  }

  private static boolean hasAgentMetric(ResourceMetrics rm) {
    for (ScopeMetrics sm : rm.getScopeMetricsList()) {
      for (Metric m : sm.getMetricsList()) {
        if (MetricCatalog.isAgentMetric(m.getName())) return true;
      }
    }
    return false;
  }

  private void ignoreAll(Metric metric, ItemErrors itemErrors, int r, int s, int m) {
    int n = pointCount(metric);
    for (int p = 0; p < n; p++) {
      String error = itemErrors.find(r, s, m, p);
      if (error != null) {
        out.reject(error);
      } else {
        out.ignore(1);
      }
    }
  }

  static int pointCount(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }

  private void mapMetric(Spec spec, Metric metric, ResourceContext rc, Hasher scopeDigest,
      Map<String, Object> groups, ItemErrors itemErrors, int r, int s, int m) {
    String name = metric.getName();
    int n = pointCount(metric);
    String shapeError = shapeError(spec, metric);
    if (shapeError != null) {
      if (n == 0) return;
      out.reject(n, "metric '" + name + "': " + shapeError);
      return;
    }
    AggregationTemporality temporality = switch (metric.getDataCase()) {
      case SUM -> metric.getSum().getAggregationTemporality();
      case HISTOGRAM -> metric.getHistogram().getAggregationTemporality();
      default -> metric.getExponentialHistogram().getAggregationTemporality();
    };
    if (temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA
        && temporality != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE) {
      if (n > 0) {
        out.reject(n, "metric '" + name + "': aggregation_temporality is "
            + temporality.getNumber() + ", expected 1 (delta) or 2 (cumulative)");
      }
      return;
    }
    boolean cumulative = temporality == AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE;
    Hasher metricDigest = cumulative ? scopeDigest.copy().put(name) : null;
    for (int p = 0; p < n; p++) {
      String error = itemErrors.find(r, s, m, p);
      if (error != null) {
        out.reject(error);
        continue;
      }
      Point point = point(metric, p);
      if ((point.flags & FLAG_NO_RECORDED_VALUE) != 0) {
        out.ignore(1);
        continue;
      }
      try {
        mapPoint(spec, point, rc, scopeDigest, metricDigest, groups);
      } catch (Rejected e) {
        out.reject("metric '" + name + "' data point " + p + ": " + e.getMessage());
      }
    }
  }

  private static String shapeError(Spec spec, Metric metric) {
    var type = metric.getDataCase();
    if (spec.wantsHistogram()) {
      return type == Metric.DataCase.HISTOGRAM || type == Metric.DataCase.EXPONENTIAL_HISTOGRAM
          ? null : "expected a histogram, was " + describe(type);
    }
    return type == Metric.DataCase.SUM ? null : "expected a sum (counter), was " + describe(type);
  }

  private static String describe(Metric.DataCase type) {
    return switch (type) {
      case GAUGE -> "a gauge";
      case SUM -> "a sum";
      case HISTOGRAM -> "a histogram";
      case EXPONENTIAL_HISTOGRAM -> "an exponential histogram";
      case SUMMARY -> "a summary";
      case DATA_NOT_SET -> "empty";
    };
  }

  /** One data point, whatever its type: attributes, window, value (or sum) and count. */
  private record Point(List<KeyValue> attributes, long start, long time, double value, long count,
      int flags, boolean hasValue) {}

  private static Point point(Metric metric, int p) {
    switch (metric.getDataCase()) {
      case SUM -> {
        NumberDataPoint d = metric.getSum().getDataPoints(p);
        boolean has = d.getValueCase() != NumberDataPoint.ValueCase.VALUE_NOT_SET;
        double v = d.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? d.getAsInt()
            : d.getAsDouble();
        return new Point(d.getAttributesList(), d.getStartTimeUnixNano(), d.getTimeUnixNano(), v,
            0, d.getFlags(), has);
      }
      case HISTOGRAM -> {
        HistogramDataPoint d = metric.getHistogram().getDataPoints(p);
        return new Point(d.getAttributesList(), d.getStartTimeUnixNano(), d.getTimeUnixNano(),
            d.getSum(), d.getCount(), d.getFlags(), d.hasSum());
      }
      default -> {
        ExponentialHistogramDataPoint d = metric.getExponentialHistogram().getDataPoints(p);
        return new Point(d.getAttributesList(), d.getStartTimeUnixNano(), d.getTimeUnixNano(),
            d.getSum(), d.getCount(), d.getFlags(), d.hasSum());
      }
    }
  }

  private void mapPoint(Spec spec, Point point, ResourceContext rc, Hasher scopeDigest,
      Hasher metricDigest, Map<String, Object> groups) {
    if (!point.hasValue) {
      throw new Rejected(spec.wantsHistogram() ? "histogram point has no sum" : "no value");
    }
    if (!Double.isFinite(point.value)) throw new Rejected("value is not finite (" + point.value
        + ")");
    if (point.value < 0) throw new Rejected("value must not be negative, was " + point.value);
    if (point.value > Attrs.MAX_COUNT) {
      throw Attrs.tooLarge("value", Double.toString(point.value));
    }
    if (point.count < 0) throw new Rejected("count overflows a signed 64-bit count");
    Attrs attrs = new Attrs(point.attributes, rc.attrs, settings.maxValueLength());
    Instant time = Times.fromNanos(point.time, "time_unix_nano", settings.clock());
    if (spec.kind() == Kind.OUTCOME) {
      mapOutcome(spec, point, attrs, rc, scopeDigest, metricDigest, time);
      return;
    }
    Slot slot = null;
    if (spec.kind() != Kind.COST) {
      String type = attrs.requiredString(spec.typeAttribute());
      slot = spec.slots().get(type);
      if (slot == null) {
        throw new Rejected("attribute '" + spec.typeAttribute() + "' is '" + type
            + "', expected one of " + spec.expectedTypes());
      }
    }
    String groupId = RecordIds.METRIC_USAGE_PREFIX + scopeDigest.copy()
        .put(spec.family().name())
        .putAttributes(point.attributes, spec.typeAttribute())
        .putLong(point.start).putLong(point.time).hex();
    Object g = groups.get(groupId);
    if (g instanceof String failed) throw new Rejected(failed);
    UsageGroup group = (UsageGroup) g;
    if (group == null) {
      try {
        group = newGroup(groupId, spec.family(), attrs, rc, time);
      } catch (Rejected e) {
        groups.put(groupId, e.getMessage());
        throw e;
      }
      groups.put(groupId, group);
    }
    Delta delta = delta(metricDigest, point);
    switch (spec.kind()) {
      case COST -> group.addCost(delta);
      case TOKENS -> group.addTokens(slot, delta, spec.name());
      case TOKEN_HISTOGRAM -> {
        group.addTokens(slot, delta, spec.name());
        if (slot == Slot.INPUT && delta != null) group.addRequests(delta.count());
      }
      case OUTCOME -> throw new IllegalStateException();
    }
    group.points++;
  }

  private Delta delta(Hasher metricDigest, Point point) {
    if (metricDigest == null) return new Delta(point.value, 0, point.count);
    SeriesKey key = metricDigest.copy().putAttributes(point.attributes, null).putLong(point.start)
        .key();
    return settings.deltas().cumulative(key, point.start, point.time, point.value, point.count,
        out);
  }

  private UsageGroup newGroup(String id, Family family, Attrs attrs, ResourceContext rc,
      Instant time) {
    String model;
    String provider;
    String session;
    String project = null;
    if (family == Family.GEN_AI) {
      model = attrs.string("gen_ai.response.model");
      if (model == null) model = attrs.string("gen_ai.request.model");
      String p = attrs.string("gen_ai.provider.name");
      provider = Providers.normalize(p != null ? p : attrs.string("gen_ai.system"));
      session = null;
      project = rc.serviceName;
    } else {
      model = attrs.string("model");
      provider = family.provider;
      session = attrs.string("session.id");
    }
    List<RawIdentity> ids = Identities.of(attrs);
    out.observe(ids, rc.orgAttributes);
    return new UsageGroup(id, family, time, model, provider, session, project, ids);
  }

  private void mapOutcome(Spec spec, Point point, Attrs attrs, ResourceContext rc,
      Hasher scopeDigest, Hasher metricDigest, Instant time) {
    OutcomeKind kind = spec.defaultOutcome();
    if (spec.typeAttribute() != null) {
      String type = kind == null ? attrs.requiredString(spec.typeAttribute())
          : attrs.string(spec.typeAttribute());
      if (type != null) {
        kind = spec.outcomes().get(type);
        if (kind == null) {
          throw new Rejected("attribute '" + spec.typeAttribute() + "' is '" + type
              + "', expected one of " + spec.expectedTypes());
        }
      }
    }
    String detail = null;
    for (String a : spec.detailAttributes()) {
      String v = attrs.string(a);
      if (v != null) detail = detail == null ? v : detail + "/" + v;
    }
    String session = attrs.string("session.id");
    List<RawIdentity> ids = Identities.of(attrs);
    Delta delta = delta(metricDigest, point);
    OutcomeRecord record = null;
    if (delta != null && delta.value() > 0) {
      String id = RecordIds.OUTCOME_PREFIX + scopeDigest.copy().put(spec.name())
          .putAttributes(point.attributes, null).putLong(point.start).putLong(point.time).hex();
      record = Rejected.unlessUnstorable(new OutcomeRecord(id, time, Sources.OTLP,
          spec.family().tool, kind, delta.value(), null, ids.isEmpty() ? null : ids.get(0), session,
          null, detail));
    }
    out.accept(1);
    out.observe(ids, rc.orgAttributes);
    if (record != null) out.outcomes.add(record);
  }

  private void flush(Map<String, Object> groups) {
    for (Object g : groups.values()) {
      if (!(g instanceof UsageGroup group)) continue;
      UsageRecord record;
      try {
        record = group.toRecord();
        if (record != null) Rejected.unlessUnstorable(record);
      } catch (RuntimeException e) {
        out.reject(group.points, "metric usage record " + group.id + ": " + e.getMessage());
        continue;
      }
      Scope scope = group.scope();
      if (record == null) {
        out.accept(group.points);
      } else if (scope != null && settings.sessions().isLogged(scope.tool(), scope.indexKey())) {
        out.suppress(group.points);
      } else {
        out.usage.add(record);
        out.accept(group.points);
        if (scope != null) out.metricScope(scope);
      }
    }
  }
}
