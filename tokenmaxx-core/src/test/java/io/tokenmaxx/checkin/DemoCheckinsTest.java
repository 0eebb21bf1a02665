package io.tokenmaxx.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.demo.DemoCheckins;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSpec;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCheckinsTest {
  static final DemoSpec SPEC = new DemoSpec(5, 200, 8, LocalDate.of(2026, 6, 26),
      java.time.ZoneId.of("America/New_York"), 1.0, 0.1, java.time.DayOfWeek.FRIDAY);

  @Test
  void deterministicVariedValidAndBurnersRarelyCheckIn() {
    DemoOrganization org = DemoOrganization.generate(SPEC);
    List<CheckIn> a = DemoCheckins.generate(org, SPEC);
    assertThat(a).isEqualTo(DemoCheckins.generate(org, SPEC));
    assertThat(a.size()).isGreaterThan(300);
    assertThat(a.stream().map(c -> c.person() + c.week()).distinct().count()).isEqualTo(a.size());
    assertThat(a.stream().map(CheckIn::tried).distinct().count()).isGreaterThan(a.size() / 2);
    assertThat(a.stream().map(CheckIn::visibility).collect(Collectors.toSet())).containsExactlyInAnyOrder(Visibility.values());
    // every generated check-in passes the same rules as user input
    for (CheckIn c : a) {
      CheckIn again = CheckinRules.apply(null, new CheckinDraft(c.tried(), c.worked(), c.failed(), c.learned(), c.tags(),
          c.tools(), c.minutesSaved(), c.links(), c.visibility()), c.id(), c.person(), c.week(), c.team(), c.department(), c.created());
      assertThat(again).isEqualTo(c);
    }
    Map<String, DemoPerson> byId = new HashMap<>();
    org.people().forEach(p -> byId.put(p.id(), p));
    long burnerCheckins = a.stream().filter(c -> byId.get(c.person()).persona().burner()).count();
    long burners = org.people().stream().filter(p -> p.persona().burner()).count();
    assertThat(burners).isPositive();
    assertThat((double) burnerCheckins / (burners * SPEC.weeks())).isLessThan(0.2);
    Set<LocalDate> weeks = a.stream().map(CheckIn::week).collect(Collectors.toSet());
    assertThat(weeks).allSatisfy(w -> assertThat(w.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
  }
}
