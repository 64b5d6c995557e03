package org.backmap.backmapping.report;

/**
 * What {@link ModelReport} measures.
 *
 * @param maxExamples validation examples per type at most, the first in file order (0: all)
 * @param samples samples drawn in each of the chosen environments for the chi1 plot
 * @param environments validation environments chosen at random per type for the chi1 plot
 * @param seed seed of the model samples and of the choice of environments
 * @param batchSize examples per model call
 * @param bins histogram bins on {@code [-pi, pi]} for the Jensen-Shannon divergences and the plots
 */
public record ReportOptions(long maxExamples, int samples, int environments, long seed, int batchSize, int bins) {

  /** The target of the largest Jensen-Shannon divergence of chi1 and chi2 over all types. */
  public static final double JS_TARGET = 0.02;

  /** Validates. */
  public ReportOptions {
    if (maxExamples < 0 || samples < 1 || environments < 0 || batchSize < 1 || bins < 2) {
      throw new IllegalArgumentException("invalid report options: " + this);
    }
  }

  /** Every validation example, 10,000 samples in each of 5 environments, seed 1, batches of 64, 60 bins. */
  public static ReportOptions defaults() {
    return new ReportOptions(0, 10_000, 5, 1, 64, 60);
  }

  /** A copy with another cap on validation examples (0: all). */
  public ReportOptions withMaxExamples(long n) {
    return new ReportOptions(n, samples, environments, seed, batchSize, bins);
  }

  /** A copy with another number of samples per chosen environment. */
  public ReportOptions withSamples(int n) {
    return new ReportOptions(maxExamples, n, environments, seed, batchSize, bins);
  }

  /** A copy with another number of chosen environments. */
  public ReportOptions withEnvironments(int n) {
    return new ReportOptions(maxExamples, samples, n, seed, batchSize, bins);
  }

  /** A copy with another seed. */
  public ReportOptions withSeed(long s) {
    return new ReportOptions(maxExamples, samples, environments, s, batchSize, bins);
  }

  /** A copy with another batch size. */
  public ReportOptions withBatchSize(int n) {
    return new ReportOptions(maxExamples, samples, environments, seed, n, bins);
  }
}
