package org.backmap.autodiff.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.backmap.autodiff.backend.Backend;
import org.backmap.autodiff.backend.ScalarBackend;
import org.junit.jupiter.api.Test;

/**
 * {@link Gemm} through {@link CpuBackend#matmul} against the plain triple loop of {@link ScalarBackend}. The shapes
 * cover both paths (direct and packed), every edge of the register tiles and cache blocks, and the parallel split.
 * Both results are compared against the standard rounding-error bound for a length-k dot product,
 * {@code |fl(c) - c| <= k u sum_p |a_ip| |b_pj|} with unit roundoff u, doubled because both sides round.
 */
class GemmTest {

  /** Sizes around the tile and block edges: 1, below/at/above a vector (16 floats), a 64 block, MC, KC. */
  private static final int[] SIZES = {1, 7, 17, 33, 64, 100, 257};

  private static final Backend CPU = new CpuBackend();
  private static final Backend REFERENCE = new ScalarBackend();

  @Test
  void matmulFloatMatchesTripleLoop() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int m : SIZES) {
      for (int k : SIZES) {
        for (int n : SIZES) {
          checkFloat(rng, m, k, n, 0, 0, 0);
        }
      }
    }
  }

  @Test
  void matmulDoubleMatchesTripleLoop() {
    SplittableRandom rng = new SplittableRandom(12);
    for (int m : SIZES) {
      for (int k : SIZES) {
        for (int n : SIZES) {
          checkDouble(rng, m, k, n, 0, 0, 0);
        }
      }
    }
  }

  /** Operands inside larger arrays: only the m*n elements of C from its offset change. */
  @Test
  void matmulHonoursOffsets() {
    SplittableRandom rng = new SplittableRandom(13);
    int[][] shapes = {{1, 1, 1}, {7, 17, 33}, {64, 30, 100}, {33, 257, 17}, {100, 64, 257}, {130, 300, 70}};
    for (int[] s : shapes) {
      checkFloat(rng, s[0], s[1], s[2], 3, 17, 5);
      checkDouble(rng, s[0], s[1], s[2], 9, 1, 31);
    }
  }

  /** Shapes that cross KC (depth 256), MC (128 rows), NC (4096 columns) and the parallel threshold. */
  @Test
  void matmulCrossesCacheBlocks() {
    SplittableRandom rng = new SplittableRandom(14);
    int[][] shapes = {{300, 513, 129}, {16, 8, 4200}, {9, 600, 4100}, {520, 64, 40}, {2, 700, 700}, {1, 1000, 3000}};
    for (int[] s : shapes) {
      checkFloat(rng, s[0], s[1], s[2], 1, 2, 3);
      checkDouble(rng, s[0], s[1], s[2], 0, 0, 0);
    }
  }

  /**
   * Every path forms C[i,j] as the FMA chain {@code acc = fma(a_ip, b_pj, acc)} over p = 0..k-1 from zero, so it
   * equals that chain bit for bit whatever the size, tile position, cache block or thread split.
   */
  @Test
  void matmulEqualsFmaChainBitForBit() {
    SplittableRandom rng = new SplittableRandom(15);
    int[][] shapes = {{1, 300, 40}, {7, 17, 33}, {64, 30, 100}, {64, 64, 64}, {100, 257, 257}, {260, 600, 70}};
    for (int[] s : shapes) {
      int m = s[0];
      int k = s[1];
      int n = s[2];
      float[] a = new float[m * k];
      float[] b = new float[k * n];
      double[] ad = rng.doubles(m * k, -1, 1).toArray();
      double[] bd = rng.doubles(k * n, -1, 1).toArray();
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) ad[i];
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) bd[i];
      }
      float[] c = new float[m * n];
      double[] cd = new double[m * n];
      CPU.matmul(a, 0, b, 0, c, 0, m, k, n);
      CPU.matmul(ad, 0, bd, 0, cd, 0, m, k, n);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float acc = 0;
          double accd = 0;
          for (int p = 0; p < k; p++) {
            acc = Math.fma(a[i * k + p], b[p * n + j], acc);
            accd = Math.fma(ad[i * k + p], bd[p * n + j], accd);
          }
          int at = i * n + j;
          assertEquals(acc, c[at], 0f, () -> where(m, k, n, at));
          assertEquals(accd, cd[at], 0.0, () -> where(m, k, n, at));
        }
      }
    }
  }

  @Test
  void matmulWithZeroDepthWritesZeros() {
    float[] c = new float[6];
    Arrays.fill(c, Float.NaN);
    CPU.matmul(new float[0], 0, new float[0], 0, c, 0, 2, 0, 3);
    assertTrue(Arrays.equals(new float[6], c));
    double[] cd = new double[6];
    Arrays.fill(cd, Double.NaN);
    CPU.matmul(new double[0], 0, new double[0], 0, cd, 0, 3, 0, 2);
    assertTrue(Arrays.equals(new double[6], cd));
    CPU.matmul(new float[0], 0, new float[5], 0, new float[0], 0, 0, 5, 1);
    CPU.matmul(new double[5], 0, new double[0], 0, new double[0], 0, 1, 5, 0);
  }

  private static void checkFloat(SplittableRandom rng, int m, int k, int n, int aOff, int bOff, int cOff) {
    int pad = 11;
    float[] a = new float[aOff + m * k + pad];
    float[] b = new float[bOff + k * n + pad];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) rng.nextDouble(-1, 1);
    }
    // NaN everywhere in C: a kernel that reads C before writing it (instead of overwriting) shows up as NaN.
    float[] c = new float[cOff + m * n + pad];
    Arrays.fill(c, Float.NaN);
    float[] ref = new float[c.length];
    Arrays.fill(ref, Float.NaN);
    CPU.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
    REFERENCE.matmul(a, aOff, b, bOff, ref, cOff, m, k, n);
    double u = Math.ulp(1f) / 2;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double absDot = 0;
        for (int p = 0; p < k; p++) {
          absDot += Math.abs((double) a[aOff + i * k + p] * b[bOff + p * n + j]);
        }
        double tol = 2 * k * u * absDot + Float.MIN_NORMAL;
        int at = cOff + i * n + j;
        assertEquals(ref[at], c[at], tol, () -> where(m, k, n, at - cOff));
      }
    }
    for (int i = 0; i < c.length; i++) {
      assertOutsideUntouched(Float.isNaN(c[i]), i, cOff, m, k, n);
    }
  }

  private static void checkDouble(SplittableRandom rng, int m, int k, int n, int aOff, int bOff, int cOff) {
    int pad = 11;
    double[] a = rng.doubles(aOff + m * k + pad, -1, 1).toArray();
    double[] b = rng.doubles(bOff + k * n + pad, -1, 1).toArray();
    double[] c = new double[cOff + m * n + pad];
    Arrays.fill(c, Double.NaN);
    double[] ref = new double[c.length];
    CPU.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
    REFERENCE.matmul(a, aOff, b, bOff, ref, cOff, m, k, n);
    double u = Math.ulp(1.0) / 2;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double absDot = 0;
        for (int p = 0; p < k; p++) {
          absDot += Math.abs(a[aOff + i * k + p] * b[bOff + p * n + j]);
        }
        double tol = 2 * k * u * absDot + Double.MIN_NORMAL;
        int at = cOff + i * n + j;
        assertEquals(ref[at], c[at], tol, () -> where(m, k, n, at - cOff));
      }
    }
    for (int i = 0; i < c.length; i++) {
      assertOutsideUntouched(Double.isNaN(c[i]), i, cOff, m, k, n);
    }
  }

  private static void assertOutsideUntouched(boolean isNaN, int i, int cOff, int m, int k, int n) {
    if (i < cOff || i >= cOff + m * n) {
      assertTrue(isNaN, () -> "m=" + m + " k=" + k + " n=" + n + ": element " + i + " outside C was written");
    }
  }

  private static String where(int m, int k, int n, int index) {
    return "m=" + m + " k=" + k + " n=" + n + " at C[" + index / Math.max(n, 1) + "," + index % Math.max(n, 1) + "]";
  }
}
