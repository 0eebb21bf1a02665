package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CheckinCalendarTest {
  static final ZoneId NY = ZoneId.of("America/New_York");

  static CheckinCalendar at(String instant, Duration grace) {
    return new CheckinCalendar(NY, grace, Clock.fixed(Instant.parse(instant), NY));
  }

  @Test
  void aWeekIsOpenUntilTheNextStartsPlusGrace() {
    LocalDate w = LocalDate.of(2026, 3, 2);
    // Monday 9 March 10:00 New York = 14:00 UTC (DST began 8 March)
    CheckinCalendar monday = at("2026-03-09T14:00:00Z", Duration.ofDays(1));
    assertThat(monday.currentWeek()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(monday.open(w)).as("last week, in the grace day").isTrue();
    assertThat(monday.open(w.minusWeeks(1))).isFalse();
    assertThat(monday.open(w.plusWeeks(2))).as("next week").isFalse();
    assertThat(at("2026-03-09T14:00:00Z", Duration.ZERO).open(w)).isFalse();
    assertThat(monday.closesAt(w)).isEqualTo(Instant.parse("2026-03-10T04:00:00Z"));
  }

  @Test
  void weeksFromInput() {
    CheckinCalendar c = at("2026-03-11T14:00:00Z", Duration.ZERO);
    assertThat(c.parseWeek("week", null)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(c.parseWeek("week", "last")).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(c.parseWeek("week", "2026-03-05")).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThatThrownBy(() -> c.parseWeek("week", "March")).hasMessageStartingWith("week: 'March'");
  }
}
