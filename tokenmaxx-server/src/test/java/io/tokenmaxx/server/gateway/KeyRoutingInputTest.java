package io.tokenmaxx.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.metering.KeyRouting;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A gateway key's routing as typed: strategies by label in any case, model names checked one by one, errors naming the field. */
class KeyRoutingInputTest {

  @Test
  void nothingGivenIsNoRoutingAndStrategiesAreReadByLabel() {
    assertThat(KeyRoutingInput.parse(null, null)).isEqualTo(KeyRouting.NONE);
    assertThat(KeyRoutingInput.parse(null, List.of()).isDefault()).isTrue();
    assertThat(KeyRoutingInput.parse(" Lowest-Latency ", null).strategy()).isEqualTo("lowest-latency");
    assertThat(KeyRoutingInput.parse("cascade", List.of(" gpt-4o-mini ", "auto", "gpt-4o-mini")))
        .isEqualTo(new KeyRouting("cascade", List.of("gpt-4o-mini", "auto")));
  }

  @Test
  void badInputNamesTheFieldAndWhatWasWrong() {
    assertThatThrownBy(() -> KeyRoutingInput.parse("round-robin", null))
        .isInstanceOfSatisfying(KeyRoutingInput.Invalid.class, e -> assertThat(e.field()).isEqualTo("strategy"))
        .hasMessageContaining("unknown strategy 'round-robin'").hasMessageContaining("weighted");
    assertThatThrownBy(() -> KeyRoutingInput.parse("  ", null))
        .isInstanceOfSatisfying(KeyRoutingInput.Invalid.class, e -> assertThat(e.field()).isEqualTo("strategy"));
    assertThatThrownBy(() -> KeyRoutingInput.parse(null, Arrays.asList("a", null)))
        .isInstanceOfSatisfying(KeyRoutingInput.Invalid.class, e -> assertThat(e.field()).isEqualTo("models"))
        .hasMessageContaining("model name 2 of 2 is blank");
    assertThatThrownBy(() -> KeyRoutingInput.parse(null, List.of("x".repeat(201))))
        .isInstanceOfSatisfying(KeyRoutingInput.Invalid.class, e -> assertThat(e.field()).isEqualTo("models"))
        .hasMessageContaining("longer than 200");
    assertThatThrownBy(() -> KeyRoutingInput.parse(null, List.of("tab\there")))
        .isInstanceOfSatisfying(KeyRoutingInput.Invalid.class, e -> assertThat(e.field()).isEqualTo("models"))
        .hasMessageContaining("control characters");
  }

  @Test
  void commaSeparatedKeepsEmptyEntriesSoThatTheyAreRefused() {
    assertThat(KeyRoutingInput.commaSeparated(null)).isEmpty();
    assertThat(KeyRoutingInput.commaSeparated("  ")).isEmpty();
    assertThat(KeyRoutingInput.commaSeparated("a, b")).containsExactly("a", "b");
    assertThat(KeyRoutingInput.commaSeparated("a,,b")).containsExactly("a", "", "b");
  }
}
