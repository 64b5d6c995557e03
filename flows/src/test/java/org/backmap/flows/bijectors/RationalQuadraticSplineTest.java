package org.backmap.flows.bijectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradCheck;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bijector contract for both spline variants, on random parameters. */
class RationalQuadraticSplineTest {

  private static final int BINS = 7;

  private static RationalQuadraticSpline spline(boolean circular) {
    return new RationalQuadraticSpline(BINS, circular ? Math.PI : 3.0, circular);
  }

  /** Inputs across the domain plus every knot, the endpoints, points just inside them, and tails. */
  private static Tensor inputs(RationalQuadraticSpline s, Tensor knotsSource, double bound, SplittableRandom rng) {
    int n = knotsSource.dim(0);
    Tensor x = Tensor.uniform(rng, DType.F64, -bound, bound, n);
    double[] special = {-bound, bound, Math.nextUp(-bound), Math.nextDown(bound), 0.0, 1e-12, -1e-12};
    for (int i = 0; i < special.length; i++) {
      x.setFlat(i, special[i]);
    }
    if (!s.circular()) {
      x.setFlat(special.length, bound + 2.5);
      x.setFlat(special.length + 1, -bound - 0.5);
    }
    return x;
  }

  private static Tensor params(RationalQuadraticSpline s, int n, SplittableRandom rng, double scale) {
    return Tensor.randn(rng, DType.F64, n, s.parameterCount()).mul(scale);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void inverseMethodsAreCorrect(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    SplittableRandom rng = new SplittableRandom(1);
    int n = 2000;
    Tensor p = params(s, n, rng, 2.0);
    double bound = circular ? Math.PI : 3.0;
    Tensor x = inputs(s, p, bound, rng);
    // also land exactly on interior knots: a zero-parameter spline has knots at multiples of 2B/K
    for (int k = 1; k < BINS; k++) {
      x.setFlat(10 + k, -bound + 2 * bound * k / BINS);
    }
    var fwd = s.forward(x, p);
    var inv = s.inverse(fwd.value(), p);
    assertArrayEquals(x.toDoubleArray(), inv.value().toDoubleArray(), 1e-9);
    double[] sum = fwd.logDet().add(inv.logDet()).toDoubleArray();
    for (double v : sum) {
      assertEquals(0.0, v, 1e-9);
    }
    var inv2 = s.inverse(x, p);
    assertArrayEquals(x.toDoubleArray(), s.forward(inv2.value(), p).value().toDoubleArray(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void logDetEqualsTheNumericalDerivative(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    SplittableRandom rng = new SplittableRandom(2);
    int n = 500;
    Tensor p = params(s, n, rng, 1.5);
    double bound = circular ? Math.PI : 3.0;
    Tensor x = Tensor.uniform(rng, DType.F64, -bound + 1e-4, bound - 1e-4, n);
    double h = 1e-6;
    double[] up = s.forward(x.add(h), p).value().toDoubleArray();
    double[] down = s.forward(x.sub(h), p).value().toDoubleArray();
    double[] logDet = s.forward(x, p).logDet().toDoubleArray();
    for (int i = 0; i < n; i++) {
      double numeric = Math.log((up[i] - down[i]) / (2 * h));
      assertEquals(numeric, logDet[i], 2e-5, "at x=" + x.getFlat(i));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void isMonotonicallyIncreasingAndMapsTheDomainOntoItself(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    SplittableRandom rng = new SplittableRandom(3);
    double bound = circular ? Math.PI : 3.0;
    Tensor p = params(s, 1, rng, 3.0).expand(1001, s.parameterCount());
    double[] x = new double[1001];
    for (int i = 0; i < x.length; i++) {
      x[i] = -bound + 2 * bound * i / 1000.0;
    }
    double[] y = s.forward(Tensor.of(x, x.length), p).value().toDoubleArray();
    assertEquals(-bound, y[0], 1e-12);
    assertEquals(bound, y[1000], 1e-12);
    for (int i = 1; i < y.length; i++) {
      assertTrue(y[i] > y[i - 1], "not increasing at " + x[i]);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void zeroParametersGiveTheIdentity(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    SplittableRandom rng = new SplittableRandom(4);
    Tensor p = Tensor.zeros(DType.F64, 300, s.parameterCount());
    Tensor x = inputs(s, p, circular ? Math.PI : 3.0, rng);
    var r = s.forward(x, p);
    assertArrayEquals(x.toDoubleArray(), r.value().toDoubleArray(), 1e-12);
    assertArrayEquals(new double[300], r.logDet().toDoubleArray(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void circularSplineHasMatchingDerivativesAtTheSeam(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    Tensor p = params(s, 1, new SplittableRandom(5), 2.0).expand(2, s.parameterCount());
    double bound = circular ? Math.PI : 3.0;
    Tensor x = Tensor.of(new double[] {Math.nextUp(-bound), Math.nextDown(bound)}, 2);
    double[] logDet = s.forward(x, p).logDet().toDoubleArray();
    if (circular) {
      assertEquals(logDet[0], logDet[1], 1e-9); // same derivative on both sides of the seam
    } else {
      assertEquals(0.0, logDet[0], 1e-9); // boundary derivative 1: matches the identity tails
      assertEquals(0.0, logDet[1], 1e-9);
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void gradientsWithRespectToInputsAndParametersAreExact(boolean circular) {
    RationalQuadraticSpline s = spline(circular);
    SplittableRandom rng = new SplittableRandom(6);
    int n = 6;
    double bound = circular ? Math.PI : 3.0;
    Tensor x = Tensor.uniform(rng, DType.F64, -bound + 0.1, bound - 0.1, n);
    Tensor p = params(s, n, rng, 1.0);
    GradCheck.Result fwd = GradCheck.check(t -> {
      var r = s.forward(t[0], t[1]);
      return Tensor.concat(0, r.value(), r.logDet());
    }, 1e-6, rng, x, p);
    assertTrue(fwd.maxError() < 1e-5, fwd.toString());
    GradCheck.Result inv = GradCheck.check(t -> {
      var r = s.inverse(t[0], t[1]);
      return Tensor.concat(0, r.value(), r.logDet());
    }, 1e-6, rng, x, p);
    assertTrue(inv.maxError() < 1e-5, inv.toString());
  }
}
