package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {

  private static double mean(Tensor t) {
    double s = 0;
    for (int i = 0; i < t.size(); i++) {
      s += t.getFlat(i);
    }
    return s / t.size();
  }

  private static double variance(Tensor t) {
    double m = mean(t);
    double s = 0;
    for (int i = 0; i < t.size(); i++) {
      s += (t.getFlat(i) - m) * (t.getFlat(i) - m);
    }
    return s / t.size();
  }

  @Test
  void glorotUniformStaysWithinItsLimitWithTheUniformVariance() {
    int fanIn = 200;
    int fanOut = 300;
    Tensor w = Init.glorotUniform(Rng.seeded(1), DType.F64, fanIn, fanOut);
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    assertArrayEquals(new int[] {fanIn, fanOut}, w.shape());
    for (int i = 0; i < w.size(); i++) {
      assertTrue(Math.abs(w.getFlat(i)) <= limit);
    }
    // uniform on [-a, a): variance a^2 / 3 = 2 / (fanIn + fanOut); 60000 samples give ~0.6 % relative error
    assertEquals(2.0 / (fanIn + fanOut), variance(w), 0.03 * 2.0 / (fanIn + fanOut));
    assertEquals(0.0, mean(w), 5 * limit / Math.sqrt(3 * w.size()));
  }

  @Test
  void normalHasTheRequestedStandardDeviation() {
    Tensor w = Init.normal(Rng.seeded(2), DType.F64, 0.25, 100, 500);
    assertEquals(0.0, mean(w), 5 * 0.25 / Math.sqrt(w.size()));
    assertEquals(0.25 * 0.25, variance(w), 0.03 * 0.25 * 0.25);
  }

  @Test
  void zerosIsZero() {
    Tensor z = Init.zeros(DType.F32, 4, 5);
    assertArrayEquals(new float[20], z.floatData());
  }

  @Test
  void sameSeedGivesTheSameWeights() {
    assertArrayEquals(Init.glorotUniform(Rng.seeded(9), DType.F32, 7, 5).floatData(),
        Init.glorotUniform(Rng.seeded(9), DType.F32, 7, 5).floatData());
  }
}
