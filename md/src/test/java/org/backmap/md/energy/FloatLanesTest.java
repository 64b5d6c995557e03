package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The float32 exponential and logarithm of the mixed-precision kernels against {@link Math}, in ulps. */
class FloatLanesTest {
  private static final int N = 100_000;

  @Test
  void expIsWithinTwoUlpsAndZeroBelowTheNormalRange() {
    Random random = new Random(1);
    // the arguments GBn2 uses: -r^2/(4 B_i B_j) <= 0, down to the smallest normal result
    float[] x = arguments(k -> k == 0 ? 0 : k == 1 ? -87.3 : -87 * random.nextDouble());
    float[] y = x.clone();
    FloatLanes.exp(y, 0, N);
    System.out.println("exp: worst " + worstUlps(x, y, Math::exp) + " ulp");
    assertTrue(worstUlps(x, y, Math::exp) <= 2, "exp: " + worstUlps(x, y, Math::exp) + " ulp");
    assertEquals(1f, y[0]);
    float[] tiny = arguments(k -> k % 2 == 0 ? -88 : Double.NEGATIVE_INFINITY);
    FloatLanes.exp(tiny, 0, N);
    for (int k = 0; k < N; k++) {
      assertEquals(0f, tiny[k], "exp below the normal range");
    }
  }

  @Test
  void logIsWithinTwoUlps() {
    Random random = new Random(2);
    // L/U of the descreening integral lies in (0, 1]; odd entries cover the rest of the normal range
    float[] x = arguments(k -> k == 0 ? 1 : k == 2 ? Math.nextDown(1f)
        : k % 2 == 0 ? random.nextDouble() + Float.MIN_NORMAL : Math.exp(80 * (2 * random.nextDouble() - 1)));
    float[] y = x.clone();
    FloatLanes.log(y, 0, N);
    System.out.println("log: worst " + worstUlps(x, y, Math::log) + " ulp");
    assertTrue(worstUlps(x, y, Math::log) <= 2, "log: " + worstUlps(x, y, Math::log) + " ulp");
    assertEquals(0f, y[0]);
  }

  /** {@code N} arguments, plus the padding every row array has. */
  private static float[] arguments(IntToDoubleFunction value) {
    float[] x = new float[N + FloatLanes.LANES];
    for (int k = 0; k < N; k++) {
      x[k] = (float) value.applyAsDouble(k);
    }
    return x;
  }

  /** The largest error of {@code y} against {@code exact(x)}, in ulps of the exact result rounded to float. */
  private static double worstUlps(float[] x, float[] y, DoubleUnaryOperator exact) {
    double worst = 0;
    for (int k = 0; k < N; k++) {
      double e = exact.applyAsDouble(x[k]);
      worst = Math.max(worst, Math.abs(y[k] - e) / Math.ulp((float) e));
    }
    return worst;
  }
}
