package org.backmap.flows.distributions;

/**
 * Modified Bessel functions of the first kind for the von Mises normaliser, in forms that stay finite from
 * {@code kappa = 1e-6} to {@code 1e4} and beyond.
 *
 * <p>For {@code kappa <= 20} the power series {@code I_nu(k) = sum_j (k/2)^(2j+nu) / (j! (j+nu)!)} (all terms
 * positive, so no cancellation); above, the large-argument expansion
 * {@code I_nu(k) ~ e^k / sqrt(2 pi k) sum_n c_n}, {@code c_n = c_(n-1) ((2n-1)^2 - 4 nu^2) / (8 n k)} (Abramowitz &
 * Stegun 9.7.1), summed until the terms stop shrinking; at {@code k > 20} it is accurate to double precision.
 */
public final class Bessel {

  private static final double SERIES_LIMIT = 20.0;

  private Bessel() {}

  /** {@code log I0(kappa)} for {@code kappa >= 0}. */
  public static double logI0(double kappa) {
    checkArgument(kappa);
    if (kappa <= SERIES_LIMIT) {
      return Math.log1p(i0Tail(kappa));
    }
    return kappa - 0.5 * Math.log(2 * Math.PI * kappa) + Math.log(asymptoticSum(kappa, 0));
  }

  /** {@code I1(kappa) / I0(kappa)}, the derivative of {@link #logI0}. */
  public static double i1OverI0(double kappa) {
    checkArgument(kappa);
    if (kappa <= SERIES_LIMIT) {
      return series(kappa, 1) / series(kappa, 0);
    }
    return asymptoticSum(kappa, 1) / asymptoticSum(kappa, 0);
  }

  private static void checkArgument(double kappa) {
    if (!(kappa >= 0) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("Bessel I needs a finite kappa >= 0, got " + kappa);
    }
  }

  /** {@code I0(k) - 1} by the power series, so that {@code log I0 = log1p(tail)} keeps precision at tiny k. */
  private static double i0Tail(double k) {
    return series(k, 0, 1);
  }

  /** {@code I_nu(k)} for nu in {0, 1} by the power series. */
  private static double series(double k, int nu) {
    return series(k, nu, 0);
  }

  /** The power series of {@code I_nu(k)} from term {@code first} on. */
  private static double series(double k, int nu, int first) {
    double q = k * k / 4;
    double term = nu == 0 ? 1.0 : k / 2;
    double sum = first == 0 ? term : 0.0;
    for (int j = 1; j < 500; j++) {
      term *= q / (j * (double) (j + nu));
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return sum;
  }

  /** {@code sum_n c_n} of the large-argument expansion of {@code I_nu}. */
  private static double asymptoticSum(double k, int nu) {
    double c = 1.0;
    double sum = 1.0;
    for (int n = 1; n < 100; n++) {
      double next = c * ((2.0 * n - 1) * (2.0 * n - 1) - 4.0 * nu * nu) / (8.0 * n * k);
      if (Math.abs(next) >= Math.abs(c)) {
        break; // the expansion is asymptotic: stop at its smallest term
      }
      c = next;
      sum += c;
      if (Math.abs(c) < 1e-17) {
        break;
      }
    }
    return sum;
  }
}
