package io.tokenmaxx.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostsTest {

  @Test
  void floatingPointNoiseRoundsToTheCostItStandsFor() {
    assertThat(Costs.normalize(new BigDecimal("0.0011159999999999998"))).isEqualTo(new BigDecimal("0.001116"));
  }

  @Test
  void tiesRoundToTheEvenNeighbour() {
    assertThat(Costs.normalize(new BigDecimal("0.0000000000000000025"))).isEqualTo(new BigDecimal("2E-18"));
    assertThat(Costs.normalize(new BigDecimal("0.0000000000000000035"))).isEqualTo(new BigDecimal("4E-18"));
    assertThat(Costs.normalize(new BigDecimal("5E-19"))).isEqualTo(BigDecimal.ZERO);
    assertThat(Costs.normalize(new BigDecimal("5.0000001E-19"))).isEqualTo(new BigDecimal("1E-18"));
  }

  @Test
  void equalAmountsCompareEqualWhateverTheirScale() {
    assertThat(Costs.normalize(new BigDecimal("0.14800"))).isEqualTo(Costs.normalize(new BigDecimal("0.148")));
    assertThat(Costs.normalize(new BigDecimal("1E+3"))).isEqualTo(new BigDecimal("1000"));
    assertThat(Costs.normalize(new BigDecimal("-0.0"))).isEqualTo(BigDecimal.ZERO);
    assertThat(Costs.normalize(null)).isNull();
  }

  /** Against the plain definition (round half-even to 18 places, drop trailing zeros), on seeded random values. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithThePlainDefinition(long seed) {
    Random rnd = new Random(seed);
    for (int i = 0; i < 2000; i++) {
      BigDecimal d = new BigDecimal(new BigInteger(1 + rnd.nextInt(60), rnd), rnd.nextInt(50) - 10);
      if (rnd.nextBoolean()) d = d.negate();
      BigDecimal expected = d.setScale(Costs.SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
      if (expected.scale() < 0) expected = expected.setScale(0);
      if (d.precision() - d.scale() - 1 >= Costs.MAX_INTEGER_DIGITS) expected = d; // out of range: left for problem()
      assertThat(Costs.normalize(d)).as("seed %d: %s", seed, d).isEqualTo(expected);
    }
  }

  /**
   * Exponents a client can write in a few characters are never expanded into their digits (which
   * would take a billion of them): far above the range the value comes back as it was, for
   * {@link Costs#problem} to refuse; far below it is zero.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1E+999999999", "1E-999999999", "-7E+999999", "9.99E-400"})
  void extremeExponentsAreNotExpanded(String text) {
    BigDecimal d = new BigDecimal(text);
    BigDecimal n = Costs.normalize(d);
    if (d.compareTo(BigDecimal.ONE) > 0) {
      assertThat(n).isSameAs(d);
      assertThat(Costs.problem(n)).startsWith("is too large").hasSizeLessThan(120);
    } else if (d.signum() < 0) {
      assertThat(n).isSameAs(d);
      assertThat(Costs.problem(n)).startsWith("must not be negative").hasSizeLessThan(120);
    } else {
      assertThat(n).isEqualTo(BigDecimal.ZERO);
    }
  }

  @Test
  void theStoredRangeIsBelowTenToTheTwentieth() {
    assertThat(Costs.problem(new BigDecimal("99999999999999999999.999999999999999999"))).isNull();
    assertThat(Costs.problem(new BigDecimal("100000000000000000000"))).contains("too large");
    assertThat(Costs.problem(new BigDecimal("-0.000001"))).contains("negative");
  }
}
