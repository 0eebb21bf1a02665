package io.tokenmaxx.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrecisionTest {
  @Test
  void bytesPerElement() {
    assertThat(Precision.BF16.bytes()).isEqualTo(2.0);
    assertThat(Precision.FP8.bytes()).isEqualTo(1.0);
    assertThat(Precision.INT4.bytes()).isEqualTo(0.5); // two 4-bit values per byte
  }

  @Test
  void parsesAnyCaseAndFp16() {
    assertThat(Precision.parse("fp8")).isEqualTo(Precision.FP8);
    assertThat(Precision.parse(" Int4 ")).isEqualTo(Precision.INT4);
    assertThat(Precision.parse("fp16")).isEqualTo(Precision.BF16);
    assertThatThrownBy(() -> Precision.parse("fp4")).hasMessageContaining("bf16, fp8, int4");
  }

  @Test
  void int4WeightsMultiplyInBf16AndFp8NeedsFp8TensorCores() {
    // W4A16 kernels widen the weights: BF16 rate. FP8 runs at the FP8 rate only where it exists.
    assertThat(Toy.GPU.gemmFlops(Precision.INT4)).isEqualTo(1000e12);
    assertThat(Toy.GPU.gemmFlops(Precision.FP8)).isEqualTo(2000e12);
    GpuSpec noFp8 = new GpuSpec("A", null, null, 80, 2, 312, 0, 1248, 300, 400,
        java.math.BigDecimal.ONE, java.math.BigDecimal.ONE, null, null, null);
    assertThat(noFp8.gemmFlops(Precision.FP8)).isEqualTo(312e12);
  }
}
