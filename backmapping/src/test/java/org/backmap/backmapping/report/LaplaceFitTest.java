package org.backmap.backmapping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaplaceFitTest {

  @Test
  void recoversTheScaleOfKnownLaplaceDraws() {
    double b = 0.7;
    int n = 200_000;
    SplittableRandom r = new SplittableRandom(5);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double u = r.nextDouble() - 0.5; // inverse CDF of Laplace(0, b)
      d[i] = -b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }
    double fitted = LaplaceFit.scale(d);
    // the estimator's standard error is b / sqrt(n) = 0.0016: 1 % is more than 4 of them
    assertEquals(b, fitted, 0.01 * b);
    // and it is the maximum of the likelihood
    assertTrue(logLikelihood(d, fitted) > logLikelihood(d, 0.99 * fitted));
    assertTrue(logLikelihood(d, fitted) > logLikelihood(d, 1.01 * fitted));
  }

  @Test
  void poolsAndReportsTheMean() {
    LaplaceFit x = new LaplaceFit();
    LaplaceFit y = new LaplaceFit();
    x.add(1);
    x.add(-3);
    y.add(2);
    LaplaceFit pooled = new LaplaceFit();
    pooled.addAll(x);
    pooled.addAll(y);
    assertEquals(2, x.scale(), 0);
    assertEquals(-1, x.mean(), 0);
    assertEquals(2, pooled.scale(), 0);
    assertEquals(3, pooled.count());
    assertTrue(Double.isNaN(new LaplaceFit().scale()));
    assertThrows(IllegalArgumentException.class, () -> x.add(Double.NaN));
  }

  private static double logLikelihood(double[] d, double b) {
    double sum = 0;
    for (double v : d) {
      sum += -Math.abs(v) / b - Math.log(2 * b);
    }
    return sum;
  }
}
