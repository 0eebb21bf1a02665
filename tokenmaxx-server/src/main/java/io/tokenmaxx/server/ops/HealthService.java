package io.tokenmaxx.server.ops;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.tokenmaxx.component.CheckResult;
import io.tokenmaxx.component.Component;
import io.tokenmaxx.server.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: 200 when every component's {@code check()} passes, else 503 with why. It is
 * public (load balancers call it without a token), so file paths in the components' descriptions
 * and messages are shortened to their file names.
 */
public final class HealthService implements HttpService {
  private final List<? extends Component> components;
  private final Map<String, java.util.function.Supplier<Object>> sections;

  public HealthService(List<? extends Component> components) {
    this(components, Map.of());
  }

  /** @param sections named details shown beside the checks that do not decide the status (e.g. import sources) */
  public HealthService(List<? extends Component> components, Map<String, java.util.function.Supplier<Object>> sections) {
    this.components = List.copyOf(components);
    this.sections = Map.copyOf(sections);
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/health", this::health);
  }

  private void health(ServerRequest req, ServerResponse res) {
    boolean ok = true;
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Component c : components) {
      CheckResult r;
      try {
        r = c.check();
      } catch (RuntimeException e) {
        r = CheckResult.failed(c.getClass().getSimpleName(), e);
      }
      ok &= r.ok();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("component", withoutPaths(r.component()));
      m.put("status", r.ok() ? "UP" : "DOWN");
      if (!r.ok()) m.put("message", withoutPaths(r.message()));
      checks.add(m);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "UP" : "DOWN");
    body.put("checks", checks);
    sections.forEach((name, s) -> body.put(name, s.get()));
    Json.send(res, ok ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
  }

  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("(?:[A-Za-z]:)?[/\\\\](?:[^\\s/\\\\,;:()'\"]+[/\\\\])*([^\\s/\\\\,;:()'\"]+)");

  /** The text with every absolute file path replaced by its last name ({@code /srv/data/x.duckdb} becomes {@code x.duckdb}). */
  static String withoutPaths(String text) {
    return text == null ? null : PATH.matcher(text).replaceAll("$1");
  }
}
