package io.tokenmaxx.server.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.tokenmaxx.collect.otlp.SdkExporters;
import io.tokenmaxx.collect.otlp.SdkExporters.Encoding;
import io.tokenmaxx.collect.otlp.SimulatedClaudeCode;
import io.tokenmaxx.model.OutcomeKind;
import io.tokenmaxx.model.OutcomeRecord;
import io.tokenmaxx.model.RawIdentity;
import io.tokenmaxx.server.TestServer;
import io.tokenmaxx.server.http.Json;
import io.tokenmaxx.storage.Dimension;
import io.tokenmaxx.storage.UsageAggregate;
import io.tokenmaxx.storage.UsageQuery;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real client end to end: the OpenTelemetry Java SDK's own OTLP/HTTP exporters (protobuf and
 * JSON, gzip on and off, delta and cumulative) send Claude-Code-shaped metrics and log events to a
 * running server, over several export intervals, an exporter restart and a server restart; the
 * stored totals are exact, each token counted once, attributed to the right people, and the
 * account uuids reported beside known e-mails are learned as aliases.
 */
class OtlpEndToEndTest {
  @TempDir Path dir;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(Encoding.PROTOBUF, true, AggregationTemporalitySelector.deltaPreferred(), "delta"),
        Arguments.of(Encoding.PROTOBUF, false, AggregationTemporalitySelector.alwaysCumulative(), "cumulative"),
        Arguments.of(Encoding.JSON, true, AggregationTemporalitySelector.alwaysCumulative(), "cumulative"),
        Arguments.of(Encoding.JSON, false, AggregationTemporalitySelector.deltaPreferred(), "delta"));
  }

  static final class Expected {
    long input, output, cacheRead, cacheWrite, requests;
    BigDecimal cost = BigDecimal.ZERO;
    final Map<String, Long> inputByEmail = new HashMap<>();
  }

  @AfterEach
  void noHeaders() {
    SdkExporters.headers(Map.of());
  }

  @ParameterizedTest(name = "{0} gzip={1} {3}")
  @MethodSource("cases")
  void storedTotalsAreExactAcrossIntervalsAndRestarts(Encoding encoding, boolean gzip,
      AggregationTemporalitySelector temporality, String name) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> settings = Map.of("port", Integer.toString(port));
    Random random = new Random(41);
    Expected expected = new Expected();
    double[] outcomes = new double[OutcomeKind.values().length];
    TestServer server = new TestServer(dir, settings);
    try {
      String directory = "email,name,team\nann@example.com,Ann,Platform\nbob@example.com,Bob,Platform\ncy@example.com,Cy,Web\n";
      assertThat(server.post("/api/v1/directory/import", server.adminToken, "text/csv",
          directory.getBytes()).statusCode()).isEqualTo(200);
      var created = server.post("/api/v1/tokens", server.adminToken, "application/json",
          "{\"scope\":\"ingest\",\"team\":\"platform-rollout\"}".getBytes());
      String token = Json.MAPPER.readTree(created.body()).get("secret").asText();
      SdkExporters.headers(Map.of("Authorization", "Bearer " + token));

      try (SimulatedClaudeCode claude = new SimulatedClaudeCode("http://127.0.0.1:" + port,
          encoding, gzip, temporality)) {
        // A sends metrics and events, B only metrics, C only events.
        claude.sessionStarted("A", "ann@example.com");
        claude.sessionStarted("B", "bob@example.com");
        outcomes[OutcomeKind.SESSION.ordinal()] += 2;
        requests(claude, random, expected, "A", "ann@example.com", 3, true, true);
        requests(claude, random, expected, "B", "bob@example.com", 2, true, false);
        requests(claude, random, expected, "C", "cy@example.com", 2, false, true);
        outcomes(claude, random, outcomes, "B", "bob@example.com");
        claude.flushMetrics();
        claude.flushLogs();

        requests(claude, random, expected, "A", "ann@example.com", 2, true, true);
        requests(claude, random, expected, "B", "bob@example.com", 3, true, false);
        claude.flushLogs();
        claude.flushMetrics();
        claude.flushMetrics(); // a cumulative exporter re-sends every series unchanged

        // D's metrics arrive before the restart, its log events only after: the metric records
        // stored by the earlier process must still be retracted (counted once, from the events).
        claude.sessionStarted("D", "cy@example.com");
        outcomes[OutcomeKind.SESSION.ordinal()] += 1;
        requests(claude, random, expected, "D", "cy@example.com", 2, true, true);
        claude.flushMetrics();

        // The server restarts; a cumulative exporter then sends its running totals again.
        server.close();
        server = new TestServer(dir, settings);
        claude.flushLogs();
        claude.flushMetrics();
        requests(claude, random, expected, "B", "bob@example.com", 2, true, false);
        outcomes(claude, random, outcomes, "B", "bob@example.com");
        claude.flushMetrics();

        // The exporter restarts (a new Claude Code process): its counters start again at zero.
        claude.restartMeters();
        claude.sessionStarted("B", "bob@example.com");
        outcomes[OutcomeKind.SESSION.ordinal()] += 1;
        requests(claude, random, expected, "B", "bob@example.com", 2, true, false);
        claude.flushMetrics();
        claude.flushMetrics();
      }

      var store = server.assembly.store().usageStore();
      UsageAggregate all = store.aggregate(UsageQuery.builder().tools(Set.of("claude-code")).build()).getFirst();
      assertThat(all.inputTokens()).isEqualTo(expected.input);
      assertThat(all.outputTokens()).isEqualTo(expected.output);
      assertThat(all.cacheReadTokens()).isEqualTo(expected.cacheRead);
      assertThat(all.cacheWriteTokens()).isEqualTo(expected.cacheWrite);
      assertThat(all.requests()).isEqualTo(expected.requests);
      assertThat(all.reportedCost()).isEqualByComparingTo(expected.cost);

      Map<String, Long> byPerson = new HashMap<>();
      for (UsageAggregate a : store.aggregate(UsageQuery.builder().groupBy(Dimension.PERSON).build())) {
        byPerson.put(a.key().getFirst(), a.inputTokens());
      }
      assertThat(byPerson).containsOnlyKeys("ann@example.com", "bob@example.com", "cy@example.com");
      expected.inputByEmail.forEach((email, input) -> assertThat(byPerson.get(email)).as(email).isEqualTo(input));

      EnumMap<OutcomeKind, Double> sums = new EnumMap<>(OutcomeKind.class);
      for (OutcomeRecord o : store.outcomes(UsageQuery.all(), 100_000)) sums.merge(o.kind(), o.value(), Double::sum);
      for (OutcomeKind k : List.of(OutcomeKind.SESSION, OutcomeKind.COMMIT, OutcomeKind.LINES_ADDED,
          OutcomeKind.ACTIVE_SECONDS_USER, OutcomeKind.EDIT_ACCEPTED)) {
        assertThat(sums.getOrDefault(k, 0.0)).as(k.label()).isEqualTo(outcomes[k.ordinal()]);
      }
      // identities reported beside a known e-mail became that person's aliases
      var account = SimulatedClaudeCode.standard("A", "bob@example.com").build()
          .get(io.opentelemetry.api.common.AttributeKey.stringKey("user.account_uuid"));
      assertThat(server.assembly.store().directory()
          .resolve(new RawIdentity(RawIdentity.Kind.ACCOUNT_UUID, account))).contains("bob@example.com");
    } finally {
      server.close();
    }
  }

  private static void requests(SimulatedClaudeCode claude, Random random, Expected e,
      String session, String email, int count, boolean metrics, boolean logs) {
    for (int i = 0; i < count; i++) {
      String model = random.nextBoolean() ? "claude-sonnet-4-5" : "claude-opus-4-1";
      long input = random.nextInt(3000);
      long output = 1 + random.nextInt(2000);
      long cacheRead = random.nextInt(90_000);
      long cacheCreation = random.nextInt(10_000);
      BigDecimal usd = BigDecimal.valueOf(1 + random.nextInt(64)).divide(BigDecimal.valueOf(128));
      claude.request(session, email, model, input, output, cacheRead, cacheCreation, usd, metrics, logs);
      e.input += input;
      e.output += output;
      e.cacheRead += cacheRead;
      e.cacheWrite += cacheCreation;
      e.cost = e.cost.add(usd);
      e.inputByEmail.merge(email, input, Long::sum);
      if (logs) e.requests++;
    }
  }

  private static void outcomes(SimulatedClaudeCode claude, Random random, double[] totals,
      String session, String email) {
    long added = random.nextInt(400);
    long commits = 1 + random.nextInt(3);
    double user = random.nextInt(600) + 0.5;
    long accepted = 1 + random.nextInt(9);
    claude.outcomes(session, email, added, 3, commits, 1, user, 10.25, accepted, 1);
    totals[OutcomeKind.LINES_ADDED.ordinal()] += added;
    totals[OutcomeKind.COMMIT.ordinal()] += commits;
    totals[OutcomeKind.ACTIVE_SECONDS_USER.ordinal()] += user;
    totals[OutcomeKind.EDIT_ACCEPTED.ordinal()] += accepted;
  }
}
