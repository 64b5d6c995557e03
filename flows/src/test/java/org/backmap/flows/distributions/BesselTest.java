package org.backmap.flows.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BesselTest {

  /** {@code log (1/2pi) integral e^(k cos x - k) dx + k}: the trapezoid rule is spectrally exact for periodic integrands. */
  private static double logI0ByQuadrature(double kappa) {
    int n = 400_000;
    double h = 2 * Math.PI / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.exp(kappa * (Math.cos(-Math.PI + i * h) - 1));
    }
    return Math.log(sum * h / (2 * Math.PI)) + kappa;
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 1e-3, 0.3, 1, 5, 19.99, 20.01, 60, 500, 1e4})
  void logI0MatchesQuadrature(double kappa) {
    assertEquals(logI0ByQuadrature(kappa), Bessel.logI0(kappa), 1e-10 * Math.max(1, kappa));
  }

  @ParameterizedTest
  @ValueSource(doubles = {1e-6, 1e-3, 0.3, 1, 5, 19.99, 20.01, 60, 500, 1e4})
  void ratioIsTheDerivativeOfLogI0(double kappa) {
    double h = 1e-5 * Math.max(kappa, 1e-3);
    double numeric = (Bessel.logI0(kappa + h) - Bessel.logI0(kappa - h)) / (2 * h);
    assertEquals(numeric, Bessel.i1OverI0(kappa), 1e-7);
  }

  @Test
  void smallAndLargeArgumentLimits() {
    assertEquals(0.25e-12, Bessel.logI0(1e-6), 1e-20); // log I0(k) ~ k^2/4
    assertEquals(0.5e-6, Bessel.i1OverI0(1e-6), 1e-15); // I1/I0 ~ k/2
    assertEquals(1 - 1 / (2 * 1e4), Bessel.i1OverI0(1e4), 1e-8); // ~ 1 - 1/(2k)
  }
}
