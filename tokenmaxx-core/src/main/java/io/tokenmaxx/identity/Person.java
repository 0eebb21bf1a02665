package io.tokenmaxx.identity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Someone in the organization's directory (usually imported from an HRIS export).
 *
 * @param id               stable person id (the HRIS employee id, or derived from the e-mail)
 * @param email            primary work e-mail, lower case
 * @param name             display name
 * @param team             team name, may be null
 * @param department       department name, may be null
 * @param managerId        the person id of their manager, null at the top
 * @param role             job role or title, may be null
 * @param annualLoadedCost fully loaded yearly cost in USD (salary, benefits, overhead), may be null
 * @param startDate        first day in the organization, may be null
 * @param endDate          last day, null while employed
 */
public record Person(
    String id,
    String email,
    String name,
    String team,
    String department,
    String managerId,
    String role,
    BigDecimal annualLoadedCost,
    LocalDate startDate,
    LocalDate endDate) {

  public Person {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) throw new IllegalArgumentException("person id must not be blank");
    if (email != null) email = email.trim().toLowerCase(java.util.Locale.ROOT);
    if (annualLoadedCost != null && annualLoadedCost.signum() < 0) {
      throw new IllegalArgumentException("annualLoadedCost must be >= 0 for " + id);
    }
    if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
      throw new IllegalArgumentException("endDate before startDate for " + id);
    }
  }

  /** Employed on the given day (started on or before it, not yet left). */
  public boolean employedOn(LocalDate day) {
    return (startDate == null || !startDate.isAfter(day)) && (endDate == null || !endDate.isBefore(day));
  }
}
