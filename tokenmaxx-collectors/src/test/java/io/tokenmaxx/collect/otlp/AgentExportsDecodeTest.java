package io.tokenmaxx.collect.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenmaxx.agents.AgentFixture;
import io.tokenmaxx.agents.AgentFixture.Export;
import io.tokenmaxx.agents.AgentFixture.Tokens;
import io.tokenmaxx.model.UsageRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder over the OTLP exports the real agents sent (scripts/capture-agents.sh): nothing is
 * rejected, and each request the stand-in served is one usage record with its tokens, once,
 * although Claude Code, Codex and Gemini CLI report the same requests as metrics (and Codex and
 * Claude Code as spans) too. The server's end-to-end version is AgentExportsTest.
 */
class AgentExportsDecodeTest {

  static Stream<AgentFixture> fixtures() {
    return AgentFixture.all().stream();
  }

  static OtlpDecoder decoder(Instant now) {
    return OtlpDecoder.builder().clock(new MutableClock(now)).build();
  }

  static void send(OtlpDecoder decoder, RecordingStore store, AgentFixture f, Export e) throws OtlpDecodeException {
    OtlpBatch batch = decoder.decode(Signal.forPath(e.path()), f.body(e), ContentType.fromHeader(e.contentType()),
        ContentType.gzipFromHeader(e.contentEncoding()));
    assertThat(batch.rejected()).as("%s %s: %s", f, e.file(), batch.errorMessage()).isZero();
    store.store(batch);
    store.apply(decoder.commit(batch));
  }



  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void eachServedRequestIsOneRecordAlthoughMetricsAndSpansRepeatIt(AgentFixture f) throws Exception {
    OtlpDecoder decoder = decoder(f.lastServedAt().plusSeconds(60));
    RecordingStore store = new RecordingStore();
    for (Export e : f.exports()) send(decoder, store, f, e);

    List<UsageRecord> usage = new ArrayList<>(store.usage.values());
    assertThat(usage).extracting(UsageRecord::tool).containsOnly(f.agent());
    List<UsageRecord> requests = usage.stream().filter(r -> r.totalTokens() > 0).toList();
    assertThat(requests).extracting(Tokens::of).as("one record per served request")
        .containsExactlyInAnyOrderElementsOf(f.served().stream().map(f::expected).toList());
    assertThat(Tokens.sum(usage)).isEqualTo(f.expected());
    // The rest are prompts with their text (hashed) and nothing else.
    assertThat(usage).filteredOn(r -> r.totalTokens() == 0)
        .allSatisfy(r -> assertThat(r.promptHash()).hasSize(64));
  }

  /** Claude Code's JavaScript cost of the request arrives as 0.0011159999999999998. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"claude-code-protobuf"})
  void claudeCodesFloatingPointCostIsKeptRounded(String scenario) throws Exception {
    AgentFixture f = AgentFixture.load(scenario);
    OtlpDecoder decoder = decoder(f.lastServedAt().plusSeconds(60));
    RecordingStore store = new RecordingStore();
    for (Export e : f.exports()) send(decoder, store, f, e);
    assertThat(store.usage.values()).filteredOn(r -> r.inputTokens() == 12 && r.cacheReadTokens() == 2000)
        .singleElement().satisfies(r -> {
          assertThat(r.reportedCost()).isEqualTo(new BigDecimal("0.001116"));
          assertThat(r.cacheWrite5mTokens()).isEqualTo(100);
        });
  }

  /** Every capture's exports into one decoder, in a seeded random order, twice: the same records. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void everyExportInRandomOrderTwiceCountsEachRequestOnce(long seed) throws Exception {
    List<AgentFixture> all = AgentFixture.all();
    Instant now = all.stream().map(AgentFixture::lastServedAt).max(Instant::compareTo).orElseThrow().plusSeconds(60);
    OtlpDecoder decoder = decoder(now);
    RecordingStore store = new RecordingStore();
    record Sent(AgentFixture f, Export e) {}
    List<Sent> sends = new ArrayList<>();
    for (AgentFixture f : all) for (Export e : f.exports()) sends.add(new Sent(f, e));
    Random rnd = new Random(seed);
    for (int pass = 0; pass < 2; pass++) {
      Collections.shuffle(sends, rnd);
      for (Sent s : sends) send(decoder, store, s.f(), s.e());
    }
    Tokens expected = all.stream().map(AgentFixture::expected).reduce(Tokens.ZERO, Tokens::plus);
    assertThat(Tokens.sum(new ArrayList<>(store.usage.values()))).isEqualTo(expected);
  }
}
