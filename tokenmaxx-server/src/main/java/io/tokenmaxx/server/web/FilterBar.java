package io.tokenmaxx.server.web;

import java.time.LocalDate;
import java.util.List;

/**
 * The filter bar above every analytics page: a date range with presets and drop-downs for
 * department, team, tool and model. A plain GET form, so every filtered view is a shareable URL.
 *
 * @param action      the page's path (the form submits to it)
 * @param from        first day shown
 * @param to          last day shown
 * @param today       today (upper bound of the date inputs)
 * @param presets     quick ranges
 * @param departments department options
 * @param teams       team options
 * @param tools       tool options
 * @param models      model options
 * @param selected    the filter values in the URL
 * @param keep        other query parameters of the page to keep (measure, mode, ...)
 */
public record FilterBar(String action, LocalDate from, LocalDate to, LocalDate today, List<Preset> presets,
    List<Option> departments, List<Option> teams, List<Option> tools, List<Option> models,
    QueryString selected, QueryString keep, boolean datesOnly) {

  /** One choice of a drop-down. */
  public record Option(String value, String label) {}

  /** A quick range: its label and the link that applies it. */
  public record Preset(String label, String href, boolean current) {}

  public String value(String key) {
    String v = selected.get(key);
    return v == null ? "" : v;
  }

  public boolean isSelected(String key, String value) {
    return value.equals(selected.get(key));
  }

  /** The selected value's option, also when the list of options lacks it (kept visible). */
  public List<Option> withSelected(List<Option> options, String key) {
    String v = selected.get(key);
    if (v == null || options.stream().anyMatch(o -> o.value().equals(v))) return options;
    List<Option> out = new java.util.ArrayList<>(options);
    out.add(new Option(v, v));
    return out;
  }

  /** The clear-all link: the page without filters, keeping its own parameters. */
  public String resetHref() {
    return keep.on(action);
  }
}
