package io.tokenmaxx.importer;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What "the same usage" means across sources: one person (or, until it resolves to one, one raw
 * identity), one UTC day, one model.
 *
 * @param who   {@code person:<id>} when the record is attributed, else {@code identity:<kind:value>}
 *              (or {@code identity:none})
 * @param day   the UTC day of the record's timestamp
 * @param model the model name, lower case, without a provider qualification ({@code anthropic/…})
 */
public record PrecedenceKey(String who, LocalDate day, String model) {
  public PrecedenceKey {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(model, "model");
  }
}
