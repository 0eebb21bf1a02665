package io.tokenmaxx.server.plan;

import io.tokenmaxx.server.web.WebRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Capacity &amp; TCO page's what-if form: the values as typed (to show them again) and the
 * {@link PlanRequest} they make. Shares are typed in percent. A value that cannot be read is an
 * error naming the field, with the other fields kept.
 *
 * @param values  every field as typed, by name
 * @param classes per recorded class: the self-hosted model, API and peak as typed
 */
public record PlanForm(Map<String, String> values, List<ClassRow> classes) {

  /** One class's what-if fields. */
  public record ClassRow(String name, String label, String model, String api, String peak, String recordedPeak) {
    public String modelField() {
      return "model." + name;
    }

    public String apiField() {
      return "api." + name;
    }

    public String peakField() {
      return "peak." + name;
    }
  }

  static final List<String> FIELDS = List.of("days", "scale", "growth", "gpu", "precision", "tp", "headroom", "size",
      "ttft", "itl", "gpuPrice", "rent", "energy", "apiPrice", "years", "horizon", "focus");

  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  public boolean is(String name, String option) {
    return value(name).equalsIgnoreCase(option);
  }

  /** The form as the request sent it. */
  static Map<String, String> read(WebRequest w) {
    Map<String, String> v = new LinkedHashMap<>();
    for (String f : FIELDS) w.param(f).ifPresent(x -> v.put(f, x));
    w.query().values().forEach((k, x) -> {
      if ((k.startsWith("model.") || k.startsWith("api.") || k.startsWith("peak.")) && !x.isBlank()) v.put(k, x.strip());
    });
    return v;
  }

  /** The days of the recorded window. */
  static int days(Map<String, String> v) {
    return integer(v, "days", "Days").orElse(DemandProfiler.DEFAULT_DAYS);
  }

  /** The request the form describes, for the classes that were recorded. */
  static PlanRequest request(Map<String, String> v, List<String> classNames) {
    Map<String, PlanRequest.ClassChoice> classes = new LinkedHashMap<>();
    for (String c : classNames) {
      String model = v.get("model." + c);
      String api = v.get("api." + c);
      Double peak = number(v, "peak." + c, "Peak output tokens/s of " + c, Function.identity()).orElse(null);
      if (model != null || api != null || peak != null) classes.put(c, new PlanRequest.ClassChoice(model, api, peak, null));
    }
    return new PlanRequest(days(v), null, number(v, "scale", "Traffic x", Function.identity()).orElse(null),
        number(v, "growth", "Growth per month", p -> p / 100).orElse(null), classes, v.get("gpu"), v.get("precision"),
        integer(v, "tp", "GPUs per replica").orElse(null), null,
        number(v, "headroom", "Headroom", p -> p / 100).orElse(null), v.get("size"),
        number(v, "ttft", "TTFT target", Function.identity()).orElse(null),
        number(v, "itl", "ITL target", Function.identity()).orElse(null), null,
        money(v, "gpuPrice", "GPU price"), money(v, "rent", "Rent per GPU-hour"), money(v, "energy", "Energy per kWh"),
        number(v, "years", "Amortization years", Function.identity()).orElse(null), null,
        number(v, "apiPrice", "API price", p -> p / 100).orElse(null),
        integer(v, "horizon", "Horizon").orElse(null));
  }

  private static Optional<Double> number(Map<String, String> v, String field, String label, Function<Double, Double> f) {
    String s = v.get(field);
    if (s == null || s.isBlank()) return Optional.empty();
    try {
      double d = Double.parseDouble(s.strip().replace(",", "").replace("%", "").replace("$", ""));
      if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
      return Optional.of(f.apply(d));
    } catch (NumberFormatException e) {
      throw new PlanInputException(field, label + ": '" + s + "' is not a number");
    }
  }

  private static Optional<Integer> integer(Map<String, String> v, String field, String label) {
    String s = v.get(field);
    if (s == null || s.isBlank()) return Optional.empty();
    try {
      return Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      throw new PlanInputException(field, label + ": '" + s + "' is not a whole number");
    }
  }

  private static BigDecimal money(Map<String, String> v, String field, String label) {
    return number(v, field, label, Function.identity()).map(BigDecimal::valueOf).orElse(null);
  }

  /** The form to show: what was typed, else what the plan used (so every field shows a value). */
  static PlanForm of(Map<String, String> typed, RecordedDemand recorded) {
    Map<String, String> v = new LinkedHashMap<>(typed);
    v.putIfAbsent("days", String.valueOf(recorded.days()));
    v.putIfAbsent("gpu", PlanEngine.DEFAULT_GPU);
    v.putIfAbsent("precision", "fp8");
    v.putIfAbsent("headroom", "20");
    v.putIfAbsent("size", "peak");
    v.putIfAbsent("horizon", "36");
    v.putIfAbsent("apiPrice", "100");
    v.putIfAbsent("scale", "1");
    v.putIfAbsent("tp", "0");
    List<ClassRow> rows = new ArrayList<>();
    for (ClassDemand c : recorded.classes()) {
      rows.add(new ClassRow(c.modelClass(), c.label(), v.getOrDefault("model." + c.modelClass(), c.demand().model()),
          v.getOrDefault("api." + c.modelClass(), c.demand().apiModel()), v.getOrDefault("peak." + c.modelClass(), ""),
          String.format(Locale.ROOT, "%.0f", c.demand().outputTokensPerSecond().peak())));
    }
    return new PlanForm(v, rows);
  }
}
