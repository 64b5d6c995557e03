package org.backmap.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

  private final List<Tensor> gradients = List.of(Tensor.of(new double[] {3}, 1), Tensor.of(new double[] {0, 4}, 2));

  @Test
  void scaleIsMinOfOneAndThresholdOverGlobalNorm() {
    assertEquals(2.0 / 5, GradientClipping.byGlobalNorm(2).scale(gradients), 1e-16);
    assertEquals(1.0, GradientClipping.byGlobalNorm(5).scale(gradients));
    assertEquals(1.0, GradientClipping.byGlobalNorm(10).scale(gradients));
    assertEquals(1.0, GradientClipping.none().scale(gradients));
    assertEquals(1.0, GradientClipping.byValue(0.1).scale(gradients));
  }

  @Test
  void clipClampsOnlyWhenClippingByValue() {
    GradientClipping byValue = GradientClipping.byValue(0.5);
    assertEquals(0.5, byValue.clip(3));
    assertEquals(-0.5, byValue.clip(-3));
    assertEquals(0.25, byValue.clip(0.25));
    assertEquals(1e30, GradientClipping.none().clip(1e30));
    assertEquals(-1e30, GradientClipping.byGlobalNorm(1).clip(-1e30));
  }

  @Test
  void thresholdsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> GradientClipping.byGlobalNorm(0));
    assertThrows(IllegalArgumentException.class, () -> GradientClipping.byValue(Double.NaN));
  }
}
