package io.tokenmaxx.demo;

import io.tokenmaxx.identity.Person;
import io.tokenmaxx.model.RawIdentity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A generated organization: departments of teams with managers, people with personas, time zones,
 * identities and adoption dates. Deterministic for a given {@link DemoSpec}.
 */
public final class DemoOrganization {

  /** Department name, share of headcount, team names, yearly loaded cost range in k$. */
  private record Dept(String name, double share, List<String> teams, int costLow, int costHigh) {}

  private static final List<Dept> DEPARTMENTS = List.of(
      new Dept("Engineering", 0.40, List.of("Platform", "Payments", "Mobile", "Data", "Infrastructure",
          "Web", "Security", "Developer Experience"), 190, 290),
      new Dept("Sales", 0.14, List.of("Enterprise Sales", "Mid-Market", "Sales Engineering"), 140, 230),
      new Dept("Marketing", 0.11, List.of("Growth", "Content", "Brand"), 130, 190),
      new Dept("Operations", 0.12, List.of("Customer Support", "Business Operations", "IT"), 100, 160),
      new Dept("Product", 0.08, List.of("Product Management", "Design"), 170, 250),
      new Dept("Finance", 0.08, List.of("Accounting", "FP&A"), 130, 200),
      new Dept("HR", 0.07, List.of("People Operations", "Talent"), 110, 170));

  private static final String[] FIRST = {"Ada", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gus",
      "Hana", "Ivan", "Jae", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa",
      "Sven", "Tara", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zoë", "Aiko", "Bruno", "Carmen",
      "Dev", "Emeka", "Freya", "Gabriel", "Hugo", "Imani", "José", "Kai", "Leila", "Malik", "Noor",
      "Olga", "Pavel", "Rahul", "Sofia", "Tomás", "Ingrid", "Yusuf", "Mei", "Liam", "Aisha"};
  private static final String[] LAST = {"Okafor", "Lindqvist", "García", "Nakamura", "Müller",
      "O'Brien", "Singh", "Kowalski", "Haddad", "Chen", "Dubois", "Rossi", "Mensah", "Petrov",
      "Santos", "Kim", "Nguyen", "Fischer", "Ibrahim", "Larsen", "Moreau", "Patel", "Silva",
      "Yilmaz", "Novak", "Ahmed", "Costa", "Berg", "Tanaka", "Walsh", "Adeyemi", "Romero",
      "Sato", "Horvat", "Jensen", "Mahmoud", "Oliveira", "Schmidt", "Reyes", "Kaur"};

  private final DemoSpec spec;
  private final List<DemoPerson> people;

  private DemoOrganization(DemoSpec spec, List<DemoPerson> people) {
    this.spec = spec;
    this.people = List.copyOf(people);
  }

  public DemoSpec spec() {
    return spec;
  }

  public List<DemoPerson> people() {
    return people;
  }

  /**
   * The same organization with people replaced by index (e.g. with other personas, to build a
   * labelled evaluation organization); the list must keep everyone's position.
   */
  public DemoOrganization withPeople(List<DemoPerson> replaced) {
    if (replaced.size() != people.size()) {
      throw new IllegalArgumentException("expected " + people.size() + " people, got " + replaced.size());
    }
    for (int i = 0; i < replaced.size(); i++) {
      if (replaced.get(i).index() != i) throw new IllegalArgumentException("person at " + i + " has index " + replaced.get(i).index());
    }
    return new DemoOrganization(spec, replaced);
  }

  public List<Person> directory() {
    return people.stream().map(DemoPerson::person).toList();
  }

  public static DemoOrganization generate(DemoSpec spec) {
    SplittableRandom rnd = new SplittableRandom(spec.seed());
    List<DemoPerson> out = new ArrayList<>(spec.people());
    Set<String> emails = new HashSet<>();
    String ceoId = "p0000";
    int index = 0;
    out.add(person(spec, rnd, index++, ceoId, "Chief Executive Officer", "Executive", "Leadership",
        null, 420, 420, emails, false));
    int remaining = spec.people() - 1;
    for (int d = 0; d < DEPARTMENTS.size() && remaining > 0; d++) {
      Dept dept = DEPARTMENTS.get(d);
      int size = d == DEPARTMENTS.size() - 1 ? remaining
          : Math.min(remaining, Math.max(1, (int) Math.round(dept.share * (spec.people() - 1))));
      remaining -= size;
      boolean eng = dept.name.equals("Engineering");
      String headId = String.format(Locale.ROOT, "p%04d", index);
      out.add(person(spec, rnd, index++, headId, "Head of " + dept.name, dept.name,
          dept.teams.getFirst(), ceoId, dept.costHigh, dept.costHigh + 60, emails, eng));
      int members = size - 1;
      int teams = Math.max(1, Math.min(dept.teams.size(), (members + 7) / 8));
      for (int t = 0; t < teams && members > 0; t++) {
        int teamSize = t == teams - 1 ? members : members / (teams - t);
        members -= teamSize;
        String team = dept.teams.get(t);
        String managerId = String.format(Locale.ROOT, "p%04d", index);
        out.add(person(spec, rnd, index++, managerId, role(dept, true), dept.name, team, headId,
            dept.costHigh - 20, dept.costHigh + 30, emails, eng));
        for (int m = 1; m < teamSize; m++) {
          String id = String.format(Locale.ROOT, "p%04d", index);
          out.add(person(spec, rnd, index++, id, role(dept, false), dept.name, team, managerId,
              dept.costLow, dept.costHigh, emails, eng));
        }
      }
    }
    return new DemoOrganization(spec, out);
  }

