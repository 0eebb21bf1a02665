package io.tokenmaxx.pricing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices: the bundled catalog (derived from a dated LiteLLM snapshot, see
 * {@link #takenOn()}) plus any number of override files in the same shape. An override entry
 * without {@code effective_from} replaces the given fields of a model for all time (or adds the
 * model); with {@code effective_from} it adds a price change from that date, inheriting the fields
 * it does not give from the price in force before. {@link #find} returns the price in force at a
 * record's time. Immutable and thread-safe.
 */
public final class PriceCatalog {
  private static final String BUNDLED = "prices.json";
  private static volatile PriceCatalog bundled;
  private static volatile byte[] bundledBytes;

  private final Map<String, List<Version>> versions;
  private final String takenOn;
  private long fingerprint;
  private final ModelNames names;
  private final Map<String, Object> resolved = new ConcurrentHashMap<>();
  private static final Object UNKNOWN = new Object();

  private record Version(Instant from, PriceMatch standard, PriceMatch fast) {}

  private record Resolution(String key, boolean fast) {}

  private PriceCatalog(Map<String, List<Version>> versions, String takenOn) {
    this.versions = versions;
    this.takenOn = takenOn;
    this.names = new ModelNames(Collections.unmodifiableSet(versions.keySet()));
  }

  /** The catalog shipped with tokenmaxx. */
  public static PriceCatalog bundled() {
    PriceCatalog c = bundled;
    if (c == null) {
      synchronized (PriceCatalog.class) {
        c = bundled;
        if (c == null) {
          try {
            byte[] bytes = bundledBytes();
            PriceFileReader.Result r = PriceFileReader.read(new java.io.ByteArrayInputStream(bytes), BUNDLED);
            c = build(new Builder(), r, "catalog@" + r.takenOn()).finish(r.takenOn());
            c.fingerprint = hash(0, bytes);
            bundled = c;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return c;
  }

  /**
   * A fingerprint of the bundled catalog's content, without parsing it: caches of priced results
   * compare it to know whether prices changed.
   */
  public static long bundledFingerprint() {
    return hash(0, bundledBytes());
  }

  /** A fingerprint of this catalog's sources (the bundled catalog and every override file). */
  public long fingerprint() {
    return fingerprint;
  }

  private static byte[] bundledBytes() {
    byte[] b = bundledBytes;
    if (b == null) {
      try (InputStream in = PriceCatalog.class.getResourceAsStream(BUNDLED)) {
        if (in == null) throw new IllegalStateException("bundled price catalog " + BUNDLED + " is missing");
        b = bundledBytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return b;
  }

  private static long hash(long seed, byte[] bytes) {
    long h = 0xcbf29ce484222325L ^ seed;
    for (byte x : bytes) h = (h ^ (x & 0xff)) * 0x100000001b3L;
    return h;
  }

  /** This catalog with the overrides of {@code file} applied; errors name the file and the field. */
  public PriceCatalog withOverrides(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "price override file not found");
    return withOverrides(new java.io.ByteArrayInputStream(Files.readAllBytes(file)), file.toString());
  }

  /** This catalog with the overrides read from {@code in}; {@code name} labels errors and provenance. */
  public PriceCatalog withOverrides(InputStream in, String name) throws IOException {
    byte[] bytes = in.readAllBytes();
    PriceFileReader.Result r = PriceFileReader.read(new java.io.ByteArrayInputStream(bytes), name);
    Builder b = new Builder();
    b.raw.putAll(rawCopy());
    try {
      PriceCatalog c = build(b, r, "override:" + fileName(name)).finish(takenOn);
      c.fingerprint = hash(fingerprint * 31 + 7, bytes);
      return c;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  /** The date the bundled prices were taken (YYYY-MM-DD). */
  public String takenOn() {
    return takenOn;
  }

  /** Catalog keys. */
  public Set<String> models() {
    return Collections.unmodifiableSet(versions.keySet());
  }

  /**
   * The price of {@code model} in force at {@code at}, or null when no catalog entry matches (the
   * record is then unpriced, never $0). A name ending in {@code -fast} that is not itself in the
   * catalog is the base model in fast mode.
   */
  public PriceMatch find(String model, Instant at) {
    if (model == null) return null;
    Object r = resolved.computeIfAbsent(model, this::resolve);
    if (r == UNKNOWN) return null;
    Resolution res = (Resolution) r;
    List<Version> vs = versions.get(res.key());
    Version pick = vs.get(0);
    if (at != null) {
      for (Version v : vs) {
        if (v.from() == null || !v.from().isAfter(at)) pick = v;
      }
      if (pick.from() != null && pick.from().isAfter(at)) return null;
    }
    return res.fast() ? pick.fast() : pick.standard();
  }

  private Object resolve(String model) {
    String key = names.resolveStrict(model);
    if (key != null) return new Resolution(key, false);
    if (model.endsWith("-fast")) {
      key = names.resolve(model.substring(0, model.length() - 5));
      if (key != null) return new Resolution(key, true);
    }
    key = names.resolve(model);
    return key != null ? new Resolution(key, false) : UNKNOWN;
  }

  // ------------------------------------------------------------------ building

  /** Raw fields per model and validity start, kept so overrides can merge partially. */
  private final Map<String, List<RawVersion>> raw = new HashMap<>();

  private record RawVersion(Instant from, String provider, String source, Map<String, BigDecimal> fields) {}

  private Map<String, List<RawVersion>> rawCopy() {
    return raw;
  }

  private static final class Builder {
    final Map<String, List<RawVersion>> raw = new HashMap<>();

    PriceCatalog finish(String takenOn) {
      Map<String, List<Version>> versions = new LinkedHashMap<>();
      Map<String, List<RawVersion>> frozen = new HashMap<>();
      raw.forEach((model, list) -> {
        List<RawVersion> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(RawVersion::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Version> vs = new ArrayList<>();
        for (RawVersion rv : sorted) {
          ModelPrice p = PriceFields.compile(model, rv.provider(), rv.from(), rv.source(), rv.fields());
          vs.add(new Version(rv.from(), new PriceMatch(p, false), new PriceMatch(p, true)));
        }
        versions.put(model, List.copyOf(vs));
        frozen.put(model, List.copyOf(sorted));
      });
      PriceCatalog c = new PriceCatalog(versions, takenOn);
      c.raw.putAll(frozen);
      return c;
    }
  }

  private static Builder build(Builder b, PriceFileReader.Result r, String source) {
    List<PriceFileReader.Entry> undated = new ArrayList<>();
    List<PriceFileReader.Entry> dated = new ArrayList<>();
    for (PriceFileReader.Entry e : r.entries()) (e.effectiveFrom() == null ? undated : dated).add(e);
    dated.sort(Comparator.comparing(PriceFileReader.Entry::effectiveFrom));
    for (PriceFileReader.Entry e : undated) {
      List<RawVersion> list = new ArrayList<>(b.raw.getOrDefault(e.model(), List.of()));
      RawVersion base = list.stream().filter(v -> v.from() == null).findFirst().orElse(null);
      Map<String, BigDecimal> f = new HashMap<>(base == null ? Map.of() : base.fields());
      f.putAll(e.fields());
      String provider = e.provider() != null ? e.provider() : base == null ? null : base.provider();
      list.remove(base);
      list.add(new RawVersion(null, provider, source, f));
      check(e.model(), provider, f);
      b.raw.put(e.model(), list);
    }
    for (PriceFileReader.Entry e : dated) {
      List<RawVersion> list = new ArrayList<>(b.raw.getOrDefault(e.model(), List.of()));
      RawVersion before = null;
      for (RawVersion v : list) {
        if (v.from() == null || !v.from().isAfter(e.effectiveFrom())) {
          if (before == null || before.from() == null || (v.from() != null && v.from().isAfter(before.from()))) before = v;
        }
      }
      Map<String, BigDecimal> f = new HashMap<>(before == null ? Map.of() : before.fields());
      f.putAll(e.fields());
      String provider = e.provider() != null ? e.provider() : before == null ? null : before.provider();
      list.removeIf(v -> e.effectiveFrom().equals(v.from()));
      list.add(new RawVersion(e.effectiveFrom(), provider, source, f));
      check(e.model(), provider, f);
      b.raw.put(e.model(), list);
    }
    return b;
  }

  private static void check(String model, String provider, Map<String, BigDecimal> f) {
    if (!f.containsKey(PriceFields.INPUT) || !f.containsKey(PriceFields.OUTPUT)) {
      throw new IllegalArgumentException("model '" + model + "' is not in the catalog, so it needs "
          + PriceFields.INPUT + " and " + PriceFields.OUTPUT);
    }
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return slash >= 0 ? name.substring(slash + 1) : name;
  }
}
