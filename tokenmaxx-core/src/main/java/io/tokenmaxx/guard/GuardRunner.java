package io.tokenmaxx.guard;

import io.tokenmaxx.checkin.CheckinStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One detection run: features from the store (SQL) for the weeks asked plus the baseline weeks
 * before them, check-ins, the decision of {@link GoodhartGuard}, and the flags stored.
 */
public final class GuardRunner {
  private final FeatureSource features;
  private final CheckinStore checkins;
  private final FlagStore flags;
  private final Clock clock;
  private volatile GoodhartGuard guard;

  public GuardRunner(FeatureSource features, CheckinStore checkins, FlagStore flags, GuardConfig config, Clock clock) {
    this.features = features;
    this.checkins = checkins;
    this.flags = flags;
    this.clock = clock;
    this.guard = new GoodhartGuard(config);
  }

  public GuardConfig config() {
    return guard.config();
  }

  /** What one run did. */
  public record Run(LocalDate fromWeek, LocalDate toWeek, int personWeeks, int flagged,
      FlagStore.Update update, Instant at, Duration took) {}

  /** The store's fingerprint of every week with data, in the organization's zone. */
  public java.util.Map<LocalDate, String> fingerprints() {
    return features.weekFingerprints(guard.config().zone());
  }

  /** The current week and the {@code weeks - 1} before it. */
  public Run runRecent(int weeks) {
    LocalDate current = GuardWeeks.weekOf(clock.instant(), guard.config().zone());
    return run(current.minusWeeks(weeks - 1L), current.plusWeeks(1));
  }

  public Run run(LocalDate fromWeek, LocalDate toWeek) {
    if (!fromWeek.isBefore(toWeek)) throw new IllegalArgumentException("from (" + fromWeek + ") must be before to (" + toWeek + ")");
    long start = System.nanoTime();
    GuardConfig config = guard.config();
    LocalDate from = GuardWeeks.mondayOf(fromWeek);
    LocalDate to = GuardWeeks.mondayOf(toWeek.minusDays(1)).plusWeeks(1);
    List<WeekFeatures> all = features.weekFeatures(from.minusWeeks(config.baselineWeeks()), to, config);
    Set<PersonWeek> checked = new HashSet<>();
    checkins.participation(from, to).forEach((person, weeks) -> weeks.forEach(w -> checked.add(new PersonWeek(person, w))));
    Instant now = clock.instant();
    List<GuardFlag> fresh = guard.evaluate(all, checked, from, to, now);
    FlagStore.Update update = flags.replace(from, to, fresh);
    int evaluated = (int) all.stream().filter(f -> !f.week().isBefore(from) && f.week().isBefore(to)).count();
    return new Run(from, to, evaluated, fresh.size(), update, now, Duration.ofNanos(System.nanoTime() - start));
  }
}
