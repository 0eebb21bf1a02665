package io.tokenmaxx.server.demo;

import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What a demo data directory holds ({@code demo.properties}, readable by the owner only): the spec
 * it was generated from and the demo accounts' passwords, so a second run reuses the data and can
 * print the same sign-in.
 *
 * @param seed     generator seed
 * @param people   headcount
 * @param weeks    weeks of history
 * @param endDate  last generated day (the dashboard's "today" for this data)
 * @param zone     the organization's zone
 * @param usage    usage records loaded
 * @param outcomes outcome records loaded
 * @param accounts the demo accounts
 */
public record DemoState(long seed, int people, int weeks, LocalDate endDate, ZoneId zone, long usage,
    long outcomes, List<DemoLoader.DemoAccount> accounts) {
  public static final String FILE = "demo.properties";

  public DemoSpec spec() {
    return new DemoSpec(seed, people, weeks, endDate, zone, 1.0, 0.03, java.time.DayOfWeek.FRIDAY);
  }

  public static DemoState of(DemoSpec spec, DemoLoader.Loaded loaded) {
    return new DemoState(spec.seed(), spec.people(), spec.weeks(), spec.endDate(), spec.zone(),
        loaded.usageRecords(), loaded.outcomeRecords(), loaded.accounts());
  }

  /** The state in {@code dir}, or null when the folder holds no demo. */
  public static DemoState read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.isRegularFile(f)) return null;
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
      List<DemoLoader.DemoAccount> accounts = new ArrayList<>();
      for (int i = 0; p.containsKey("account." + i + ".email"); i++) {
        String k = "account." + i + ".";
        accounts.add(new DemoLoader.DemoAccount(Role.parse(p.getProperty(k + "role")), p.getProperty(k + "email"),
            p.getProperty(k + "name"), p.getProperty(k + "password"), p.getProperty(k + "note")));
      }
      return new DemoState(Long.parseLong(p.getProperty("seed")), Integer.parseInt(p.getProperty("people")),
          Integer.parseInt(p.getProperty("weeks")), LocalDate.parse(p.getProperty("end-date")),
          ZoneId.of(p.getProperty("zone")), Long.parseLong(p.getProperty("usage-records", "0")),
          Long.parseLong(p.getProperty("outcome-records", "0")), accounts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalStateException(f + " is damaged (" + e.getMessage() + "); delete the folder to generate the demo again", e);
    }
  }

  public void write(Path dir) {
    Properties p = new Properties();
    p.setProperty("seed", Long.toString(seed));
    p.setProperty("people", Integer.toString(people));
    p.setProperty("weeks", Integer.toString(weeks));
    p.setProperty("end-date", endDate.toString());
    p.setProperty("zone", zone.getId());
    p.setProperty("usage-records", Long.toString(usage));
    p.setProperty("outcome-records", Long.toString(outcomes));
    for (int i = 0; i < accounts.size(); i++) {
      var a = accounts.get(i);
      String k = "account." + i + ".";
      p.setProperty(k + "role", a.role().label());
      p.setProperty(k + "email", a.email());
      p.setProperty(k + "name", a.name());
      p.setProperty(k + "password", a.password());
      p.setProperty(k + "note", a.note());
    }
    Path f = dir.resolve(FILE);
    try {
      Files.createDirectories(dir);
      Files.deleteIfExists(f);
      try {
        Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(f);
      }
      try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
        p.store(w, "tokenmaxx demo: generated organization and its demo accounts (demo passwords only)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** Why this state does not fit a run asking for {@code seed/people/weeks}, or null when it does. */
  public String mismatch(Long wantSeed, Integer wantPeople, Integer wantWeeks) {
    List<String> diffs = new ArrayList<>();
    if (wantSeed != null && wantSeed != seed) diffs.add("--seed " + seed);
    if (wantPeople != null && wantPeople != people) diffs.add("--people " + people);
    if (wantWeeks != null && wantWeeks != weeks) diffs.add("--weeks " + weeks);
    return diffs.isEmpty() ? null : String.join(" ", diffs);
  }
}
