package io.tokenmaxx.storage.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.metering.KeyRouting;
import io.tokenmaxx.metering.KeyRoutingStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-key routing of gateway keys: set, replaced, removed, read one by one and all together. */
public abstract class ITKeyRouting extends StorageTest {

  KeyRoutingStore store() {
    return storage.keyRouting();
  }

  @Test
  void keepsStrategyAndModelsInOrderAndReplacesThem() {
    store().put("tok_a", new KeyRouting("cheapest", List.of("gpt-4o-mini", "claude-haiku-4-5", "gpt-4o-mini")));
    store().put("tok_b", new KeyRouting(null, List.of("llama-3.1-8b")));
    store().put("tok_c", new KeyRouting("cascade", List.of()));

    assertThat(store().find("tok_a")).contains(new KeyRouting("cheapest", List.of("gpt-4o-mini", "claude-haiku-4-5")));
    assertThat(store().find("tok_b").orElseThrow().strategy()).isNull();
    assertThat(store().find("tok_c").orElseThrow().models()).isEmpty();
    assertThat(store().find("tok_none")).isEmpty();
    assertThat(store().all()).containsOnlyKeys("tok_a", "tok_b", "tok_c");

    store().put("tok_a", new KeyRouting("lowest-latency", List.of("model with spaces/ü:1")));
    assertThat(store().find("tok_a")).contains(new KeyRouting("lowest-latency", List.of("model with spaces/ü:1")));
    store().put("tok_b", KeyRouting.NONE);
    assertThat(store().find("tok_b")).isEmpty();
    assertThat(store().all()).containsOnlyKeys("tok_a", "tok_c");
  }

  @Test
  void refusesNamesThatCannotBeStoredAndKeepsWhatWasThere() {
    store().put("tok_x", new KeyRouting("fallback", List.of("a")));
    assertThatThrownBy(() -> new KeyRouting(null, List.of("ok", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("models");
    assertThatThrownBy(() -> new KeyRouting(null, List.of("two\nlines")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
    assertThatThrownBy(() -> store().put("tok_x", new KeyRouting("bad\u0000", List.of("b"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy");
    assertThat(store().find("tok_x")).contains(new KeyRouting("fallback", List.of("a")));
  }
}
