package io.tokenmaxx.server.demo;

import io.tokenmaxx.account.Account;
import io.tokenmaxx.analyze.Role;
import io.tokenmaxx.demo.DemoActivity;
import io.tokenmaxx.demo.DemoOrganization;
import io.tokenmaxx.demo.DemoPerson;
import io.tokenmaxx.demo.DemoSink;
import io.tokenmaxx.demo.DemoSpec;
import io.tokenmaxx.demo.Persona;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Enricher;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.pipeline.RecordBatch;
import io.tokenmaxx.server.web.auth.AccountAdmin;
import io.tokenmaxx.server.web.auth.Passwords;
import io.tokenmaxx.storage.StorageComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads a generated organization into a store the way real data arrives: the directory (people,
 * teams, departments, every identity as an alias), then every usage and outcome record through the
 * ingest pipeline (so enrichers such as pricing apply), then three dashboard accounts — an admin,
 * a manager with a reporting subtree, and a member — with generated passwords.
 */
public final class DemoLoader {
  static final int BATCH = 100_000;

  /** What was loaded, and how to sign in. */
  public record Loaded(DemoOrganization org, List<DemoAccount> accounts, long usageRecords,
      long outcomeRecords, Duration took) {}

  /** A demo account and its password (the demo prints them; real accounts never show one twice). */
  public record DemoAccount(Role role, String email, String name, String password, String note) {}

  private final StorageComponent store;
  private final List<Enricher> enrichers;
  private final Passwords passwords;
  private final int threads;
  private java.time.Instant notAfter = java.time.Instant.MAX;

  /**
   * Leaves out generated records after {@code cutoff} (the demo's last day is today: its later hours
   * have not happened yet, and "last seen" in the future would look broken).
   */
  public DemoLoader notAfter(java.time.Instant cutoff) {
    this.notAfter = java.util.Objects.requireNonNull(cutoff, "cutoff");
    return this;
  }

  public DemoLoader(StorageComponent store, List<Enricher> enrichers, Passwords passwords, int threads) {
    this.store = store;
    this.enrichers = List.copyOf(enrichers);
    this.passwords = passwords;
    this.threads = Math.max(1, threads);
  }

  /** The organization's weekly check-ins, with the directory's team and department ids. */
  private void checkins(DemoOrganization org, DemoSpec spec, DemoDirectory dir) {
    java.util.Map<String, io.tokenmaxx.identity.Person> people = new java.util.HashMap<>();
    dir.people().forEach(p -> people.put(p.id(), p));
    List<io.tokenmaxx.checkin.CheckIn> all = new ArrayList<>();
    for (io.tokenmaxx.checkin.CheckIn c : io.tokenmaxx.demo.DemoCheckins.generate(org, spec)) {
      io.tokenmaxx.identity.Person p = people.get(c.person());
      all.add(new io.tokenmaxx.checkin.CheckIn(c.id(), c.person(), c.week(), c.tried(), c.worked(), c.failed(),
          c.learned(), c.tags(), c.tools(), c.minutesSaved(), c.links(), c.visibility(), p == null ? null : p.team(),
          p == null ? null : p.department(), c.created(), c.updated()));
    }
    for (int i = 0; i < all.size(); i += BATCH) store.checkins().saveAll(all.subList(i, Math.min(all.size(), i + BATCH)));
  }

