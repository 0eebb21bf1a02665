package io.tokenmaxx.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebPartsTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 3, 13).atTime(15, 0).atZone(NY).toInstant(), ZoneOffset.UTC);

  static QueryString q(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return QueryString.of(m);
  }

  @Test
  void queryStringsKeepFiltersChangeOneValueAndEncode() {
    QueryString qs = q("team", "a&b", "from", "2026-03-01", "page", "2", "empty", "");
    assertThat(qs.toString()).isEqualTo("?team=a%26b&from=2026-03-01&page=2");
    assertThat(qs.with("page", "3").on("/leaderboard")).isEqualTo("/leaderboard?team=a%26b&from=2026-03-01&page=3");
    assertThat(qs.without("page", "team").toString()).isEqualTo("?from=2026-03-01");
    assertThat(qs.only(Filters.KEYS).toString()).isEqualTo("?team=a%26b&from=2026-03-01");
    assertThat(QueryString.empty().on("/x")).isEqualTo("/x");
    assertThat(q("q", "\"><script>").toString()).isEqualTo("?q=%22%3E%3Cscript%3E");
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13, 14})
  void formsDecodeWhatBrowsersEncode(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<String, String> sent = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      StringBuilder v = new StringBuilder();
      for (int j = rnd.nextInt(20); j > 0; j--) v.appendCodePoint(rnd.nextInt(2) == 0 ? 0x20 + rnd.nextInt(95) : 0xa0 + rnd.nextInt(0x2000));
      sent.put("k" + i, v.toString());
    }
    Form f = Form.parse(WebClient.encode(sent));
    sent.forEach((k, v) -> assertThat(f.raw(k)).isEqualTo(v));
    assertThat(f.text("missing")).isEmpty();
  }

  @Test
  void aFormRepeatingANameKeepsTheFirstValue() {
    Form f = Form.parse("_csrf=a&_csrf=b&x=1+2&y");
    assertThat(f.raw("_csrf")).isEqualTo("a");
    assertThat(f.raw("x")).isEqualTo("1 2");
    assertThat(f.get("y")).contains("");
    assertThatThrownBy(() -> Form.parse("a=%zz")).isInstanceOf(WebError.class);
  }

  @Test
  void filtersDefaultToFourWeeksEndingTodayAndKeepOnlyTheirKeys() {
    Filters f = Filters.parse(q("measure", "tokens", "team", "platform"), CLOCK, NY);
    assertThat(f.analytics().to()).isEqualTo(LocalDate.of(2026, 3, 13));
    assertThat(f.analytics().from()).isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(f.analytics().teams()).containsExactly("platform");
    assertThat(f.query().toString()).isEqualTo("?team=platform");
    assertThat(f.any()).isTrue();
  }

  @Test
  void badFilterValuesNameTheParameter() {
    assertThatThrownBy(() -> Filters.parse(q("from", "13/03/2026"), CLOCK, NY))
        .isInstanceOf(WebError.class).hasMessageContaining("'from'").hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> Filters.parse(q("from", "2026-03-10", "to", "2026-03-01"), CLOCK, NY))
        .isInstanceOf(WebError.class).hasMessageContaining("must not be after");
    assertThatThrownBy(() -> Filters.parse(q("team", "x".repeat(201)), CLOCK, NY))
        .isInstanceOf(WebError.class).hasMessageContaining("'team'");
  }

  @Test
  void numbersReadShortAndMoneyKeepsCents() {
    assertThat(Fmt.count(999)).isEqualTo("999");
    assertThat(Fmt.count(9_999)).isEqualTo("9,999");
    assertThat(Fmt.count(12_345)).isEqualTo("12.3k");
    assertThat(Fmt.count(1_000_000)).isEqualTo("1M");
    assertThat(Fmt.count(7_200_000_000L)).isEqualTo("7.2B");
    assertThat(Fmt.money(new BigDecimal("1234.567"))).isEqualTo("$1,235");
    assertThat(Fmt.money(new BigDecimal("12.345"))).isEqualTo("$12.35");
    assertThat(Fmt.money(new BigDecimal("0.00123"))).isEqualTo("$0.0012");
    assertThat(Fmt.money(BigDecimal.ZERO)).isEqualTo("$0.00");
    assertThat(Fmt.money(null)).isEqualTo("–");
    assertThat(Fmt.pct(0.4237)).isEqualTo("42%");
    assertThat(Fmt.pct(0.0123)).isEqualTo("1.2%");
    assertThat(Fmt.delta(-0.05)).isEqualTo("−5.0%");
    assertThat(Fmt.duration(45)).isEqualTo("45 s");
    assertThat(Fmt.duration(1800)).isEqualTo("30 min");
    assertThat(Fmt.duration(12_600)).isEqualTo("3.5 h");
  }

  @Test
  void redirectsOnlyGoToPathsOfThisSite() {
    assertThat(Result.redirect("/overview").location()).isEqualTo("/overview");
    for (String bad : new String[] {"https://x", "//x", "/\\x", "x"}) {
      assertThatThrownBy(() -> Result.redirect(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void chartsKnowWhenTheyHaveNothingToDraw() {
    Chart empty = Chart.of("bar", Chart.Unit.COUNT, "x").x(java.util.List.of("a", "b"))
        .series("s", java.util.Arrays.asList(0, null)).build();
    assertThat(empty.empty()).isTrue();
    Chart c = Chart.of("hbar", Chart.Unit.TOKENS, "x").x(java.util.List.of("a", "b", "c", "d", "e"))
        .series("s", java.util.List.of(1, 2, 3, 4, 5)).build();
    assertThat(c.empty()).isFalse();
    assertThat(c.height()).isEqualTo("m");
    assertThat(c.json()).isEqualTo("{\"kind\":\"hbar\",\"unit\":\"tokens\",\"x\":[\"a\",\"b\",\"c\",\"d\",\"e\"],"
        + "\"series\":[{\"name\":\"s\",\"data\":[1,2,3,4,5]}]}");
  }
}
