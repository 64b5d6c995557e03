package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class LossesTest {

  @Test
  void meanSquaredErrorAveragesSquaredDifferences() {
    Tensor p = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
    Tensor t = Tensor.of(new double[] {1, 0, 4, 1}, 2, 2);
    assertEquals((0 + 4 + 1 + 9) / 4.0, Losses.meanSquaredError(p, t).item(), 0);
    assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError(p, t.reshape(4)));
  }
}
