package io.tokenmaxx.bench.guard;

import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.demo.Persona;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The labelled organization detection is measured on: the demo organization with a larger share
 * of burners of the four demo kinds, plus the adversarial cases the demo does not assign — burners
 * who jitter their script to look human, researchers who use a lot with no code outcomes (but check
 * in), and on-call engineers active at any hour.
 */
final class LabeledOrganization {
  private LabeledOrganization() {}

  static DemoSpec spec(long seed, int people, int weeks, LocalDate end) {
    return new DemoSpec(seed, people, weeks, end, ZoneId.of("America/New_York"), 1.0, 0.10, DayOfWeek.FRIDAY);
  }

  static DemoOrganization build(DemoSpec spec) {
    DemoOrganization org = DemoOrganization.generate(spec);
    SplittableRandom rnd = new SplittableRandom(spec.seed() ^ 0x5DEECE66DL);
    List<DemoPerson> people = new ArrayList<>();
    for (DemoPerson p : org.people()) {
      double r = rnd.nextDouble();
      Persona persona = p.persona();
      boolean ordinary = persona == Persona.LIGHT || persona == Persona.REGULAR || persona == Persona.POWER
          || persona == Persona.EXPLORER;
      if (p.adoptedOn() != null && p.index() > 0 && ordinary) {
        if (r < 0.025) persona = Persona.BURNER_JITTER;
        else if (r < 0.06 && !p.engineer()) persona = Persona.RESEARCHER;
        else if (r < 0.10 && p.engineer()) persona = Persona.ON_CALL;
      }
      people.add(persona == p.persona() ? p
          : new DemoPerson(p.index(), p.person(), persona, p.zone(), p.identities(), p.adoptedOn(), p.engineer()));
    }
    return org.withPeople(people);
  }
}
