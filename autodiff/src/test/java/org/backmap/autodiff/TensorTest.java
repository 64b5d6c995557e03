package org.backmap.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tape semantics, numerically stable composites, matmul against a triple loop, and error messages. */
class TensorTest {

  @Test
  void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
    Tensor x = Tensor.of(new double[] {1, 2, 3}, 3).requiresGrad(true);
    x.mul(x).sum().backward();
    x.mul(3.0).sum().backward();
    assertArrayEquals(new double[] {2 + 3, 4 + 3, 6 + 3}, x.grad().toDoubleArray(), 1e-15);
    x.zeroGrad();
    assertNull(x.grad());
  }

  @Test
  void leavesOfAnAddOwnTheirGradients() {
    Tensor a = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
    Tensor b = Tensor.of(new double[] {3, 4}, 2).requiresGrad(true);
    Tensor seed = Tensor.of(new double[] {5, 6}, 2);
    a.add(b).backward(seed);
    assertNotSame(a.grad().doubleData(), b.grad().doubleData());
    assertNotSame(seed.doubleData(), a.grad().doubleData());
    assertNotSame(seed.doubleData(), b.grad().doubleData());
    a.grad().doubleData()[0] = 100;
    assertArrayEquals(new double[] {5, 6}, b.grad().toDoubleArray(), 0);
    assertArrayEquals(new double[] {5, 6}, seed.toDoubleArray(), 0);
  }

  @Test
  void leavesOwnTheirGradientsThroughReshapesAndRepeatedUse() {
    Tensor a = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
    Tensor b = Tensor.of(new double[] {1, 1, 1, 1}, 4).requiresGrad(true);
    Tensor c = Tensor.of(new double[] {0, 0, 0, 0}, 4).requiresGrad(true);
    // a gets two contributions (a * 1 and a), b and c the same upstream gradient through add and reshape
    a.mul(1.0).add(a).reshape(4).add(b).add(c).sum().backward();
    assertArrayEquals(new double[] {2, 2, 2, 2}, a.grad().toDoubleArray(), 0);
    assertNotSame(b.grad().doubleData(), c.grad().doubleData());
    assertNotSame(a.grad().doubleData(), b.grad().doubleData());
    b.grad().doubleData()[1] = -7;
    assertArrayEquals(new double[] {1, 1, 1, 1}, c.grad().toDoubleArray(), 0);
    assertArrayEquals(new double[] {2, 2, 2, 2}, a.grad().toDoubleArray(), 0);
    // a later pass accumulates into each leaf's own buffer
    a.mul(1.0).add(a).reshape(4).add(b).add(c).sum().backward();
    assertArrayEquals(new double[] {4, 4, 4, 4}, a.grad().toDoubleArray(), 0);
    assertArrayEquals(new double[] {2, -6, 2, 2}, b.grad().toDoubleArray(), 0);
    assertArrayEquals(new double[] {2, 2, 2, 2}, c.grad().toDoubleArray(), 0);
  }

  @Test
  void aLeafSeededDirectlyCopiesTheSeed() {
    Tensor y = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
    Tensor seed = Tensor.of(new double[] {3, 4}, 2);
    y.backward(seed);
    assertNotSame(seed.doubleData(), y.grad().doubleData());
  }

  @Test
  void sharedSubexpressionsSumTheirGradients() {
    Tensor x = Tensor.of(new double[] {0.5}, 1).requiresGrad(true);
    Tensor y = x.exp();
    y.mul(y).add(y).sum().backward(); // d/dx (e^2x + e^x) = 2 e^2x + e^x
    assertEquals(2 * Math.exp(1.0) + Math.exp(0.5), x.grad().item(), 1e-14);
  }

  @Test
  void noGradScopesAndDetachRecordNothing() {
    Tensor x = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
    Tensor inside;
    try (var _ = GradMode.noGrad()) {
      inside = x.mul(2.0);
    }
    assertFalse(inside.requiresGrad());
    assertTrue(GradMode.isEnabled());
    Tensor y = x.detach().mul(x).sum(); // gradient flows only through the second factor
    y.backward();
    assertArrayEquals(new double[] {1, 2}, x.grad().toDoubleArray(), 0);
  }

  @Test
  void backwardNeedsAScalarOrASeed() {
    Tensor x = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> x.mul(2.0).backward());
    assertTrue(e.getMessage().contains("[2]"), e.getMessage());
    x.mul(2.0).backward(Tensor.of(new double[] {1, 10}, 2));
    assertArrayEquals(new double[] {2, 20}, x.grad().toDoubleArray(), 0);
  }

  @Test
  void logSumExpAndSoftplusAreStableAtPlusMinus1000() {
    for (DType dtype : DType.values()) {
      Tensor big = Tensor.full(dtype, 1000, 2).requiresGrad(true);
      Tensor lse = big.logSumExp(0, false);
      assertEquals(1000 + Math.log(2), lse.item(), dtype == DType.F32 ? 1e-4 : 1e-12);
      lse.backward();
      assertArrayEquals(new double[] {0.5, 0.5}, big.grad().toDoubleArray(), 1e-7);

      Tensor small = Tensor.full(dtype, -1000, 3);
      assertEquals(-1000 + Math.log(3), small.logSumExp(0, false).item(), dtype == DType.F32 ? 1e-4 : 1e-12);
      Tensor allInf = Tensor.full(dtype, Double.NEGATIVE_INFINITY, 2);
      assertEquals(Double.NEGATIVE_INFINITY, allInf.logSumExp(0, false).item());

      Tensor x = Tensor.full(dtype, 0, 2);
      x.setFlat(0, 1000);
      x.setFlat(1, -1000);
      x.requiresGrad(true);
      Tensor sp = x.softplus();
      assertEquals(1000, sp.getFlat(0), 0);
      assertEquals(0, sp.getFlat(1), 1e-300); // e^-1000 underflows even in float64
      sp.sum().backward();
      assertArrayEquals(new double[] {1, 0}, x.grad().toDoubleArray(), 1e-300);
      Tensor s = Tensor.full(dtype, -1000, 1).sigmoid();
      assertEquals(0, s.item(), 0);
    }
  }

  @Test
  void softplusDerivativeAtZeroIsOneHalf() {
    Tensor x = Tensor.zeros(DType.F64, 1).requiresGrad(true);
    x.softplus().sum().backward();
    assertEquals(0.5, x.grad().item(), 1e-15);
  }

  @Test
  void softmaxRowsSumToOne() {
    Tensor x = Tensor.randn(new SplittableRandom(1), DType.F64, 4, 7).mul(30.0);
    Tensor rows = x.softmax(-1).sum(1);
    for (int i = 0; i < 4; i++) {
      assertEquals(1.0, rows.getFlat(i), 1e-14);
    }
  }

  /** Batched, broadcast matmul equals a plain triple loop over every batch element. */
  @Test
  void matmulMatchesTripleLoop() {
    SplittableRandom rng = new SplittableRandom(3);
    int[][][] cases = {
      {{5, 7}, {7, 3}}, {{1, 1}, {1, 1}}, {{2, 33, 17}, {2, 17, 65}}, {{3, 1, 4, 5}, {2, 5, 6}}, {{130, 70}, {70, 90}}
    };
    for (int[][] c : cases) {
      for (DType dtype : DType.values()) {
        Tensor a = Tensor.uniform(rng, dtype, -1, 1, c[0]);
        Tensor b = Tensor.uniform(rng, dtype, -1, 1, c[1]);
        Tensor out = a.matmul(b);
        int m = a.dim(-2);
        int k = a.dim(-1);
        int n = b.dim(-1);
        int[] batch = Shapes.broadcast(java.util.Arrays.copyOf(c[0], c[0].length - 2),
            java.util.Arrays.copyOf(c[1], c[1].length - 2));
        Tensor ae = a.expand(concat(batch, m, k));
        Tensor bexp = b.expand(concat(batch, k, n));
        int batches = Shapes.size(batch);
        double tol = dtype == DType.F32 ? 1e-5 * k : 1e-13 * k;
        for (int p = 0; p < batches; p++) {
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
              double ref = 0;
              for (int q = 0; q < k; q++) {
                ref += ae.getFlat(p * m * k + i * k + q) * bexp.getFlat(p * k * n + q * n + j);
              }
              assertEquals(ref, out.getFlat(p * m * n + i * n + j), tol);
            }
          }
        }
      }
    }
  }

  private static int[] concat(int[] batch, int r, int c) {
    int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = r;
    s[batch.length + 1] = c;
    return s;
  }

  @Test
  void searchSortedFindsBinsLikeALinearScan() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] edges = {-3, -1, -1, 0, 2.5, 4};
    Tensor sorted = Tensor.of(edges, 1, 6);
    double[] values = new double[50];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 6 ? edges[i] : rng.nextDouble(-5, 5);
    }
    Tensor v = Tensor.of(values, 1, 50);
    Indices left = sorted.searchSorted(v, false);
    Indices right = sorted.searchSorted(v, true);
    for (int i = 0; i < values.length; i++) {
      int l = 0;
      while (l < edges.length && edges[l] < values[i]) {
        l++;
      }
      int r = 0;
      while (r < edges.length && edges[r] <= values[i]) {
        r++;
      }
      assertEquals(l, left.get(i), "left at " + values[i]);
      assertEquals(r, right.get(i), "right at " + values[i]);
    }
  }

  @Test
  void comparisonsAndWhereBroadcast() {
    Tensor a = Tensor.of(new float[] {1, 5, 3}, 3);
    Tensor mask = a.gt(2.0);
    assertArrayEquals(new float[] {0, 1, 1}, mask.toFloatArray());
    Tensor w = Tensor.where(mask, a, Tensor.scalar(-1));
    assertArrayEquals(new float[] {-1, 5, 3}, w.toFloatArray());
  }

  @Test
  void castCarriesGradientBack() {
    Tensor x = Tensor.of(new double[] {1.5, -2}, 2).requiresGrad(true);
    x.to(DType.F32).mul(2.0).to(DType.F64).sum().backward();
    assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray(), 0);
    assertEquals(DType.F64, x.grad().dtype());
  }

  @Test
  void errorsNameTheShapesInvolved() {
    Tensor a = Tensor.zeros(DType.F32, 2, 3);
    Tensor b = Tensor.zeros(DType.F32, 4);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.add(Tensor.zeros(DType.F64, 2, 3)));
    assertTrue(e.getMessage().contains("F32") && e.getMessage().contains("F64"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.matmul(Tensor.zeros(DType.F32, 2, 3)));
    assertTrue(e.getMessage().contains("inner dimensions"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> a.reshape(4, -1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void reshapeSharesDataAndOtherOpsCopy() {
    Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
    assertTrue(a.reshape(4).floatData() == a.floatData());
    assertFalse(a.transpose(0, 1).floatData() == a.floatData());
    assertArrayEquals(new float[] {1, 3, 2, 4}, a.transpose(0, 1).toFloatArray());
  }

  @Test
  void normHasZeroGradientAtTheOrigin() {
    Tensor x = Tensor.of(new double[] {3, 4, 0, 0, 0, 0}, 2, 3).requiresGrad(true);
    Tensor n = x.norm();
    assertArrayEquals(new double[] {5, 0}, n.toDoubleArray(), 0);
    n.sum().backward();
    assertArrayEquals(new double[] {0.6, 0.8, 0, 0, 0, 0}, x.grad().toDoubleArray(), 1e-15);
  }

  @Test
  void layerNormMatchesItsDefinition() {
    Tensor x = Tensor.of(new float[] {1, 2, 3, 4, -2, 0, 2, 8}, 2, 4);
    Tensor gamma = Tensor.of(new float[] {1, 2, 0.5f, -1}, 4);
    Tensor beta = Tensor.of(new float[] {0, 1, 0, -1}, 4);
    double eps = 1e-3;
    float[] y = x.layerNorm(gamma, beta, eps).toFloatArray();
    for (int r = 0; r < 2; r++) {
      double mean = 0;
      double var = 0;
      for (int k = 0; k < 4; k++) {
        mean += x.get(r, k) / 4;
      }
      for (int k = 0; k < 4; k++) {
        var += (x.get(r, k) - mean) * (x.get(r, k) - mean) / 4;
      }
      for (int k = 0; k < 4; k++) {
        double expected = gamma.get(k) * (x.get(r, k) - mean) / Math.sqrt(var + eps) + beta.get(k);
        assertEquals(expected, y[r * 4 + k], 1e-6);
      }
    }
  }

  @Test
  void layerNormRowsDoNotDependOnHowTheRowsAreSplitOverThreads() {
    int rows = 3 * 4096 + 5; // several parallel chunks and a ragged end
    Tensor x = Tensor.randn(new SplittableRandom(3), DType.F32, rows, 7);
    Tensor gamma = Tensor.randn(new SplittableRandom(4), DType.F32, 7);
    Tensor beta = Tensor.randn(new SplittableRandom(5), DType.F32, 7);
    float[] all = x.layerNorm(gamma, beta, 1e-5).toFloatArray();
    for (int r : new int[] {0, 4095, 4096, 8191, 8192, rows - 1}) {
      float[] one = x.slice(0, r, r + 1).layerNorm(gamma, beta, 1e-5).toFloatArray();
      assertArrayEquals(one, java.util.Arrays.copyOfRange(all, r * 7, r * 7 + 7), "row " + r);
    }
  }
}
