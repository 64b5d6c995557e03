package org.backmap.plot;

/**
 * Counts of values in {@code bins} equal bins on {@code [lower, upper]}. A value outside the range counts in the
 * nearest edge bin (angles that float rounding puts a hair beyond {@code pi} must not be lost); the upper bound
 * belongs to the last bin. NaN is refused.
 */
public final class Histogram {
  private final double lower;
  private final double upper;
  private final long[] counts;
  private long total;

  /**
   * An empty histogram.
   *
   * @throws IllegalArgumentException unless {@code lower < upper} (both finite) and {@code bins >= 1}
   */
  public Histogram(double lower, double upper, int bins) {
    if (!(Double.isFinite(lower) && Double.isFinite(upper) && lower < upper) || bins < 1) {
      throw new IllegalArgumentException("a histogram needs lower < upper and at least one bin, got [" + lower + ", "
          + upper + "] with " + bins + " bins");
    }
    this.lower = lower;
    this.upper = upper;
    this.counts = new long[bins];
  }

  /** A histogram of {@code values}. */
  public static Histogram of(double[] values, double lower, double upper, int bins) {
    Histogram h = new Histogram(lower, upper, bins);
    h.addAll(values);
    return h;
  }

  /** Counts {@code x}. */
  public void add(double x) {
    add(x, 1);
  }

  /**
   * Counts {@code x} {@code count} times (a weighted sample with its weight in integer units).
   *
   * @throws IllegalArgumentException for NaN or a negative count
   */
  public void add(double x, long count) {
    if (Double.isNaN(x) || count < 0) {
      throw new IllegalArgumentException("a histogram cannot count " + x + " " + count + " times");
    }
    int bin = (int) Math.floor((x - lower) / (upper - lower) * counts.length);
    counts[Math.max(0, Math.min(counts.length - 1, bin))] += count;
    total += count;
  }

  /** Counts every value of {@code values}. */
  public void addAll(double[] values) {
    for (double x : values) {
      add(x);
    }
  }

  /** Lower bound of the range. */
  public double lower() {
    return lower;
  }

  /** Upper bound of the range. */
  public double upper() {
    return upper;
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Width of one bin. */
  public double binWidth() {
    return (upper - lower) / counts.length;
  }

  /** Values counted in bin {@code i}. */
  public long count(int i) {
    return counts[i];
  }

  /** Values counted. */
  public long total() {
    return total;
  }

  /** Whether {@code other} has the same range and bins, so the two can be compared bin by bin. */
  public boolean sameBins(Histogram other) {
    return lower == other.lower && upper == other.upper && counts.length == other.counts.length;
  }

  /** Fraction of the values in each bin (all zero when empty). */
  public double[] probabilities() {
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = total == 0 ? 0 : (double) counts[i] / total;
    }
    return p;
  }

  /** Probability density in each bin: fraction / bin width, so that it integrates to 1 (all zero when empty). */
  public double[] density() {
    double[] p = probabilities();
    double w = binWidth();
    for (int i = 0; i < p.length; i++) {
      p[i] /= w;
    }
    return p;
  }
}
