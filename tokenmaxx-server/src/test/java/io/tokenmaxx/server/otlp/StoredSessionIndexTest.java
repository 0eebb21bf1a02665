package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.storage.StateStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** First marks of sessions are written together, once per export, and survive a restart. */
class StoredSessionIndexTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

  /** A state store in memory that counts its writes. */
  static class Counting implements StateStore {
    final Map<String, Map<String, String>> data = new HashMap<>();
    final List<Integer> puts = new ArrayList<>();

    @Override
    public Map<String, String> load(String namespace) {
      return Map.copyOf(data.getOrDefault(namespace, Map.of()));
    }

    @Override
    public void put(String namespace, Map<String, String> entries) {
      puts.add(entries.size());
      data.computeIfAbsent(namespace, k -> new HashMap<>()).putAll(entries);
    }

    @Override
    public void remove(String namespace, Collection<String> keys) {
      Map<String, String> m = data.get(namespace);
      if (m != null) keys.forEach(m::remove);
    }
  }

  @Test
  void sessionsFirstMarkedInOneExportAreWrittenInOneWrite() {
    Counting store = new Counting();
    StoredSessionIndex index = StoredSessionIndex.load(store, CLOCK);
    for (int i = 0; i < 50; i++) assertThat(index.markLogged("claude-code", "s" + i)).isTrue();
    assertThat(index.markLogged("claude-code", "s0")).isFalse();
    assertThat(store.puts).isEmpty(); // nothing written while the export is decoded
    index.flush();
    assertThat(store.puts).containsExactly(50);
    index.flush();
    assertThat(store.puts).containsExactly(50); // nothing new: no write

    StoredSessionIndex restarted = StoredSessionIndex.load(store, CLOCK);
    assertThat(restarted.isLogged("claude-code", "s17")).isTrue();
    assertThat(restarted.markLogged("claude-code", "s17")).isFalse();
  }

  @Test
  void aMarkUndoneBeforeTheFlushIsNeverWritten() {
    Counting store = new Counting();
    StoredSessionIndex index = StoredSessionIndex.load(store, CLOCK);
    index.markLogged("codex", "a");
    index.markLogged("codex", "b");
    index.unmark("codex", "a"); // the export could not be stored
    index.flush();
    assertThat(store.puts).containsExactly(1);
    assertThat(StoredSessionIndex.load(store, CLOCK).isLogged("codex", "a")).isFalse();
    assertThat(StoredSessionIndex.load(store, CLOCK).isLogged("codex", "b")).isTrue();
  }

  @Test
  void aFailedWriteKeepsTheMarksInMemory() {
    StateStore failing = new Counting() {
      @Override
      public void put(String namespace, Map<String, String> entries) {
        throw new IllegalStateException("disk full");
      }
    };
    StoredSessionIndex index = StoredSessionIndex.load(failing, CLOCK);
    index.markLogged("claude-code", "s1");
    index.flush(); // best effort: logged, not thrown
    assertThat(index.isLogged("claude-code", "s1")).isTrue();
  }
}
