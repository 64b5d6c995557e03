package org.backmap.autodiff.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backmap.autodiff.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every vectorised kernel against its scalar twin, element by element, on lengths that exercise the vector body,
 * the scalar tail and the parallel split.
 */
class BackendTwinTest {

  private static final int[] LENGTHS = {1, 7, 16, 33, 100, 1000, 70_001};
  private static final Backend VECTOR = new CpuBackend();
  private static final Backend SCALAR = new ScalarBackend();

  /** Inputs inside each function's domain, including large magnitudes where the function saturates. */
  private static double[] inputs(UnaryOp op, int n, SplittableRandom rng) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble(-1, 1);
      x[i] = switch (op) {
        case LOG, SQRT -> rng.nextDouble(1e-3, 50);
        case LOG1P -> rng.nextDouble(-0.99, 50);
        case EXP, EXPM1 -> 40 * u;
        case SIGMOID, SOFTPLUS, TANH -> i % 10 == 0 ? 1000 * Math.signum(u) : 30 * u;
        case SIGN, RELU, ABS -> i % 7 == 0 ? 0.0 : 10 * u;
        default -> 10 * u;
      };
    }
    return x;
  }

  /**
   * Vector math functions (SVML-class) may differ from the JDK's scalar ones by a few ulp: the tolerance is
   * {@code rel * max(|expected|, 1)}, relative for large values and absolute near zero.
   */
  private static void assertClose(double expected, double actual, double rel, String what) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
      return;
    }
    double tol = rel * Math.max(Math.abs(expected), 1.0);
    assertTrue(Math.abs(expected - actual) <= tol, () -> what + ": expected " + expected + ", got " + actual);
  }

  @ParameterizedTest
  @EnumSource(UnaryOp.class)
  void unaryKernelsMatchScalarTwin(UnaryOp op) {
    SplittableRandom rng = new SplittableRandom(op.ordinal());
    for (int n : LENGTHS) {
      double[] x = inputs(op, n, rng);
      double[] outV = new double[n];
      double[] outS = new double[n];
      VECTOR.unary(op, x, outV, n);
      SCALAR.unary(op, x, outS, n);
      float[] xf = toFloat(x);
      float[] outVf = new float[n];
      float[] outSf = new float[n];
      VECTOR.unary(op, xf, outVf, n);
      SCALAR.unary(op, xf, outSf, n);
      for (int i = 0; i < n; i++) {
        assertClose(outS[i], outV[i], 4e-15, op + " f64 x=" + x[i]);
        assertClose(outSf[i], outVf[i], 5e-7, op + " f32 x=" + xf[i]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(BinaryOp.class)
  void binaryKernelsMatchScalarTwin(BinaryOp op) {
    SplittableRandom rng = new SplittableRandom(100 + op.ordinal());
    for (int n : LENGTHS) {
      double[] a = new double[n];
      double[] b = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = op == BinaryOp.POW ? rng.nextDouble(0.01, 5) : rng.nextDouble(-5, 5);
        b[i] = op == BinaryOp.DIV ? rng.nextDouble(0.5, 5) * (rng.nextBoolean() ? 1 : -1) : rng.nextDouble(-5, 5);
      }
      double s = b[0];
      double[] outV = new double[n];
      double[] outS = new double[n];
      VECTOR.binary(op, a, b, outV, n);
      SCALAR.binary(op, a, b, outS, n);
      double[] scalV = new double[n];
      double[] scalS = new double[n];
      VECTOR.binaryScalar(op, a, s, scalV, n);
      SCALAR.binaryScalar(op, a, s, scalS, n);
      float[] af = toFloat(a);
      float[] bf = toFloat(b);
      float[] outVf = new float[n];
      float[] outSf = new float[n];
      VECTOR.binary(op, af, bf, outVf, n);
      SCALAR.binary(op, af, bf, outSf, n);
      for (int i = 0; i < n; i++) {
        assertClose(outS[i], outV[i], 4e-15, op + " f64 a=" + a[i] + " b=" + b[i]);
        assertClose(scalS[i], scalV[i], 4e-15, op + " scalar f64 a=" + a[i]);
        assertClose(outSf[i], outVf[i], 5e-7, op + " f32 a=" + af[i] + " b=" + bf[i]);
      }
    }
  }

  @Test
  void sumKernelMatchesScalarTwin() {
    SplittableRandom rng = new SplittableRandom(7);
    int[][] shapes = {{1, 1, 1}, {3, 17, 1}, {2, 5, 33}, {1, 1000, 1}, {64, 100, 3}, {4, 3, 20_000}};
    for (int[] s : shapes) {
      int n = s[0] * s[1] * s[2];
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextDouble(-1, 1);
      }
      double[] v = new double[s[0] * s[2]];
      double[] r = new double[s[0] * s[2]];
      VECTOR.sum(x, s[0], s[1], s[2], v);
      SCALAR.sum(x, s[0], s[1], s[2], r);
      float[] vf = new float[v.length];
      float[] rf = new float[v.length];
      VECTOR.sum(toFloat(x), s[0], s[1], s[2], vf);
      SCALAR.sum(toFloat(x), s[0], s[1], s[2], rf);
      for (int i = 0; i < v.length; i++) {
        assertEquals(r[i], v[i], 1e-12 * s[1]);
        assertEquals(rf[i], vf[i], 1e-6 * s[1]);
      }
    }
  }

  private static float[] toFloat(double[] x) {
    float[] f = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
