package io.tokenmaxx.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.analyze.InMemoryDirectory;
import io.tokenmaxx.identity.Alias;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pipeline.Pipeline;
import io.tokenmaxx.pipeline.RecordBatch;
import java.time.Instant;
import java.util.ArrayList;
import io.tokenmaxx.identity.Directory;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attribution at ingest looks up a batch's unknown identities in one directory query. */
class IdentityEnricherTest {
  static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");

  /** The in-memory directory behind a proxy that counts each method's calls by name. */
  static Directory counting(Directory real, Map<String, AtomicInteger> calls) {
    return (Directory) Proxy.newProxyInstance(Directory.class.getClassLoader(),
        new Class<?>[] {Directory.class}, (proxy, method, args) -> {
          calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  static UsageRecord record(int i, RawIdentity id, String person) {
    return UsageRecord.builder().id("r" + i).timestamp(T0.plusSeconds(i)).source("api")
        .tool("claude-code").provider("anthropic").model("claude-sonnet-4-5").identity(id)
        .person(person).inputTokens(10).outputTokens(5).requests(1).build();
  }

  @Test
  void aBatchResolvesItsUnknownIdentitiesInOneQuery() {
    InMemoryDirectory base = new InMemoryDirectory(List.of(), List.of(), List.of());
    base.addAliases(List.of(new Alias(RawIdentity.email("ann@example.com"), "ann"),
        new Alias(RawIdentity.email("bob@example.com"), "bob")));
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    Pipeline pipeline = new Pipeline(List.of(new IdentityEnricher(counting(base, calls))), null);

    List<UsageRecord> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String who = switch (i % 4) {
        case 0 -> "ann@example.com";
        case 1 -> "bob@example.com";
        default -> "stranger" + (i % 20) + "@example.com";
      };
      records.add(record(i, RawIdentity.email(who), i == 7 ? "already-set" : null));
    }
    RecordBatch out = pipeline.enrich(new RecordBatch(records, List.of()));

    assertThat(calls).containsOnlyKeys("resolveAll");
    assertThat(calls.get("resolveAll")).hasValue(1);
    for (int i = 0; i < 300; i++) {
      UsageRecord r = out.usage().get(i);
      String expected = i == 7 ? "already-set" : switch (i % 4) {
        case 0 -> "ann";
        case 1 -> "bob";
        default -> null; // unknown identities stay unattributed
      };
      assertThat(r.person()).as("record %d", i).isEqualTo(expected);
    }

    // The next batch with the same people needs no query at all: hits and misses are cached.
    pipeline.enrich(new RecordBatch(records.subList(0, 50), List.of()));
    assertThat(calls).containsOnlyKeys("resolveAll");
    assertThat(calls.get("resolveAll")).hasValue(1);
  }
}
