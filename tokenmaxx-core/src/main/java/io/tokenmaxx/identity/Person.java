package io.tokenmaxx.identity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * Someone in the organization, as an HRIS export or an admin describes them.
 *
 * @param id               stable person id (what {@code UsageRecord.person()} holds)
 * @param email            primary e-mail (lower-cased; also an alias of this person), may be null
 * @param name             display name, may be null
 * @param team             team id, may be null
 * @param department       department id, may be null
 * @param manager          the manager's person id, may be null
 * @param role             job role or title, may be null
 * @param annualLoadedCost yearly fully loaded cost (salary, benefits, overhead), may be null
 * @param startDate        first day in the organization, may be null
 */
public record Person(
    String id,
    String email,
    String name,
    String team,
    String department,
    String manager,
    String role,
    BigDecimal annualLoadedCost,
    LocalDate startDate) {

  public Person {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("person id must not be blank");
    if (email != null) {
      email = email.strip().toLowerCase(Locale.ROOT);
      if (email.isEmpty()) email = null;
    }
    if (annualLoadedCost != null && annualLoadedCost.signum() < 0) {
      throw new IllegalArgumentException("person " + id + ": annualLoadedCost must be >= 0, was "
          + annualLoadedCost.toPlainString());
    }
  }

  public static Person of(String id, String email, String name) {
    return new Person(id, email, name, null, null, null, null, null, null);
  }
}
