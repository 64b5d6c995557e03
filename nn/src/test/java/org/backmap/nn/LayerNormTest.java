package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradCheck;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class LayerNormTest {

  @Test
  void rowsComeOutWithZeroMeanAndUnitVarianceBeforeTheAffineMap() {
    LayerNorm norm = new LayerNorm(6, 1e-12, DType.F64);
    assertEquals(List.of("gamma", "beta"), List.copyOf(norm.namedParameters().keySet()));
    Rng rng = Rng.seeded(1);
    Tensor x = Tensor.randn(rng.generator(), DType.F64, 4, 6).mul(3.0).add(2.0);
    Tensor y = norm.forward(x);
    double[] mean = y.mean(new int[] {-1}, false).toDoubleArray();
    double[] var = y.square().mean(new int[] {-1}, false).toDoubleArray();
    assertArrayEquals(new double[4], mean, 1e-12);
    assertArrayEquals(new double[] {1, 1, 1, 1}, var, 1e-9);
  }

  @Test
  void defaultsToTheKerasEpsilonInFloat32() {
    LayerNorm norm = new LayerNorm(3);
    assertEquals(1e-3, norm.eps());
    assertEquals(DType.F32, norm.gamma().dtype());
    assertArrayEquals(new float[] {1, 1, 1}, norm.gamma().floatData());
    assertArrayEquals(new float[3], norm.beta().floatData());
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Rng rng = Rng.seeded(2);
    LayerNorm norm = new LayerNorm(5, 1e-3, DType.F64);
    for (int i = 0; i < 5; i++) {
      norm.gamma().setFlat(i, 1 + 0.5 * rng.nextGaussian());
      norm.beta().setFlat(i, rng.nextGaussian());
    }
    Tensor x = Tensor.randn(rng.generator(), DType.F64, 2, 3, 5);
    Tensor w = Tensor.randn(rng.generator(), DType.F64, 2, 3, 5);
    ParameterGradients.assertMatchFiniteDifferences(norm, () -> norm.forward(x).tanh().mul(w).sum(), 1e-6, 1e-7);
    GradCheck.Result input = GradCheck.check(t -> norm.forward(t[0]).tanh(), 1e-6, rng.generator(), x);
    assertEquals(0, input.maxError(), 1e-7, input::toString);
  }
}
