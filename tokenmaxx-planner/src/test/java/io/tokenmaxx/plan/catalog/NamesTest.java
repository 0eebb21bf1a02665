package io.tokenmaxx.plan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void keyDropsCaseAndPunctuation() {
    assertThat(Names.key("Llama-3.1-8B")).isEqualTo("llama318b");
    assertThat(Names.key("llama3.1_8b")).isEqualTo("llama318b");
  }

  @Test
  void levenshtein() {
    // kitten -> sitten (substitute) -> sittin (substitute) -> sitting (insert) = 3
    assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Names.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void suggestsContainedAndNearNames() {
    List<String> names = List.of("Llama-3.1-8B", "Llama-3.1-70B", "Qwen2.5-72B");
    assertThat(Names.suggest("qwen", names)).containsExactly("Qwen2.5-72B");
    assertThat(Names.suggest("llama-3.1-80b", names)).containsExactly("Llama-3.1-70B", "Llama-3.1-8B");
    assertThat(Names.suggest("zzzzzzzz", names)).isEmpty();
  }
}
