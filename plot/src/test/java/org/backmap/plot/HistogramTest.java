package org.backmap.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void countsEdgesAndValuesOutsideTheRangeInTheNearestBin() {
    Histogram h = Histogram.of(new double[] {-1.0, -0.5, -0.01, 0.0, 0.49, 0.5, 1.0, 7.0, -7.0}, -1, 1, 4);
    // bins [-1,-0.5) [-0.5,0) [0,0.5) [0.5,1]; 1.0 and 7.0 go to the last, -7.0 to the first
    assertArrayEquals(new long[] {2, 2, 2, 3}, new long[] {h.count(0), h.count(1), h.count(2), h.count(3)});
    assertEquals(9, h.total());
    assertEquals(0.5, h.binWidth(), 0);
  }

  @Test
  void weightedCountsAddUp() {
    Histogram h = new Histogram(0, 1, 2);
    h.add(0.2, 3);
    h.add(0.7, 1);
    h.add(0.1);
    assertEquals(4, h.count(0));
    assertEquals(1, h.count(1));
    assertEquals(0.8, h.probabilities()[0], 1e-12);
    assertThrows(IllegalArgumentException.class, () -> h.add(0.5, -1));
  }

  @Test
  void densityIntegratesToOneAndProbabilitiesSumToOne() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    Histogram h = new Histogram(-Math.PI, Math.PI, 60);
    for (int i = 0; i < 5000; i++) {
      h.add(Math.PI * (2 * r.nextDouble() - 1));
    }
    double integral = 0, sum = 0;
    for (int i = 0; i < h.bins(); i++) {
      integral += h.density()[i] * h.binWidth();
      sum += h.probabilities()[i];
    }
    assertEquals(1, integral, 1e-12);
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void refusesNanAndEmptyRanges() {
    Histogram h = new Histogram(0, 1, 2);
    assertThrows(IllegalArgumentException.class, () -> h.add(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Histogram(1, 1, 2));
    assertThrows(IllegalArgumentException.class, () -> new Histogram(0, 1, 0));
    assertTrue(h.sameBins(new Histogram(0, 1, 2)));
    assertTrue(!h.sameBins(new Histogram(0, 1, 3)));
  }
}