  private static String role(Dept dept, boolean manager) {
    return switch (dept.name) {
      case "Engineering" -> manager ? "Engineering Manager" : "Software Engineer";
      case "Sales" -> manager ? "Sales Manager" : "Account Executive";
      case "Marketing" -> manager ? "Marketing Manager" : "Marketing Specialist";
      case "Operations" -> manager ? "Operations Manager" : "Operations Specialist";
      case "Product" -> manager ? "Group Product Manager" : "Product Manager";
      case "Finance" -> manager ? "Finance Manager" : "Financial Analyst";
      default -> manager ? "HR Manager" : "HR Business Partner";
    };
  }

  private static DemoPerson person(DemoSpec spec, SplittableRandom orgRnd, int index, String id,
      String role, String department, String team, String managerId, int costLow, int costHigh,
      Set<String> emails, boolean engineer) {
    SplittableRandom rnd = new SplittableRandom(spec.seed() * 1_000_003L + index);
    String first = FIRST[rnd.nextInt(FIRST.length)];
    String last = LAST[rnd.nextInt(LAST.length)];
    String base = ascii(first) + "." + ascii(last);
    String email = base + "@example.com";
    for (int n = 2; !emails.add(email); n++) email = base + n + "@example.com";
    BigDecimal cost = BigDecimal.valueOf(1000L * (costLow + rnd.nextInt(Math.max(1, costHigh - costLow + 1))));
    LocalDate windowStart = spec.startDate();
    LocalDate start = rnd.nextDouble() < 0.06 && index > 0
        ? windowStart.plusDays(rnd.nextInt(Math.max(1, spec.weeks() * 7 - 10)))
        : windowStart.minusDays(60 + rnd.nextInt(2000));
    Persona persona = index == 0 ? Persona.REGULAR : persona(spec, rnd, engineer);
    ZoneId zone = switch (rnd.nextInt(10)) {
      case 0 -> ZoneId.of("Europe/London");
      case 1 -> ZoneId.of("Asia/Kolkata");
      case 2 -> ZoneId.of("America/Los_Angeles");
      default -> spec.zone();
    };
    LocalDate adopted = null;
    if (persona != Persona.NON_USER) {
      LocalDate earliest = start.isAfter(windowStart) ? start.plusDays(2 + rnd.nextInt(18)) : windowStart;
      adopted = persona.burner() || persona == Persona.HEAVY_BATCH || rnd.nextDouble() < 0.65
          ? earliest.minusDays(earliest.equals(windowStart) ? rnd.nextInt(90) : 0)
          : earliest.plusDays(rnd.nextInt(Math.max(1, spec.weeks() * 7 - 7)));
      if (adopted.isAfter(spec.endDate())) adopted = spec.endDate();
    }
    List<RawIdentity> ids = new ArrayList<>();
    ids.add(RawIdentity.email(email));
    ids.add(new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, new UUID(rnd.nextLong(), rnd.nextLong()).toString()));
    ids.add(new RawIdentity(RawIdentity.Kind.USER_ID, Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong())));
    ids.add(new RawIdentity(RawIdentity.Kind.GIT_EMAIL, base + "@users.noreply.github.com"));
    ids.add(new RawIdentity(RawIdentity.Kind.API_KEY, "key_" + Long.toHexString(rnd.nextLong()).substring(0, 8)));
    Person p = new Person(id, email, first + " " + last, team, department, managerId, role, cost,
        start);
    orgRnd.nextInt(); // keep the org stream moving so inserting a person shifts nothing after it
    return new DemoPerson(index, p, persona, zone, List.copyOf(ids), adopted, engineer);
  }

  private static Persona persona(DemoSpec spec, SplittableRandom rnd, boolean engineer) {
    double r = rnd.nextDouble();
    if (r < spec.burnerShare()) {
      Persona[] burners = {Persona.BURNER_LOOP, Persona.BURNER_REPLAY, Persona.BURNER_OVERNIGHT,
          Persona.BURNER_SPIKE};
      return burners[rnd.nextInt(burners.length)];
    }
    r = rnd.nextDouble();
    if (engineer) {
      if (r < 0.10) return Persona.NON_USER;
      if (r < 0.25) return Persona.LIGHT;
      if (r < 0.58) return Persona.REGULAR;
      if (r < 0.74) return Persona.POWER;
      if (r < 0.83) return Persona.EXPLORER;
      if (r < 0.94) return Persona.HEAVY_AGENT;
      return Persona.HEAVY_BATCH;
    }
    if (r < 0.30) return Persona.NON_USER;
    if (r < 0.62) return Persona.LIGHT;
    if (r < 0.88) return Persona.REGULAR;
    if (r < 0.93) return Persona.POWER;
    return Persona.EXPLORER;
  }

  private static String ascii(String s) {
    String n = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    return n.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }
}
