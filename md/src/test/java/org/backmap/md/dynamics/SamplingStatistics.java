package org.backmap.md.dynamics;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/** Goodness-of-fit tests of sampled values against an exact density: chi-square and Kolmogorov-Smirnov. */
final class SamplingStatistics {
  private SamplingStatistics() {}

  /** Probability of each of {@code bins} equal bins of {@code [lo, hi]} under the unnormalised {@code density}, normalised over {@code [a, b]}. */
  static double[] binProbabilities(DoubleUnaryOperator density, double a, double b, double lo, double hi, int bins) {
    double total = simpson(density, a, b, 20_000);
    double width = (hi - lo) / bins;
    double[] p = new double[bins];
    for (int k = 0; k < bins; k++) {
      p[k] = simpson(density, lo + k * width, lo + (k + 1) * width, 200) / total;
    }
    return p;
  }

  static double simpson(DoubleUnaryOperator f, double a, double b, int intervals) {
    double dx = (b - a) / intervals;
    double sum = 0;
    for (int i = 0; i <= intervals; i++) {
      double w = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * f.applyAsDouble(a + i * dx);
    }
    return sum * dx / 3;
  }

  /**
   * Pearson's chi-square of {@code samples} against {@code p} over equal bins of {@code [lo, hi]} plus one bin for
   * everything outside (probability {@code 1 - sum p}).
   *
   * @return {chi-square, degrees of freedom, p-value}
   */
  static double[] chiSquare(double[] samples, double[] p, double lo, double hi) {
    int bins = p.length;
    long[] counts = new long[bins + 1];
    for (double s : samples) {
      int k = (int) Math.floor((s - lo) / (hi - lo) * bins);
      counts[k < 0 || k >= bins ? bins : k]++;
    }
    double outside = 1 - Arrays.stream(p).sum();
    double chi2 = 0;
    int n = samples.length;
    int used = 0;
    for (int k = 0; k <= bins; k++) {
      double expected = n * (k < bins ? p[k] : Math.max(outside, 0));
      if (expected < 5) {
        // too few expected counts for the chi-square approximation; only allowed where nearly nothing lands
        if (counts[k] > 10 + 5 * expected) {
          return new double[] {Double.POSITIVE_INFINITY, 0, 0};
        }
        continue;
      }
      chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
      used++;
    }
    int dof = used - 1;
    return new double[] {chi2, dof, upperGamma(dof / 2.0, chi2 / 2)};
  }

  /**
   * One-sample Kolmogorov-Smirnov distance of {@code samples} from {@code cdf}, and its asymptotic p-value.
   *
   * @return {D, p-value}
   */
  static double[] kolmogorovSmirnov(double[] samples, DoubleUnaryOperator cdf) {
    double[] s = samples.clone();
    Arrays.sort(s);
    int n = s.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(s[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    double sqrtN = Math.sqrt(n);
    return new double[] {d, kolmogorovTail((sqrtN + 0.12 + 0.11 / sqrtN) * d)};
  }

  /** {@code P(K > x)} of the Kolmogorov distribution. */
  static double kolmogorovTail(double x) {
    if (x < 0.3) {
      return 1;
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      sum += (k % 2 == 1 ? 2 : -2) * Math.exp(-2.0 * k * k * x * x);
    }
    return Math.min(1, Math.max(0, sum));
  }

  /** Regularized upper incomplete gamma {@code Q(a, x)}: the chi-square tail with {@code 2a} degrees of freedom at {@code 2x}. */
  static double upperGamma(double a, double x) {
    if (x <= 0) {
      return 1;
    }
    double lnPrefix = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      // series for P(a, x)
      double term = 1 / a, sum = term;
      for (int n = 1; n < 10_000 && Math.abs(term) > 1e-16 * Math.abs(sum); n++) {
        term *= x / (a + n);
        sum += term;
      }
      return 1 - sum * Math.exp(lnPrefix);
    }
    // continued fraction for Q(a, x) (modified Lentz)
    double b = x + 1 - a, c = 1e300, d = 1 / b, h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < 1e-300 ? 1e-300 : d;
      c = b + an / c;
      c = Math.abs(c) < 1e-300 ? 1e-300 : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return Math.exp(lnPrefix) * h;
  }

  /** Lanczos approximation of {@code ln Gamma(x)}, x > 0 (relative error below 1e-14). */
  static double logGamma(double x) {
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += g[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /** Mean and standard error from {@code batches} consecutive batch means of correlated {@code values}. */
  static double[] batchMean(double[] values, int batches) {
    int per = values.length / batches;
    double[] means = new double[batches];
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < per; i++) {
        means[b] += values[b * per + i] / per;
      }
    }
    double m = Arrays.stream(means).average().orElseThrow();
    double var = Arrays.stream(means).map(v -> (v - m) * (v - m)).sum() / (batches - 1);
    return new double[] {m, Math.sqrt(var / batches)};
  }
}
