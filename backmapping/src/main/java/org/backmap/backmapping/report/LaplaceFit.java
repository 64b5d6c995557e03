package org.backmap.backmapping.report;

/**
 * Maximum-likelihood fit of a zero-centred Laplace law {@code p(d) = exp(-|d| / b) / (2 b)} to deviations: the
 * likelihood is largest at {@code b = mean |d|}. Accumulates one value at a time.
 */
public final class LaplaceFit {
  private double sumAbs;
  private double sum;
  private long count;

  /** Adds one deviation. */
  public void add(double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("a Laplace fit needs finite deviations, got " + d);
    }
    sumAbs += Math.abs(d);
    sum += d;
    count++;
  }

  /** Adds every value of {@code other}'s data (pooling two fits). */
  public void addAll(LaplaceFit other) {
    sumAbs += other.sumAbs;
    sum += other.sum;
    count += other.count;
  }

  /** Deviations added. */
  public long count() {
    return count;
  }

  /** The MLE scale {@code b = mean |d|}; NaN when nothing was added. */
  public double scale() {
    return count == 0 ? Double.NaN : sumAbs / count;
  }

  /** The mean deviation (0 for a law centred where assumed); NaN when nothing was added. */
  public double mean() {
    return count == 0 ? Double.NaN : sum / count;
  }

  /** The MLE scale of {@code deviations}. */
  public static double scale(double[] deviations) {
    LaplaceFit fit = new LaplaceFit();
    for (double d : deviations) {
      fit.add(d);
    }
    return fit.scale();
  }
}
