package io.tokenmaxx.server.gateway;

import io.tokenmaxx.gateway.route.Strategy;
import io.tokenmaxx.metering.KeyRouting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A gateway key's routing as given where the key is created (tokens API, CLI, admin page): a
 * strategy the gateway knows ({@link Strategy#parse}) and non-blank model names, checked before
 * the key exists so that a refused key leaves nothing behind.
 */
public final class KeyRoutingInput {
  private KeyRoutingInput() {}

  /** Refused input, naming the field ({@code strategy} or {@code models}). */
  public static final class Invalid extends IllegalArgumentException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Models written as one comma-separated text (a form field, a flag); null or blank: none. */
  public static List<String> commaSeparated(String text) {
    if (text == null || text.isBlank()) return List.of();
    List<String> out = new ArrayList<>();
    for (String m : text.split(",", -1)) out.add(m.strip());
    return out;
  }

  /**
   * The routing, checked; {@link KeyRouting#NONE} when neither is given.
   *
   * @param strategy a strategy label or null
   * @param models   model names (each must be non-blank) or null
   * @throws Invalid naming the field that is wrong
   */
  public static KeyRouting parse(String strategy, List<String> models) {
    String s = null;
    if (strategy != null && !strategy.isBlank()) {
      try {
        s = Strategy.parse(strategy).label();
      } catch (IllegalArgumentException e) {
        throw new Invalid("strategy", e.getMessage());
      }
    } else if (strategy != null) {
      throw new Invalid("strategy", "is blank; leave it out to use each route's own strategy, or give one of "
          + Arrays.stream(Strategy.values()).map(Strategy::label).toList());
    }
    List<String> m = models == null ? List.of() : models;
    for (int i = 0; i < m.size(); i++) {
      if (m.get(i) == null || m.get(i).isBlank()) {
        throw new Invalid("models", "model name " + (i + 1) + " of " + m.size() + " is blank; give model names such as "
            + "claude-sonnet-4-5 or gpt-4o-mini, or leave 'models' out to allow any model");
      }
    }
    try {
      return new KeyRouting(s, m.stream().map(String::strip).toList());
    } catch (IllegalArgumentException e) {
      throw new Invalid("models", e.getMessage().replaceFirst("^models: ", ""));
    }
  }
}
