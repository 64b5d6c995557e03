package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class LinearTest {

  @Test
  void forwardComputesXTimesWeightPlusBias() {
    Linear layer = new Linear(2, 3, Rng.seeded(1), DType.F64);
    System.arraycopy(new double[] {1, 2, 3, 4, 5, 6}, 0, layer.weight().doubleData(), 0, 6);
    System.arraycopy(new double[] {0.5, -1, 2}, 0, layer.bias().doubleData(), 0, 3);
    Tensor x = Tensor.of(new double[] {1, 1, 2, -1}, 2, 2);
    Tensor y = layer.forward(x);
    // row (1, 1): (1 + 4, 2 + 5, 3 + 6) + b; row (2, -1): (2 - 4, 4 - 5, 6 - 6) + b
    assertArrayEquals(new double[] {5 + 0.5, 7 - 1, 9 + 2, -2 + 0.5, -1 - 1, 0 + 2}, y.toDoubleArray());
    assertArrayEquals(new int[] {2, 3}, y.shape());
  }

  @Test
  void startsWithGlorotWeightsAndZeroBias() {
    Linear layer = new Linear(20, 30, Rng.seeded(2));
    assertEquals(DType.F32, layer.weight().dtype());
    assertEquals(List.of("weight", "bias"), List.copyOf(layer.namedParameters().keySet()));
    assertArrayEquals(new int[] {20, 30}, layer.weight().shape());
    assertArrayEquals(new float[30], layer.bias().floatData());
    double limit = Math.sqrt(6.0 / (20 + 30));
    for (float w : layer.weight().floatData()) {
      assertTrue(Math.abs(w) <= limit);
    }
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(3);
    Linear layer = new Linear(4, 3, rng, DType.F64);
    Tensor bias = layer.bias();
    for (int i = 0; i < bias.size(); i++) {
      bias.setFlat(i, rng.nextGaussian());
    }
    Tensor x = Tensor.randn(rng.generator(), DType.F64, 5, 4);
    Tensor w = Tensor.randn(rng.generator(), DType.F64, 5, 3);
    // a non-linear scalar of the output so that every element gets a distinct gradient
    ParameterGradients.assertMatchFiniteDifferences(layer, () -> layer.forward(x).tanh().mul(w).sum(), 1e-6, 1e-7);
  }
}