  public Loaded load(DemoSpec spec) {
    long start = System.nanoTime();
    DemoOrganization org = DemoOrganization.generate(spec);
    DemoDirectory dir = DemoDirectory.of(org);
    var directory = store.directory();
    directory.upsertDepartments(dir.departments());
    directory.upsertTeams(dir.teams());
    directory.upsertPeople(dir.people());
    directory.addAliases(dir.aliases());

    Pipeline pipeline = new Pipeline(enrichers, store);
    DemoActivity activity = new DemoActivity(spec);
    AtomicLong usage = new AtomicLong();
    AtomicLong outcomes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "demo-generator");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int slice = t;
        done.add(pool.submit(() -> {
          Batcher sink = new Batcher(pipeline, usage, outcomes, false, notAfter);
          for (int i = slice; i < org.people().size(); i += threads) activity.generate(org.people().get(i), sink);
          sink.flush();
          return null;
        }));
      }
      done.add(pool.submit(() -> {
        Batcher sink = new Batcher(pipeline, usage, outcomes, true, notAfter);
        for (DemoPerson c : contractors(spec)) activity.generate(c, sink);
        sink.flush();
        return null;
      }));
      for (Future<?> f : done) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the demo", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("loading the demo failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    DemoVendorUsage.Loaded vendor = new DemoVendorUsage(store, pipeline).load(org);
    usage.addAndGet(vendor.usageRecords());
    outcomes.addAndGet(vendor.outcomeRecords());
    checkins(org, spec, dir);
    List<DemoAccount> accounts = accounts(org);
    return new Loaded(org, accounts, usage.get(), outcomes.get(), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * A few people outside the directory (contractors, a shared key): their usage arrives with
   * identities nobody has an alias for, so it shows as unattributed until an admin adds one.
   */
  static List<DemoPerson> contractors(DemoSpec spec) {
    DemoSpec other = new DemoSpec(spec.seed() ^ 0x5eed, 12, spec.weeks(), spec.endDate(), spec.zone(),
        spec.intensity(), 0, spec.snapshotDay());
    return DemoOrganization.generate(other).people().stream()
        .filter(p -> p.adoptedOn() != null && p.persona() != Persona.NON_USER)
        .limit(3).toList();
  }

  /** The admin (the chief executive), a manager (head of engineering) and one of their engineers. */
  List<DemoAccount> accounts(DemoOrganization org) {
    DemoPerson admin = org.people().getFirst();
    DemoPerson manager = org.people().stream()
        .filter(p -> p.engineer() && p.person().role() != null && p.person().role().startsWith("Head of"))
        .findFirst().orElse(admin);
    DemoPerson member = org.people().stream()
        .filter(p -> p.engineer() && manager != admin && !p.id().equals(manager.id())
            && p.person().role() != null && p.person().role().equals("Software Engineer")
            && (p.persona() == Persona.REGULAR || p.persona() == Persona.POWER) && p.adoptedOn() != null
            && p.adoptedOn().isBefore(org.spec().startDate()))
        .findFirst()
        .orElse(org.people().get(org.people().size() - 1));
    AccountAdmin accountAdmin = new AccountAdmin(store.accounts(), store.directory(), passwords,
        id -> store.sessions().deleteForAccount(id));
    List<DemoAccount> out = new ArrayList<>();
    out.add(account(accountAdmin, Role.ADMIN, admin, "sees everyone, named; manages accounts and API tokens"));
    if (manager != admin) {
      out.add(account(accountAdmin, Role.MANAGER, manager, "sees their reporting subtree (engineering) person by person"));
    }
    if (member != admin && member != manager) {
      out.add(account(accountAdmin, Role.MEMBER, member, "sees their own data and organization aggregates"));
    }
    return out;
  }

  private DemoAccount account(AccountAdmin admin, Role role, DemoPerson p, String note) {
    String password = Passwords.generate();
    Account a = admin.create(p.person().email(), role, password);
    return new DemoAccount(role, a.email(), p.person().name(), password, note);
  }

  /** Collects generated records into batches and hands each to the pipeline. */
  private static final class Batcher implements DemoSink {
    private final Pipeline pipeline;
    private final AtomicLong usageCount;
    private final AtomicLong outcomeCount;
    private final boolean unattributed;
    private final java.time.Instant notAfter;
    private List<UsageRecord> usage = new ArrayList<>(BATCH);
    private List<OutcomeRecord> outcomes = new ArrayList<>();

    Batcher(Pipeline pipeline, AtomicLong usageCount, AtomicLong outcomeCount, boolean unattributed,
        java.time.Instant notAfter) {
      this.notAfter = notAfter;
      this.pipeline = pipeline;
      this.unattributed = unattributed;
      this.usageCount = usageCount;
      this.outcomeCount = outcomeCount;
    }

    @Override
    public void usage(UsageRecord r) {
      if (r.timestamp().isAfter(notAfter)) return;
      usage.add(unattributed ? r.toBuilder().id("contractor:" + r.id()).sessionId("contractor-" + r.sessionId())
          .person(null).build() : r);
      if (usage.size() >= BATCH) flush();
    }

    @Override
    public void outcome(OutcomeRecord r) {
      if (unattributed || r.timestamp().isAfter(notAfter)) return;
      outcomes.add(r);
      if (outcomes.size() >= BATCH) flush();
    }

    void flush() {
      if (usage.isEmpty() && outcomes.isEmpty()) return;
      pipeline.accept(new RecordBatch(usage, outcomes));
      usageCount.addAndGet(usage.size());
      outcomeCount.addAndGet(outcomes.size());
      usage = new ArrayList<>(BATCH);
      outcomes = new ArrayList<>();
    }
  }
}
