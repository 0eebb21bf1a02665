package io.tokenmaxx.server.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.plan.catalog.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelClassesTest {
  final ModelClasses table = ModelClasses.builtIn().validate(Catalog.builtIn());

  @ParameterizedTest
  @CsvSource({"claude-opus-4-7,frontier-large", "claude-sonnet-4-6,mid", "claude-haiku-4-5,small",
      "gpt-5.1,mid", "gpt-5.1-codex,mid", "gpt-5.1-codex-mini,small", "gpt-5-mini,small", "gemini-3-flash,small",
      "gemini-3-pro-preview,frontier-large", "gemini-2.5-pro,frontier-large", "llama-3.3-70b-internal,mid",
      "Llama-3.1-8B-Instruct,small", "o3,frontier-large", "GPT-4o,mid", "something-else,mid"})
  void modelsFallIntoClassesByWholeWords(String model, String cls) {
    assertThat(table.classOf(model)).isEqualTo(cls);
  }

  @Test
  void aFileInTheDataDirectoryReplacesTheTable(@TempDir Path dir) throws Exception {
    assertThat(ModelClasses.forDataDir(dir).source()).startsWith("built-in");
    Files.writeString(dir.resolve(ModelClasses.FILE), """
        {"default_class": "all", "classes": [{"name": "all", "match": [], "self_host_model": "Mistral-7B", "api_model": "gpt-5-mini"}]}""");
    ModelClasses own = ModelClasses.forDataDir(dir).validate(Catalog.builtIn());
    assertThat(own.classOf("claude-opus-4-7")).isEqualTo("all");
    assertThat(own.get("all").selfHostModel()).isEqualTo("Mistral-7B");
  }

  @Test
  void mistakesNameTheFileAndTheField() {
    assertThatThrownBy(() -> ModelClasses.parse("{\"classes\": [{\"name\": \"x\", \"modle\": 1}]}", "mine.json"))
        .hasMessageContaining("mine.json: classes[0]: unknown field 'modle'");
    assertThatThrownBy(() -> ModelClasses.parse("{\"classes\": [{\"name\": \"x\", \"api_model\": \"gpt-5\"}]}", "mine.json"))
        .hasMessageContaining("self_host_model is missing");
    assertThatThrownBy(() -> ModelClasses.parse("{\"default_class\": \"y\", \"classes\": [{\"name\": \"x\", "
        + "\"self_host_model\": \"Llama-3.1-8B\", \"api_model\": \"gpt-5\"}]}", "mine.json"))
        .hasMessageContaining("default_class 'y' is not one of");
    assertThatThrownBy(() -> ModelClasses.parse("{\"classes\": [{\"name\": \"x\", \"self_host_model\": \"Llama-9B\", "
        + "\"api_model\": \"gpt-5\"}]}", "mine.json").validate(Catalog.builtIn()))
        .hasMessageContaining("mine.json: class x:").hasMessageContaining("Llama-9B");
    assertThatThrownBy(() -> ModelClasses.parse("[1]", "mine.json")).hasMessageContaining("must be a JSON object");
  }

  @Test
  void aWhatIfReplacesOneClassesModels() {
    ModelClasses t = table.with("mid", "Qwen2.5-72B", "gpt-5");
    assertThat(t.get("mid").selfHostModel()).isEqualTo("Qwen2.5-72B");
    assertThat(t.get("mid").apiModel()).isEqualTo("gpt-5");
    assertThat(t.get("small").selfHostModel()).isEqualTo("Llama-3.1-8B");
    assertThatThrownBy(() -> t.with("huge", null, null)).hasMessageContaining("no model class 'huge'");
  }
}
