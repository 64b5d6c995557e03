package org.backmap.backmapping.report;

import org.backmap.plot.Histogram;

/** Divergences between histograms of the same binning, in nats. */
public final class Divergence {
  private static final double LN2 = Math.log(2);

  private Divergence() {}

  /**
   * The Jensen-Shannon divergence of two probability vectors, natural logarithm:
   * {@code JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2} with {@code m = (p + q) / 2}. It is symmetric, 0 exactly
   * when {@code p = q}, and at most {@code ln 2}, reached when the two have no bin in common; empty bins add
   * nothing ({@code 0 ln 0 = 0}).
   *
   * @throws IllegalArgumentException when the lengths differ
   */
  public static double jensenShannon(double[] p, double[] q) {
    if (p.length != q.length) {
      throw new IllegalArgumentException("probability vectors of " + p.length + " and " + q.length + " bins");
    }
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = 0.5 * (p[i] + q[i]);
      if (p[i] > 0) {
        sum += 0.5 * p[i] * Math.log(p[i] / m);
      }
      if (q[i] > 0) {
        sum += 0.5 * q[i] * Math.log(q[i] / m);
      }
    }
    return Math.max(0, Math.min(LN2, sum)); // rounding can leave -1e-17, or ln 2 + 1e-16 for disjoint vectors
  }

  /**
   * The Jensen-Shannon divergence of two histograms' bin fractions.
   *
   * @throws IllegalArgumentException when the binnings differ or a histogram is empty
   */
  public static double jensenShannon(Histogram a, Histogram b) {
    if (!a.sameBins(b)) {
      throw new IllegalArgumentException("histograms of different binnings");
    }
    if (a.total() == 0 || b.total() == 0) {
      throw new IllegalArgumentException("the Jensen-Shannon divergence of an empty histogram is undefined");
    }
    return jensenShannon(a.probabilities(), b.probabilities());
  }

  /**
   * The Jensen-Shannon divergence two histograms of {@code n} and {@code m} independent draws from one common law
   * show on average, from sampling alone: to second order {@code JS ~ sum (p - q)^2 / (8 (p + q) / 2)}, whose mean
   * is {@code (K - 1) (1/n + 1/m) / 8} for a law spread over {@code K} bins. A measured divergence near this value
   * says the two samples are too small to tell their laws apart; here {@code K} is taken as the bins occupied in
   * either histogram.
   */
  public static double samplingFloor(Histogram a, Histogram b) {
    if (!a.sameBins(b)) {
      throw new IllegalArgumentException("histograms of different binnings");
    }
    int occupied = 0;
    for (int i = 0; i < a.bins(); i++) {
      if (a.count(i) + b.count(i) > 0) {
        occupied++;
      }
    }
    return samplingFloor(occupied, a.total(), b.total());
  }

  /** {@code (bins - 1) (1/n + 1/m) / 8}: see {@link #samplingFloor(Histogram, Histogram)}. */
  public static double samplingFloor(int bins, long n, long m) {
    if (n < 1 || m < 1) {
      throw new IllegalArgumentException("sample sizes must be positive, got " + n + " and " + m);
    }
    return Math.max(0, bins - 1) * (1.0 / n + 1.0 / m) / 8;
  }
}
