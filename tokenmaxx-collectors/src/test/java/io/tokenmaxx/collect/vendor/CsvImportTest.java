package io.tokenmaxx.collect.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.model.UsageRecord;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvImportTest {
  private static Reader fixture(String name) {
    return new InputStreamReader(CsvImportTest.class.getResourceAsStream("/vendor/" + name), StandardCharsets.UTF_8);
  }

  @Test
  void cursorsExportBecomesTheSameRecordsAsTheApiGives() throws Exception {
    CsvImport.Result r = CsvImport.read(Vendor.CURSOR, fixture("cursor-usage-events.csv"), null);

    assertThat(r.errors()).containsExactly(
        "line 5: Input (w/ Cache Write) is not a whole number: 'abc'",
        "line 6: Date 'not a date' is not a date or time");
    assertThat(r.usage()).hasSize(3);
    UsageRecord first = r.usage().get(0);
    assertThat(first.inputTokens()).isEqualTo(126);
    assertThat(first.cacheWrite5mTokens()).isEqualTo(6112);
    assertThat(first.cacheReadTokens()).isEqualTo(11964);
    assertThat(first.outputTokens()).isEqualTo(450);
    assertThat(first.reportedCost()).isEqualByComparingTo("0.20");
    assertThat(first.identity()).isEqualTo(RawIdentity.email("dev1@example.com"));
    // two identical events stay two; the API gives the same event the same id
    assertThat(r.usage().get(1).id()).isNotEqualTo(first.id());
    assertThat(first.id()).isEqualTo(CursorImporter.eventId(LocalDate.of(2026, 3, 2), first.timestamp().toEpochMilli(),
        "dev1@example.com", "claude-4-sonnet", 126, 450, 6112, 11964, new HashMap<>()));
    assertThat(r.usage().get(2).reportedCost()).isNull(); // "Included": no cost, not zero
  }

  @Test
  void aPersonalExportWithoutUserColumnNeedsTheIdentity() throws Exception {
    String csv = "Date,Kind,Model,Max Mode,Input (w/ Cache Write),Input (w/o Cache Write),Cache Read,Output Tokens,Total Tokens,Cost\n"
        + "2026-03-02T10:00:00.000Z,Included,auto,No,10,10,0,5,15,$0.00\n";
    assertThat(CsvImport.read(Vendor.CURSOR, new StringReader(csv), null).errors())
        .containsExactly("line 2: no User column and no identity given for the file");
    assertThat(CsvImport.read(Vendor.CURSOR, new StringReader(csv), RawIdentity.email("me@example.com")).usage())
        .singleElement().satisfies(u -> assertThat(u.identity()).hasToString("email:me@example.com"));
  }

  @Test
  void anthropicConsoleExportIsSummedPerDayKeyAndModel() throws Exception {
    CsvImport.Result r = CsvImport.read(Vendor.ANTHROPIC, fixture("anthropic-console-usage.csv"), null);

    assertThat(r.errors()).singleElement().asString().startsWith("line 5: usage_input_tokens_no_cache is not a whole number");
    assertThat(r.usage()).hasSize(2);
    UsageRecord sonnet = r.usage().stream().filter(u -> u.model().startsWith("claude-sonnet")).findFirst().orElseThrow();
    assertThat(sonnet.id()).startsWith("import:anthropic.console-csv:2026-03-02:");
    assertThat(sonnet.inputTokens()).isEqualTo(1500);
    assertThat(sonnet.cacheWrite5mTokens()).isEqualTo(200);
    assertThat(sonnet.cacheWrite1hTokens()).isEqualTo(100);
    assertThat(sonnet.cacheReadTokens()).isEqualTo(5000);
    assertThat(sonnet.outputTokens()).isEqualTo(350);
    assertThat(sonnet.identity()).hasToString("api_key:anthropic:apikey_01");
    assertThat(sonnet.project()).isEqualTo("Default");
    assertThat(sonnet.timestamp()).hasToString("2026-03-02T12:00:00Z");
  }

  @Test
  void openAiExportSplitsCachedInputAndAWrongFileIsNamed() throws Exception {
    String csv = "start_time,project_id,user_id,model,input_tokens,input_cached_tokens,output_tokens,num_model_requests,cost_usd\n"
        + "1772409600,proj_1,user-1,gpt-4o,1000,600,20,3,0.5\n";
    List<UsageRecord> u = CsvImport.read(Vendor.OPENAI, new StringReader(csv), null).usage();
    assertThat(u).singleElement().satisfies(x -> {
      assertThat(x.inputTokens()).isEqualTo(400);
      assertThat(x.cacheReadTokens()).isEqualTo(600);
      assertThat(x.requests()).isEqualTo(3);
      assertThat(x.reportedCost()).isEqualTo(new BigDecimal("0.5"));
      assertThat(x.identity()).hasToString("user_id:openai:user-1");
    });
    assertThatThrownBy(() -> CsvImport.read(Vendor.CURSOR, new StringReader(csv), null))
        .hasMessageContaining("not a cursor usage export").hasMessageContaining("input_w_cache_write");
    assertThatThrownBy(() -> CsvImport.read(Vendor.GITHUB_COPILOT, new StringReader(csv), null))
        .hasMessageContaining("importers.github-copilot");
  }
}
