package org.backmap.backmapping.reweight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Importance weights in log space: ESS of known sets, exact reweighted averages of a 1-D system, overflow safety. */
class LogWeightsTest {

  @Test
  void kishEssOfKnownWeightSets() {
    assertEquals(100, LogWeights.of(new double[100]).kishEss(), 1e-9, "equal weights");
    double[] one = new double[50];
    java.util.Arrays.fill(one, Double.NEGATIVE_INFINITY);
    one[7] = 3;
    assertEquals(1, LogWeights.of(one).kishEss(), 1e-12, "one sample carries all");
    one[9] = 3;
    one[20] = 3;
    assertEquals(3, LogWeights.of(one).kishEss(), 1e-12, "three equal, the rest zero");
    assertEquals(9.0 / 5, LogWeights.of(new double[] {0, Math.log(2)}).kishEss(), 1e-12, "(1+2)^2/(1+4)");
    assertEquals(0.9, LogWeights.of(new double[] {0, Math.log(2)}).essFraction(), 1e-12);
    // shifting every log-weight by a constant changes nothing, even by 1e4 nats (no overflow)
    LogWeights shifted = LogWeights.of(new double[] {1e4, 1e4 + Math.log(2)});
    assertEquals(9.0 / 5, shifted.kishEss(), 1e-9);
    assertArrayEquals(new double[] {2.0 / 3, 4.0 / 3}, shifted.normalised(), 1e-12);
  }

  @Test
  void reweightingSamplesOfOneNormalGivesTheAveragesOfAnother() {
    // P2 = N(0, 1) sampled at its quantiles (a deterministic sample), P1 proportional to exp(-U/kT) with
    // U/kT = (x - 1)^2 / (2 * 0.5^2): the reweighted mean, variance and probability of x > 1.5 are those of N(1, 0.25)
    int n = 200_000;
    org.apache.commons.math3.distribution.NormalDistribution p2 = new org.apache.commons.math3.distribution.NormalDistribution(0, 1);
    double kT = LogWeights.kT(300);
    double[] x = new double[n];
    double[] logW = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = p2.inverseCumulativeProbability((i + 0.5) / n);
      double energy = kT * (x[i] - 1) * (x[i] - 1) / (2 * 0.25);
      logW[i] = LogWeights.logWeight(energy, kT, 0, p2.logDensity(x[i]), 0);
    }
    LogWeights w = LogWeights.of(logW);
    assertEquals(1, w.average(x), 1e-4);
    double[] sq = new double[n];
    double[] tail = new double[n];
    for (int i = 0; i < n; i++) {
      sq[i] = (x[i] - 1) * (x[i] - 1);
      tail[i] = x[i] > 1.5 ? 1 : 0;
    }
    assertEquals(0.25, w.average(sq), 1e-4);
    assertEquals(1 - new org.apache.commons.math3.distribution.NormalDistribution(1, 0.5).cumulativeProbability(1.5), w.average(tail), 1e-4);
    // ESS of this proposal: (int p1^2/p2)^-1 = sqrt(1 - 0.25^2)... evaluated in closed form for N(1,1/4) over N(0,1)
    double s1 = 0.25;
    double expected = 1 / (Math.exp(1.0 / (2 - s1)) / Math.sqrt(s1 * (2 - s1)));
    assertEquals(expected, w.essFraction(), 1e-3);
    double[] h = w.density(x, -1, 3, 40);
    double mass = 0;
    for (double v : h) {
      mass += v * 0.1;
    }
    assertEquals(1, mass, 1e-12);
  }

  @Test
  void badWeightsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> LogWeights.of(new double[0]));
    assertThrows(IllegalArgumentException.class, () -> LogWeights.of(new double[] {0, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> LogWeights.of(new double[] {0, Double.POSITIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class, () -> LogWeights.of(new double[] {Double.NEGATIVE_INFINITY}));
    assertThrows(IllegalArgumentException.class, () -> LogWeights.of(new double[] {0, 1}).average(new double[3]));
  }
}
