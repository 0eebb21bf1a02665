package io.tokenmaxx.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tokenmaxx.server.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart as data: the page puts {@link #json()} in a {@code data-chart} attribute and
 * {@code app.js} draws it with ECharts (no inline script, so the CSP needs no exception). The
 * same few kinds everywhere keep the dashboard consistent:
 *
 * <ul>
 *   <li>{@code line}, {@code area} (stacked), {@code bar}, {@code stacked} over categories on x;
 *   <li>{@code hbar}: horizontal bars, one category per row (mixes, rankings).
 * </ul>
 *
 * @param label what the chart shows, for screen readers (the data is also in a table nearby)
 * @param json  the spec: {@code {kind, unit, x, series:[{name, data}]}}
 * @param empty true when there is nothing to draw (pages show an empty state instead)
 * @param height "s", "m" or "l"
 */
public record Chart(String label, String json, boolean empty, String height) {

  /** Units app.js formats axes and tooltips with. */
  public enum Unit { TOKENS, MONEY, COUNT, PERCENT, DAYS, MINUTES }

  /** One named series of values (nulls are gaps). */
  public record Series(String name, List<? extends Number> data) {}

  public static Builder of(String kind, Unit unit, String label) {
    return new Builder(kind, unit, label);
  }

  /** Builds a chart spec. */
  public static final class Builder {
    private final Map<String, Object> spec = new LinkedHashMap<>();
    private final List<Map<String, Object>> series = new ArrayList<>();
    private final String label;
    private String height;

    private Builder(String kind, Unit unit, String label) {
      this.label = label;
      spec.put("kind", kind);
      spec.put("unit", unit.name().toLowerCase(java.util.Locale.ROOT));
    }

    public Builder x(List<String> categories) {
      spec.put("x", categories);
      return this;
    }

    public Builder series(String name, List<? extends Number> data) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", name);
      s.put("data", data);
      series.add(s);
      return this;
    }

    /** Fixed colours per series name (e.g. depth cohorts), in series order. */
    public Builder colors(List<String> colors) {
      spec.put("colors", colors);
      return this;
    }

    /** A horizontal reference line (e.g. the adoption threshold). */
    public Builder mark(String name, double value) {
      spec.put("mark", Map.of("name", name, "value", value));
      return this;
    }

    public Builder height(String h) {
      height = h;
      return this;
    }

    /** Upper bound of the value axis (e.g. 1 for shares). */
    public Builder max(double max) {
      spec.put("max", max);
      return this;
    }

    public Chart build() {
      spec.put("series", series);
      String h = height;
      if (h == null) {
        int n = spec.get("x") instanceof List<?> x ? x.size() : 0;
        h = !"hbar".equals(spec.get("kind")) ? "m" : n <= 4 ? "s" : n <= 9 ? "m" : "l";
      }
      boolean empty = series.isEmpty() || series.stream().allMatch(s -> ((List<?>) s.get("data")).stream()
          .allMatch(v -> v == null || ((Number) v).doubleValue() == 0));
      try {
        return new Chart(label, Json.MAPPER.writeValueAsString(spec), empty, h);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("chart spec is not serializable", e);
      }
    }
  }
}
