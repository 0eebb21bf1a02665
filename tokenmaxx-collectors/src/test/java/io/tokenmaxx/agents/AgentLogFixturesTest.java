package io.tokenmaxx.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.agents.AgentFixture.Tokens;
import io.tokenmaxx.collect.local.LocalLogScanner;
import io.tokenmaxx.collect.local.ScanResult;
import io.tokenmaxx.model.UsageRecord;
import io.tokenmaxx.pricing.PriceCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The local-log scanner over what the real agents wrote (scripts/capture-agents.sh): every request
 * the stand-in served is one record, with exactly the tokens it was billed, whatever the agent
 * wrote around it (Claude Code's cache split of zeros, Qwen Code's reasoning inside the candidates
 * and its memory extractor's requests only in telemetry lines, Codex's rollout events).
 */
class AgentLogFixturesTest {

  static Stream<AgentFixture> fixtures() {
    return Stream.concat(AgentFixture.all().stream(), AgentFixture.logsOnly().stream());
  }


  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyServedRequestIsOneRecordWithItsTokens(AgentFixture f, @TempDir Path dir) throws IOException {
    ScanResult scan = LocalLogScanner.builder().home(f.copyHome(dir)).env(Map.of()).threads(2).build().scan();
    List<UsageRecord> records = scan.records();

    assertThat(records).extracting(UsageRecord::tool).containsOnly(f.agent());
    assertThat(records).extracting(Tokens::of).as("one record per served request")
        .containsExactlyInAnyOrderElementsOf(f.logged().stream().map(f::expected).toList());
    assertThat(Tokens.sum(records))
        .isEqualTo(f.expectedInLogs());
    assertThat(records).extracting(UsageRecord::model)
        .containsExactlyInAnyOrderElementsOf(f.logged().stream().map(ServedRequest::model).toList());
    assertThat(records).extracting(UsageRecord::sessionId).doesNotContainNull();
    PriceCatalog prices = PriceCatalog.bundled();
    assertThat(records).allSatisfy(r -> assertThat(r.unpriced()).as("%s unpriced", r.model())
        .isEqualTo(prices.find(r.model(), r.timestamp()) == null)); // (Qwen's own models are not in the catalog)
    assertThat(scan.stats().malformedLines()).isZero();
    assertThat(scan.stats().invalidLines()).isZero();
  }
}
