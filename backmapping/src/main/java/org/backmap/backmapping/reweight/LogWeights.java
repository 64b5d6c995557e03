package org.backmap.backmapping.reweight;

import java.util.Arrays;

/**
 * Importance weights of N samples given as logarithms, {@code log w_i}, kept in log space until they are normalised
 * (weights of generated structures span hundreds of nats). A weight of zero is {@code -Infinity}; NaN and
 * {@code +Infinity} are refused. With the largest log-weight {@code m}, the sums are {@code exp(m) sum exp(log w_i -
 * m)}, so nothing overflows.
 *
 * <ul>
 *   <li>{@link #probabilities()}: {@code w_i / sum w}; {@link #normalised()}: {@code W_i = w_i / <w>}, mean 1;
 *   <li>{@link #kishEss()}: {@code (sum w)^2 / sum w^2}, between 1 and N; {@link #essFraction()} divides it by N;
 *   <li>{@link #average(double[])}: {@code <X>_1 = sum w_i X_i / sum w_i}; {@link #density} a weighted histogram.
 * </ul>
 */
public final class LogWeights {
  private final double[] logW;
  private final double max;
  /** {@code log sum w}. */
  private final double logSum;

  private LogWeights(double[] logW) {
    this.logW = logW;
    double m = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < logW.length; i++) {
      double v = logW[i];
      if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("log-weight of sample " + (i + 1) + " is " + v);
      }
      m = Math.max(m, v);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      throw new IllegalArgumentException("every weight is zero (log-weight -Infinity)");
    }
    this.max = m;
    this.logSum = logSumExp(logW, 1);
  }

  /**
   * The weights {@code exp(logW[i])}.
   *
   * @throws IllegalArgumentException when there are none, one is NaN or +Infinity, or all are zero
   */
  public static LogWeights of(double[] logW) {
    if (logW.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    return new LogWeights(logW.clone());
  }

  /**
   * The log-weight of one generated sample, {@code log w = log P1(r) + log P1(R | r) - log P2(R) - log P2(r | R)}
   * with {@code log P1(r) = -U / kT} (up to the constant that normalisation removes).
   *
   * @param energy potential energy U (kJ/mol)
   * @param kT thermal energy (kJ/mol), e.g. {@link #kT(double)} of 300 K
   * @param logEncoding {@code log P1(R | r)}, the encoding's log-density
   * @param logCg {@code log P2(R)}, the CG model's log-probability of R
   * @param logDecoding {@code log P2(r | R)}, the decoder's exact log-density
   */
  public static double logWeight(double energy, double kT, double logEncoding, double logCg, double logDecoding) {
    return -energy / kT + logEncoding - logCg - logDecoding;
  }

  /** Molar gas constant (kJ/mol/K), CODATA 2018, as OpenMM uses it. */
  public static final double GAS_CONSTANT = 8.314462618e-3;

  /** {@code kT} in kJ/mol at {@code kelvin}. */
  public static double kT(double kelvin) {
    return GAS_CONSTANT * kelvin;
  }

  /** Number of samples. */
  public int size() {
    return logW.length;
  }

  /** {@code log sum_i w_i}. */
  public double logSum() {
    return logSum;
  }

  /** {@code w_i / sum w}: sums to 1. */
  public double[] probabilities() {
    double[] p = new double[logW.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = Math.exp(logW[i] - logSum);
    }
    return p;
  }

  /** {@code W_i = w_i / <w>}: mean 1. */
  public double[] normalised() {
    double[] p = probabilities();
    for (int i = 0; i < p.length; i++) {
      p[i] *= p.length;
    }
    return p;
  }

  /** Kish's effective sample size {@code (sum w)^2 / sum w^2}, from 1 (one sample carries all) to N (all equal). */
  public double kishEss() {
    return Math.exp(2 * logSum - logSumExp(logW, 2));
  }

  /** {@link #kishEss()} / N. */
  public double essFraction() {
    return kishEss() / logW.length;
  }

  /** The weighted average {@code sum w_i x_i / sum w_i} of an observable, one value per sample. */
  public double average(double[] x) {
    requireSize(x);
    double[] p = probabilities();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (p[i] != 0) {
        s += p[i] * x[i];
      }
    }
    return s;
  }

  /**
   * The weighted density of {@code x} in {@code bins} equal bins on {@code [lower, upper)}: bin mass over bin width,
   * the weights of the samples inside the range normalised to 1 (samples outside are left out, as are their weights).
   */
  public double[] density(double[] x, double lower, double upper, int bins) {
    requireSize(x);
    if (!(upper > lower) || bins < 1) {
      throw new IllegalArgumentException("need lower < upper and at least one bin, got [" + lower + ", " + upper + "), " + bins);
    }
    double[] p = probabilities();
    double[] h = new double[bins];
    double width = (upper - lower) / bins;
    double inside = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] >= lower && x[i] < upper) {
        int b = Math.min(bins - 1, (int) ((x[i] - lower) / width));
        h[b] += p[i];
        inside += p[i];
      }
    }
    for (int b = 0; b < bins; b++) {
      h[b] = inside > 0 ? h[b] / inside / width : 0;
    }
    return h;
  }

  /** The log-weights as given. */
  public double[] logWeights() {
    return logW.clone();
  }

  private void requireSize(double[] x) {
    if (x.length != logW.length) {
      throw new IllegalArgumentException(x.length + " values for " + logW.length + " samples");
    }
  }

  /** {@code log sum exp(scale * v_i)}. */
  private double logSumExp(double[] v, double scale) {
    double m = scale * max;
    double s = 0;
    for (double x : v) {
      s += Math.exp(scale * x - m);
    }
    return m + Math.log(s);
  }

  @Override
  public String toString() {
    return "LogWeights" + Arrays.toString(Arrays.copyOf(logW, Math.min(5, logW.length))) + (logW.length > 5 ? "..." : "");
  }
}
