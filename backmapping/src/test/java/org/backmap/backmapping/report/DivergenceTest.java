package org.backmap.backmapping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backmap.plot.Histogram;
import org.junit.jupiter.api.Test;

class DivergenceTest {

  @Test
  void matchesAHandComputedValue() {
    // m = (3/8, 3/8, 1/4); KL(p||m) = ln(4/3), KL(q||m) = ln(2/3)/2 + ln(2)/2 = ln(4/3)/2; JS = 3/4 ln(4/3)
    double js = Divergence.jensenShannon(new double[] {0.5, 0.5, 0}, new double[] {0.25, 0.25, 0.5});
    assertEquals(0.75 * Math.log(4.0 / 3.0), js, 1e-15);
    assertEquals(0.2157615543388357, js, 1e-15);
  }

  @Test
  void isZeroForIdenticalLnTwoForDisjointAndSymmetric() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 100; trial++) {
      double[] p = random(r, 60);
      double[] q = random(r, 60);
      assertEquals(0, Divergence.jensenShannon(p, p), 1e-15);
      double pq = Divergence.jensenShannon(p, q);
      assertEquals(pq, Divergence.jensenShannon(q, p), 1e-15);
      assertTrue(pq > 0 && pq < Math.log(2), "JS " + pq + " outside (0, ln 2)");
    }
    assertEquals(Math.log(2), Divergence.jensenShannon(new double[] {0.3, 0.7, 0, 0}, new double[] {0, 0, 0.9, 0.1}),
        1e-15);
  }

  @Test
  void histogramsOfTwoSamplesOfOneLawShowTheSamplingFloorOnAverage() {
    SplittableRandom r = new SplittableRandom(11);
    int n = 2000, repeats = 200;
    double mean = 0, floor = 0;
    for (int k = 0; k < repeats; k++) {
      Histogram a = new Histogram(-Math.PI, Math.PI, 60);
      Histogram b = new Histogram(-Math.PI, Math.PI, 60);
      for (int i = 0; i < n; i++) {
        a.add(Math.IEEEremainder(0.8 * gaussian(r) + 1, 2 * Math.PI));
        b.add(Math.IEEEremainder(0.8 * gaussian(r) + 1, 2 * Math.PI));
      }
      mean += Divergence.jensenShannon(a, b) / repeats;
      floor += Divergence.samplingFloor(a, b) / repeats;
    }
    // second-order theory; occupied bins stand in for the law's support, so allow 15 %
    assertEquals(floor, mean, 0.15 * floor, "mean JS " + mean + ", floor " + floor);
  }

  @Test
  void refusesDifferentBinningsAndEmptyHistograms() {
    Histogram a = Histogram.of(new double[] {0.1}, -1, 1, 4);
    assertThrows(IllegalArgumentException.class, () -> Divergence.jensenShannon(a, new Histogram(-1, 1, 5)));
    assertThrows(IllegalArgumentException.class, () -> Divergence.jensenShannon(a, new Histogram(-1, 1, 4)));
  }

  private static double[] random(SplittableRandom r, int n) {
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      p[i] = r.nextDouble() + 1e-3;
      sum += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
