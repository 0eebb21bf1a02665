package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.storage.UsageQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retractions delete exactly what they name; collector state survives and is namespaced. */
public abstract class ITRetractionsAndState extends StorageTest {

  static UsageRecord rec(String id, String tool, String session, String project, String ts) {
    return UsageRecord.builder().id(id).timestamp(Instant.parse(ts)).source("otlp").tool(tool)
        .sessionId(session).project(project).inputTokens(10).build();
  }

  @Test
  void retractDeletesOnlyMatchingToolPrefixSessionAndTime() {
    storage.usageConsumer().accept(List.of(
        rec("m:s1:1", "claude-code", "s1", null, "2026-11-20T10:00:00Z"),
        rec("m:s1:2", "claude-code", "s1", null, "2026-11-20T10:01:00Z"),
        rec("e:s1:1", "claude-code", "s1", null, "2026-11-20T10:01:00Z"),   // other prefix
        rec("m:s1:3", "codex", "s1", null, "2026-11-20T10:01:00Z"),         // other tool
        rec("m:s2:1", "claude-code", "s2", null, "2026-11-20T10:01:00Z"),   // other session
        rec("m:s1:0", "claude-code", "s1", null, "2026-10-01T10:00:00Z"),   // before 'since'
        rec("m:p:1", "api", null, "svc-a", "2026-11-20T10:00:00Z"),
        rec("m:p:2", "api", null, "svc-b", "2026-11-20T10:00:00Z")));
    long n = storage.retractions().retract("claude-code", "m:", "s1", null, Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(n).isEqualTo(2);
    long p = storage.retractions().retract("api", "m:", null, "svc-a", Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(p).isEqualTo(1);
    assertThat(storage.usageStore().records(UsageQuery.all(), 100)).extracting(UsageRecord::id)
        .containsExactlyInAnyOrder("e:s1:1", "m:s1:3", "m:s2:1", "m:s1:0", "m:p:2");
    assertThat(storage.usageStore().countUsage()).isEqualTo(5);
    assertThatThrownBy(() -> storage.retractions().retract("api", "m:", null, null, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void existsAnswersWhatARetractionWouldFindWithoutDeleting() {
    Instant since = Instant.parse("2026-11-01T00:00:00Z");
    assertThat(storage.retractions().exists(null, "m:", null, null, since)).isFalse(); // empty store
    storage.usageConsumer().accept(List.of(
        rec("m:s1:1", "claude-code", "s1", null, "2026-11-20T10:00:00Z"),
        rec("e:s2:1", "claude-code", "s2", null, "2026-11-20T10:01:00Z"),   // other prefix
        rec("m:s3:0", "claude-code", "s3", null, "2026-10-01T10:00:00Z"),   // before 'since'
        rec("m:p:1", "api", null, "svc-a", "2026-11-20T10:00:00Z")));
    var r = storage.retractions();
    assertThat(r.exists("claude-code", "m:", "s1", null, since)).isTrue();
    assertThat(r.exists("codex", "m:", "s1", null, since)).isFalse();       // other tool
    assertThat(r.exists("claude-code", "m:", "s2", null, since)).isFalse(); // only other prefixes
    assertThat(r.exists("claude-code", "m:", "s3", null, since)).isFalse(); // only older records
    assertThat(r.exists("claude-code", "m:", "s3", null, Instant.parse("2026-09-01T00:00:00Z"))).isTrue();
    assertThat(r.exists("api", "m:", null, "svc-a", since)).isTrue();
    assertThat(r.exists("api", "m:", null, "svc-b", since)).isFalse();
    assertThat(r.exists(null, "m:", null, null, since)).isTrue();            // any tool, any scope
    assertThat(r.exists(null, "x:", null, null, Instant.EPOCH)).isFalse();
    assertThat(storage.usageStore().countUsage()).isEqualTo(4);             // nothing deleted
  }

  @Test
  void stateWritesAndRemovesManyEntriesAtOnce() {
    java.util.Map<String, String> many = new java.util.HashMap<>();
    for (int i = 0; i < 1234; i++) many.put("session " + i, Integer.toString(i));
    storage.state().put("many", many);
    storage.state().put("many", Map.of("session 7", "seven", "new", "n"));
    java.util.Map<String, String> back = storage.state().load("many");
    assertThat(back).hasSize(1235).containsEntry("session 7", "seven").containsEntry("session 1233", "1233");
    List<String> gone = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) gone.add("session " + i);
    gone.add("session 5"); // repeated: harmless
    storage.state().remove("many", gone);
    assertThat(storage.state().load("many")).hasSize(235).containsEntry("new", "n").doesNotContainKey("session 999");
  }

  @Test
  void stateIsReplacedRemovedAndKeptPerNamespace() {
    storage.state().put("a", Map.of("k1", "v1", "k2", "v2"));
    storage.state().put("b", Map.of("k1", "other"));
    storage.state().put("a", Map.of("k1", "v1b"));
    assertThat(storage.state().load("a")).containsExactly(Map.entry("k1", "v1b"), Map.entry("k2", "v2"));
    storage.state().remove("a", List.of("k2", "missing"));
    assertThat(storage.state().load("a")).containsExactly(Map.entry("k1", "v1b"));
    assertThat(storage.state().load("b")).containsExactly(Map.entry("k1", "other"));
    assertThat(storage.state().load("none")).isEmpty();
  }
}
