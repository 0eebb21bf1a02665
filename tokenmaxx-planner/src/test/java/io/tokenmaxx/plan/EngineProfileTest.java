package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineProfileTest {
  final EngineProfile p = EngineProfile.DEFAULT;

  @ParameterizedTest
  @CsvSource({"1,1", "2,2", "3,4", "5,8", "101,104", "128,128", "129,192", "197,256", "259,320", "500,512", "512,512"})
  void decodeBatchesArePaddedToTheNextCapturedGraph(int batch, int graph) {
    // captured: 1, 2, 4, multiples of 8 up to 128, then 192, 256, 320, ... and the max batch (512)
    assertThat(p.graphBatch(batch)).isEqualTo(graph);
  }

  @Test
  void paddingStopsAtTheMaxBatch() {
    EngineProfile q = p.withMaxBatchSize(300);
    assertThat(q.graphBatch(290)).isEqualTo(300); // 320 is not captured; the max batch is
    assertThat(q.graphBatch(300)).isEqualTo(300);
  }

  @Test
  void gemmEfficiencyGrowsWithTheReductionLength() {
    // 0.58 x K / (K + 1,024): K = 1,024 -> 0.29; K = 4,096 -> 0.464; K = 16,384 -> 0.5458823...
    assertThat(p.gemmEfficiency(1024)).isCloseTo(0.29, within(1e-12));
    assertThat(p.gemmEfficiency(4096)).isCloseTo(0.464, within(1e-12));
    assertThat(p.gemmEfficiency(16384)).isCloseTo(0.58 * 16384 / 17408, within(1e-12));
  }

  @Test
  void mathAndWeightReadOverlapImperfectly() {
    // sharpness 2: (3^2 + 4^2)^(1/2) = 5; far from the ridge the longer one dominates
    assertThat(p.overlap(3, 4)).isCloseTo(5, within(1e-12));
    assertThat(p.overlap(4, 3)).isCloseTo(5, within(1e-12));
    assertThat(p.overlap(100, 1)).isCloseTo(Math.sqrt(10001), within(1e-12));
    assertThat(p.overlap(0, 0)).isZero();
    EngineProfile perfect = p.toBuilder().overlapSharpness(Double.POSITIVE_INFINITY).build();
    assertThat(perfect.overlap(3, 4)).isEqualTo(4);
  }

  @Test
  void builderChangesOneFieldAndKeepsTheRest() {
    EngineProfile q = p.toBuilder().layerOverheadSeconds(1e-5).build();
    assertThat(q.layerOverheadSeconds()).isEqualTo(1e-5);
    assertThat(q.toBuilder().layerOverheadSeconds(p.layerOverheadSeconds()).build()).isEqualTo(p);
  }

  @Test
  void badValuesNameTheSetting() {
    assertThatThrownBy(() -> p.toBuilder().overlapSharpness(0.5).build())
        .hasMessageContaining("overlap sharpness");
    assertThatThrownBy(() -> p.toBuilder().gemmEfficiency(1.5).build()).hasMessageContaining("GEMM efficiency");
    assertThatThrownBy(() -> p.toBuilder().layerOverheadSeconds(-1).build()).hasMessageContaining("layer overhead");
    assertThatThrownBy(() -> p.withMaxTokensPerStep(0)).hasMessageContaining("max tokens per step");
  }
}
