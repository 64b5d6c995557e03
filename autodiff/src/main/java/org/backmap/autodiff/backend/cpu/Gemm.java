package org.backmap.autodiff.backend.cpu;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dense matrix product {@code C = A B} (row-major, float32 and float64) on the Vector API.
 *
 * <p>Two paths, picked by size:
 * <ul>
 *   <li><b>direct</b> for small products (the per-sample matmuls of batched ops, vector-matrix products): 4 x 2-vector
 *       register tiles of C read A and B in place, so there is no packing cost to amortise;</li>
 *   <li><b>packed</b> for large products, after GotoBLAS/BLIS: a {@code KC x NC} block of B and an {@code MC x KC}
 *       block of A are copied into micro-panel order so the micro-kernel streams both with unit stride, and an
 *       {@link #MR} x 2-vector tile of C (16 accumulators) stays in registers across the whole {@code KC} loop.</li>
 * </ul>
 * Work is split across cores by {@link Parallel}, over rows of C (or columns when C has few rows). Every path
 * forms each element of C the same way, an FMA chain over p = 0, 1, ..., k-1 starting from zero, so the result
 * does not depend on the path, the tile position or the number of threads.
 */
final class Gemm {

  /** Rows of the packed micro-tile. 8 rows x 2 vectors = 16 accumulators, enough to hide FMA latency (4 cycles
   * on 2 pipes needs 8 in flight) while leaving registers for the two B vectors and the A broadcast. */
  static final int MR = 8;
  /** Rows of the direct register tile (8 accumulators: fewer rows keeps A's strided reads cheap). */
  static final int DIRECT_MR = 4;
  /** Depth of a packed block: a KC x 2-vector panel of B (32 KiB for float32) stays in the 48 KiB L1. */
  static final int KC = 256;
  /** Rows of a packed A block: MC x KC (128 KiB for float32) stays in the 1 MiB per-core L2. */
  static final int MC = 128;
  /** Columns of a packed B block: KC x NC (4 MiB for float32) stays in the shared L3. */
  static final int NC = 4096;
  /**
   * Products with fewer multiply-adds than this (about 200^3) run on the calling thread. Handing work to the pool
   * and waiting for it costs 10-25 microseconds here, and one core does 2^23 FMAs in about 40 microseconds.
   */
  static final long PARALLEL_MIN_FMAS = 1L << 23;
  /**
   * Products with fewer multiply-adds than this (64^3) use the direct path. Measured on one core: direct wins at
   * 32^3 (1.4x) and for thin shapes such as 8x64x64, packed wins from 64^3 on (1.3x, 2x at 128^3).
   */
  static final long PACKED_MIN_FMAS = 1L << 18;

  private Gemm() {}

  /** A rectangle of C: rows {@code [i0, i1)}, columns {@code [j0, j1)}. */
  @FunctionalInterface
  private interface Block {
    void run(int i0, int i1, int j0, int j1);
  }

  private static boolean usePacked(int m, int k, int n, int nr) {
    return m >= MR && n >= nr && (long) m * n * k >= PACKED_MIN_FMAS;
  }

  /** Runs {@code body} over all of C, split across the kernel threads when the product is big enough. */
  private static void split(int m, int k, int n, int nr, Block body) {
    int threads = Parallel.threads();
    if (threads < 2 || (long) m * n * k < PARALLEL_MIN_FMAS) {
      body.run(0, m, 0, n);
    } else if (m >= 2 * MR * threads || n < 2 * nr) {
      Parallel.range(m, MR, MR, (lo, hi) -> body.run(lo, hi, 0, n));
    } else {
      Parallel.range(n, nr, nr, (lo, hi) -> body.run(0, m, lo, hi));
    }
  }

  private static int roundUp(int x, int multiple) {
    return (x + multiple - 1) / multiple * multiple;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // float32
  // ---------------------------------------------------------------------------------------------------------------

  private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
  /** Lanes per float vector (16 with AVX-512). */
  private static final int FL = FS.length();
  /** Columns per float micro-tile: two vectors. */
  private static final int F_NR = 2 * FL;
  private static final ThreadLocal<FloatScratch> F_SCRATCH = ThreadLocal.withInitial(FloatScratch::new);

  /** Per-thread packing buffers, grown on demand and kept for the thread's lifetime. */
  private static final class FloatScratch {
    float[] a = new float[0];
    float[] b = new float[0];
    final float[] tile = new float[MR * F_NR];
  }

  /**
   * {@code C[m,n] = A[m,k] B[k,n]}, all row-major and contiguous from the given offsets. Overwrites the {@code m*n}
   * elements of {@code c} from {@code cOff}; reads {@code a} and {@code b} only.
   */
  static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, cOff, cOff + m * n, 0f);
      return;
    }
    boolean packed = usePacked(m, k, n, F_NR);
    Block body = packed
        ? (i0, i1, j0, j1) -> packed(a, aOff, b, bOff, c, cOff, k, n, i0, i1, j0, j1)
        : (i0, i1, j0, j1) -> direct(a, aOff, b, bOff, c, cOff, k, n, i0, i1, j0, j1);
    split(m, k, n, F_NR, body);
  }

  // ---- direct path: register tiles read straight from the row-major operands --------------------------------

  private static void direct(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int j1) {
    int i = i0;
    for (; i + DIRECT_MR <= i1; i += DIRECT_MR) {
      int j = j0;
      for (; j + F_NR <= j1; j += F_NR) {
        direct4x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, k, n);
      }
      for (; j < j1; j += FL) {
        direct4x1Masked(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, k, n, FS.indexInRange(j, j1));
      }
    }
    for (; i < i1; i++) {
      directRow(a, aOff + i * k, b, bOff, c, cOff + i * n, k, n, j0, j1);
    }
  }

  /** Four rows by two vectors of C; {@code ai} indexes A[i,0], {@code bj} B[0,j], {@code ci} C[i,j]. */
  private static void direct4x2(float[] a, int ai, float[] b, int bj, float[] c, int ci, int k, int n) {
    FloatVector c00 = FloatVector.zero(FS), c01 = c00, c10 = c00, c11 = c00;
    FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int p = 0; p < k; p++) {
      int bp = bj + p * n;
      FloatVector b0 = FloatVector.fromArray(FS, b, bp);
      FloatVector b1 = FloatVector.fromArray(FS, b, bp + FL);
      FloatVector av = FloatVector.broadcast(FS, a[ai + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = FloatVector.broadcast(FS, a[ai + k + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = FloatVector.broadcast(FS, a[ai + 2 * k + p]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = FloatVector.broadcast(FS, a[ai + 3 * k + p]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + FL);
    c10.intoArray(c, ci + n);
    c11.intoArray(c, ci + n + FL);
    c20.intoArray(c, ci + 2 * n);
    c21.intoArray(c, ci + 2 * n + FL);
    c30.intoArray(c, ci + 3 * n);
    c31.intoArray(c, ci + 3 * n + FL);
  }

  /** Four rows by one vector of C, lanes outside {@code mask} neither read nor written. */
  private static void direct4x1Masked(float[] a, int ai, float[] b, int bj, float[] c, int ci, int k, int n,
      VectorMask<Float> mask) {
    FloatVector c0 = FloatVector.zero(FS), c1 = c0, c2 = c0, c3 = c0;
    for (int p = 0; p < k; p++) {
      FloatVector bv = FloatVector.fromArray(FS, b, bj + p * n, mask);
      c0 = FloatVector.broadcast(FS, a[ai + p]).fma(bv, c0);
      c1 = FloatVector.broadcast(FS, a[ai + k + p]).fma(bv, c1);
      c2 = FloatVector.broadcast(FS, a[ai + 2 * k + p]).fma(bv, c2);
      c3 = FloatVector.broadcast(FS, a[ai + 3 * k + p]).fma(bv, c3);
    }
    c0.intoArray(c, ci, mask);
    c1.intoArray(c, ci + n, mask);
    c2.intoArray(c, ci + 2 * n, mask);
    c3.intoArray(c, ci + 3 * n, mask);
  }

  /** One row of C over columns {@code [j0, j1)}: the vector-matrix case (m = 1) and leftover rows. */
  private static void directRow(float[] a, int ai, float[] b, int bOff, float[] c, int ci, int k, int n,
      int j0, int j1) {
    int j = j0;
    for (; j + 4 * FL <= j1; j += 4 * FL) {
      FloatVector c0 = FloatVector.zero(FS), c1 = c0, c2 = c0, c3 = c0;
      for (int p = 0; p < k; p++) {
        int bp = bOff + p * n + j;
        FloatVector av = FloatVector.broadcast(FS, a[ai + p]);
        c0 = av.fma(FloatVector.fromArray(FS, b, bp), c0);
        c1 = av.fma(FloatVector.fromArray(FS, b, bp + FL), c1);
        c2 = av.fma(FloatVector.fromArray(FS, b, bp + 2 * FL), c2);
        c3 = av.fma(FloatVector.fromArray(FS, b, bp + 3 * FL), c3);
      }
      c0.intoArray(c, ci + j);
      c1.intoArray(c, ci + j + FL);
      c2.intoArray(c, ci + j + 2 * FL);
      c3.intoArray(c, ci + j + 3 * FL);
    }
    for (; j < j1; j += FL) {
      VectorMask<Float> mask = FS.indexInRange(j, j1);
      FloatVector acc = FloatVector.zero(FS);
      for (int p = 0; p < k; p++) {
        acc = FloatVector.broadcast(FS, a[ai + p]).fma(FloatVector.fromArray(FS, b, bOff + p * n + j, mask), acc);
      }
      acc.intoArray(c, ci + j, mask);
    }
  }

  // ---- packed path: cache blocks of A and B copied into micro-panel order ------------------------------------

  /** C rows {@code [i0, i1)} by columns {@code [j0, j1)}, looping in the GotoBLAS order jc, pc, ic, jr, ir. */
  private static void packed(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int j1) {
    FloatScratch s = F_SCRATCH.get();
    int kcMax = Math.min(KC, k);
    int aNeed = roundUp(Math.min(MC, i1 - i0), MR) * kcMax;
    int bNeed = roundUp(Math.min(NC, j1 - j0), F_NR) * kcMax;
    if (s.a.length < aNeed) {
      s.a = new float[aNeed];
    }
    if (s.b.length < bNeed) {
      s.b = new float[bNeed];
    }
    float[] ap = s.a;
    float[] bp = s.b;
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        boolean add = pc > 0;
        packB(b, bOff, n, pc, kc, jc, nc, bp);
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          packA(a, aOff, k, ic, mc, pc, kc, ap);
          for (int jr = 0; jr < nc; jr += F_NR) {
            int nr = Math.min(F_NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
              int mr = Math.min(MR, mc - ir);
              int ci = cOff + (ic + ir) * n + jc + jr;
              if (mr == MR && nr == F_NR) {
                kernel(ap, ir * kc, bp, jr * kc, kc, c, ci, n, add);
              } else {
                // Edge tile: run the full kernel on a scratch tile holding the valid corner of C, so the sums
                // are formed in the same order as in full tiles.
                if (add) {
                  copyCorner(c, ci, n, s.tile, 0, F_NR, mr, nr);
                }
                kernel(ap, ir * kc, bp, jr * kc, kc, s.tile, 0, F_NR, add);
                copyCorner(s.tile, 0, F_NR, c, ci, n, mr, nr);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Copies {@code B[pc:pc+kc, jc:jc+nc]} into {@code dst} as micro-panels of {@link #F_NR} columns: panel q holds,
   * for each p, its F_NR values of row p next to each other. Columns past {@code nc} are zero so the micro-kernel
   * never needs a column mask.
   */
  private static void packB(float[] b, int bOff, int n, int pc, int kc, int jc, int nc, float[] dst) {
    for (int q = 0; q < nc; q += F_NR) {
      int w = Math.min(F_NR, nc - q);
      int d = q * kc;
      int src = bOff + pc * n + jc + q;
      if (w == F_NR) {
        for (int p = 0; p < kc; p++, src += n, d += F_NR) {
          FloatVector.fromArray(FS, b, src).intoArray(dst, d);
          FloatVector.fromArray(FS, b, src + FL).intoArray(dst, d + FL);
        }
      } else {
        for (int p = 0; p < kc; p++, src += n, d += F_NR) {
          System.arraycopy(b, src, dst, d, w);
          Arrays.fill(dst, d + w, d + F_NR, 0f);
        }
      }
    }
  }

  /**
   * Copies {@code A[ic:ic+mc, pc:pc+kc]} into {@code dst} as micro-panels of {@link #MR} rows: panel r holds, for
   * each p, the MR values of column p. Rows past {@code mc} are zero.
   */
  private static void packA(float[] a, int aOff, int k, int ic, int mc, int pc, int kc, float[] dst) {
    for (int r0 = 0; r0 < mc; r0 += MR) {
      int h = Math.min(MR, mc - r0);
      int d = r0 * kc;
      for (int r = 0; r < h; r++) {
        int src = aOff + (ic + r0 + r) * k + pc;
        for (int p = 0; p < kc; p++) {
          dst[d + p * MR + r] = a[src + p];
        }
      }
      for (int r = h; r < MR; r++) {
        for (int p = 0; p < kc; p++) {
          dst[d + p * MR + r] = 0f;
        }
      }
    }
  }

  /**
   * The micro-kernel: an {@link #MR} x {@link #F_NR} tile of C held in 16 vector registers while it walks the
   * packed panels, one broadcast of A and two loads of B feeding two FMAs per row per step. The tile starts from
   * zero, or from what {@code c} holds at {@code ci} (row stride {@code ldc}) when {@code add}, and is written
   * back there. Everything is spelled out in one method: a vector passed to a call that the JIT declines to
   * inline is boxed on the heap, which costs more than the whole tile.
   */
  private static void kernel(float[] ap, int a0, float[] bp, int b0, int kc, float[] c, int ci, int ldc,
      boolean add) {
    FloatVector c00, c01, c10, c11, c20, c21;
    FloatVector c30, c31, c40, c41, c50, c51;
    FloatVector c60, c61, c70, c71;
    if (add) {
      c00 = FloatVector.fromArray(FS, c, ci);
      c01 = FloatVector.fromArray(FS, c, ci + FL);
      c10 = FloatVector.fromArray(FS, c, ci + ldc);
      c11 = FloatVector.fromArray(FS, c, ci + ldc + FL);
      c20 = FloatVector.fromArray(FS, c, ci + 2 * ldc);
      c21 = FloatVector.fromArray(FS, c, ci + 2 * ldc + FL);
      c30 = FloatVector.fromArray(FS, c, ci + 3 * ldc);
      c31 = FloatVector.fromArray(FS, c, ci + 3 * ldc + FL);
      c40 = FloatVector.fromArray(FS, c, ci + 4 * ldc);
      c41 = FloatVector.fromArray(FS, c, ci + 4 * ldc + FL);
      c50 = FloatVector.fromArray(FS, c, ci + 5 * ldc);
      c51 = FloatVector.fromArray(FS, c, ci + 5 * ldc + FL);
      c60 = FloatVector.fromArray(FS, c, ci + 6 * ldc);
      c61 = FloatVector.fromArray(FS, c, ci + 6 * ldc + FL);
      c70 = FloatVector.fromArray(FS, c, ci + 7 * ldc);
      c71 = FloatVector.fromArray(FS, c, ci + 7 * ldc + FL);
    } else {
      c00 = FloatVector.zero(FS);
      c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00; c40 = c00;
      c41 = c00; c50 = c00; c51 = c00; c60 = c00; c61 = c00; c70 = c00; c71 = c00;
    }
    for (int p = 0; p < kc; p++) {
      int ai = a0 + p * MR;
      int bi = b0 + p * F_NR;
      FloatVector b0v = FloatVector.fromArray(FS, bp, bi);
      FloatVector b1v = FloatVector.fromArray(FS, bp, bi + FL);
      FloatVector av = FloatVector.broadcast(FS, ap[ai]);
      c00 = av.fma(b0v, c00);
      c01 = av.fma(b1v, c01);
      av = FloatVector.broadcast(FS, ap[ai + 1]);
      c10 = av.fma(b0v, c10);
      c11 = av.fma(b1v, c11);
      av = FloatVector.broadcast(FS, ap[ai + 2]);
      c20 = av.fma(b0v, c20);
      c21 = av.fma(b1v, c21);
      av = FloatVector.broadcast(FS, ap[ai + 3]);
      c30 = av.fma(b0v, c30);
      c31 = av.fma(b1v, c31);
      av = FloatVector.broadcast(FS, ap[ai + 4]);
      c40 = av.fma(b0v, c40);
      c41 = av.fma(b1v, c41);
      av = FloatVector.broadcast(FS, ap[ai + 5]);
      c50 = av.fma(b0v, c50);
      c51 = av.fma(b1v, c51);
      av = FloatVector.broadcast(FS, ap[ai + 6]);
      c60 = av.fma(b0v, c60);
      c61 = av.fma(b1v, c61);
      av = FloatVector.broadcast(FS, ap[ai + 7]);
      c70 = av.fma(b0v, c70);
      c71 = av.fma(b1v, c71);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + FL);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + FL);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + FL);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + FL);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + FL);
    c50.intoArray(c, ci + 5 * ldc);
    c51.intoArray(c, ci + 5 * ldc + FL);
    c60.intoArray(c, ci + 6 * ldc);
    c61.intoArray(c, ci + 6 * ldc + FL);
    c70.intoArray(c, ci + 7 * ldc);
    c71.intoArray(c, ci + 7 * ldc + FL);
  }

  /** Copies a {@code rows x cols} block between row-major arrays with row strides {@code ls} and {@code ld}. */
  private static void copyCorner(float[] src, int si, int ls, float[] dst, int di, int ld, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, si + r * ls, dst, di + r * ld, cols);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // float64
  // ---------------------------------------------------------------------------------------------------------------

  private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
  /** Lanes per double vector (8 with AVX-512). */
  private static final int DL = DS.length();
  /** Columns per double micro-tile: two vectors. */
  private static final int D_NR = 2 * DL;
  private static final ThreadLocal<DoubleScratch> D_SCRATCH = ThreadLocal.withInitial(DoubleScratch::new);

  /** Per-thread packing buffers, grown on demand and kept for the thread's lifetime. */
  private static final class DoubleScratch {
    double[] a = new double[0];
    double[] b = new double[0];
    final double[] tile = new double[MR * D_NR];
  }

  /**
   * {@code C[m,n] = A[m,k] B[k,n]}, all row-major and contiguous from the given offsets. Overwrites the {@code m*n}
   * elements of {@code c} from {@code cOff}; reads {@code a} and {@code b} only.
   */
  static void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      Arrays.fill(c, cOff, cOff + m * n, 0.0);
      return;
    }
    boolean packed = usePacked(m, k, n, D_NR);
    Block body = packed
        ? (i0, i1, j0, j1) -> packed(a, aOff, b, bOff, c, cOff, k, n, i0, i1, j0, j1)
        : (i0, i1, j0, j1) -> direct(a, aOff, b, bOff, c, cOff, k, n, i0, i1, j0, j1);
    split(m, k, n, D_NR, body);
  }

  // ---- direct path: register tiles read straight from the row-major operands --------------------------------

  private static void direct(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int j1) {
    int i = i0;
    for (; i + DIRECT_MR <= i1; i += DIRECT_MR) {
      int j = j0;
      for (; j + D_NR <= j1; j += D_NR) {
        direct4x2(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, k, n);
      }
      for (; j < j1; j += DL) {
        direct4x1Masked(a, aOff + i * k, b, bOff + j, c, cOff + i * n + j, k, n, DS.indexInRange(j, j1));
      }
    }
    for (; i < i1; i++) {
      directRow(a, aOff + i * k, b, bOff, c, cOff + i * n, k, n, j0, j1);
    }
  }

  /** Four rows by two vectors of C; {@code ai} indexes A[i,0], {@code bj} B[0,j], {@code ci} C[i,j]. */
  private static void direct4x2(double[] a, int ai, double[] b, int bj, double[] c, int ci, int k, int n) {
    DoubleVector c00 = DoubleVector.zero(DS), c01 = c00, c10 = c00, c11 = c00;
    DoubleVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int p = 0; p < k; p++) {
      int bp = bj + p * n;
      DoubleVector b0 = DoubleVector.fromArray(DS, b, bp);
      DoubleVector b1 = DoubleVector.fromArray(DS, b, bp + DL);
      DoubleVector av = DoubleVector.broadcast(DS, a[ai + p]);
      c00 = av.fma(b0, c00);
      c01 = av.fma(b1, c01);
      av = DoubleVector.broadcast(DS, a[ai + k + p]);
      c10 = av.fma(b0, c10);
      c11 = av.fma(b1, c11);
      av = DoubleVector.broadcast(DS, a[ai + 2 * k + p]);
      c20 = av.fma(b0, c20);
      c21 = av.fma(b1, c21);
      av = DoubleVector.broadcast(DS, a[ai + 3 * k + p]);
      c30 = av.fma(b0, c30);
      c31 = av.fma(b1, c31);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + DL);
    c10.intoArray(c, ci + n);
    c11.intoArray(c, ci + n + DL);
    c20.intoArray(c, ci + 2 * n);
    c21.intoArray(c, ci + 2 * n + DL);
    c30.intoArray(c, ci + 3 * n);
    c31.intoArray(c, ci + 3 * n + DL);
  }

  /** Four rows by one vector of C, lanes outside {@code mask} neither read nor written. */
  private static void direct4x1Masked(double[] a, int ai, double[] b, int bj, double[] c, int ci, int k, int n,
      VectorMask<Double> mask) {
    DoubleVector c0 = DoubleVector.zero(DS), c1 = c0, c2 = c0, c3 = c0;
    for (int p = 0; p < k; p++) {
      DoubleVector bv = DoubleVector.fromArray(DS, b, bj + p * n, mask);
      c0 = DoubleVector.broadcast(DS, a[ai + p]).fma(bv, c0);
      c1 = DoubleVector.broadcast(DS, a[ai + k + p]).fma(bv, c1);
      c2 = DoubleVector.broadcast(DS, a[ai + 2 * k + p]).fma(bv, c2);
      c3 = DoubleVector.broadcast(DS, a[ai + 3 * k + p]).fma(bv, c3);
    }
    c0.intoArray(c, ci, mask);
    c1.intoArray(c, ci + n, mask);
    c2.intoArray(c, ci + 2 * n, mask);
    c3.intoArray(c, ci + 3 * n, mask);
  }

  /** One row of C over columns {@code [j0, j1)}: the vector-matrix case (m = 1) and leftover rows. */
  private static void directRow(double[] a, int ai, double[] b, int bOff, double[] c, int ci, int k, int n,
      int j0, int j1) {
    int j = j0;
    for (; j + 4 * DL <= j1; j += 4 * DL) {
      DoubleVector c0 = DoubleVector.zero(DS), c1 = c0, c2 = c0, c3 = c0;
      for (int p = 0; p < k; p++) {
        int bp = bOff + p * n + j;
        DoubleVector av = DoubleVector.broadcast(DS, a[ai + p]);
        c0 = av.fma(DoubleVector.fromArray(DS, b, bp), c0);
        c1 = av.fma(DoubleVector.fromArray(DS, b, bp + DL), c1);
        c2 = av.fma(DoubleVector.fromArray(DS, b, bp + 2 * DL), c2);
        c3 = av.fma(DoubleVector.fromArray(DS, b, bp + 3 * DL), c3);
      }
      c0.intoArray(c, ci + j);
      c1.intoArray(c, ci + j + DL);
      c2.intoArray(c, ci + j + 2 * DL);
      c3.intoArray(c, ci + j + 3 * DL);
    }
    for (; j < j1; j += DL) {
      VectorMask<Double> mask = DS.indexInRange(j, j1);
      DoubleVector acc = DoubleVector.zero(DS);
      for (int p = 0; p < k; p++) {
        acc = DoubleVector.broadcast(DS, a[ai + p]).fma(DoubleVector.fromArray(DS, b, bOff + p * n + j, mask), acc);
      }
      acc.intoArray(c, ci + j, mask);
    }
  }

  // ---- packed path: cache blocks of A and B copied into micro-panel order ------------------------------------

  /** C rows {@code [i0, i1)} by columns {@code [j0, j1)}, looping in the GotoBLAS order jc, pc, ic, jr, ir. */
  private static void packed(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int k, int n,
      int i0, int i1, int j0, int j1) {
    DoubleScratch s = D_SCRATCH.get();
    int kcMax = Math.min(KC, k);
    int aNeed = roundUp(Math.min(MC, i1 - i0), MR) * kcMax;
    int bNeed = roundUp(Math.min(NC, j1 - j0), D_NR) * kcMax;
    if (s.a.length < aNeed) {
      s.a = new double[aNeed];
    }
    if (s.b.length < bNeed) {
      s.b = new double[bNeed];
    }
    double[] ap = s.a;
    double[] bp = s.b;
    for (int jc = j0; jc < j1; jc += NC) {
      int nc = Math.min(NC, j1 - jc);
      for (int pc = 0; pc < k; pc += KC) {
        int kc = Math.min(KC, k - pc);
        boolean add = pc > 0;
        packB(b, bOff, n, pc, kc, jc, nc, bp);
        for (int ic = i0; ic < i1; ic += MC) {
          int mc = Math.min(MC, i1 - ic);
          packA(a, aOff, k, ic, mc, pc, kc, ap);
          for (int jr = 0; jr < nc; jr += D_NR) {
            int nr = Math.min(D_NR, nc - jr);
            for (int ir = 0; ir < mc; ir += MR) {
              int mr = Math.min(MR, mc - ir);
              int ci = cOff + (ic + ir) * n + jc + jr;
              if (mr == MR && nr == D_NR) {
                kernel(ap, ir * kc, bp, jr * kc, kc, c, ci, n, add);
              } else {
                // Edge tile: run the full kernel on a scratch tile holding the valid corner of C, so the sums
                // are formed in the same order as in full tiles.
                if (add) {
                  copyCorner(c, ci, n, s.tile, 0, D_NR, mr, nr);
                }
                kernel(ap, ir * kc, bp, jr * kc, kc, s.tile, 0, D_NR, add);
                copyCorner(s.tile, 0, D_NR, c, ci, n, mr, nr);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Copies {@code B[pc:pc+kc, jc:jc+nc]} into {@code dst} as micro-panels of {@link #D_NR} columns: panel q holds,
   * for each p, its D_NR values of row p next to each other. Columns past {@code nc} are zero so the micro-kernel
   * never needs a column mask.
   */
  private static void packB(double[] b, int bOff, int n, int pc, int kc, int jc, int nc, double[] dst) {
    for (int q = 0; q < nc; q += D_NR) {
      int w = Math.min(D_NR, nc - q);
      int d = q * kc;
      int src = bOff + pc * n + jc + q;
      if (w == D_NR) {
        for (int p = 0; p < kc; p++, src += n, d += D_NR) {
          DoubleVector.fromArray(DS, b, src).intoArray(dst, d);
          DoubleVector.fromArray(DS, b, src + DL).intoArray(dst, d + DL);
        }
      } else {
        for (int p = 0; p < kc; p++, src += n, d += D_NR) {
          System.arraycopy(b, src, dst, d, w);
          Arrays.fill(dst, d + w, d + D_NR, 0.0);
        }
      }
    }
  }

  /**
   * Copies {@code A[ic:ic+mc, pc:pc+kc]} into {@code dst} as micro-panels of {@link #MR} rows: panel r holds, for
   * each p, the MR values of column p. Rows past {@code mc} are zero.
   */
  private static void packA(double[] a, int aOff, int k, int ic, int mc, int pc, int kc, double[] dst) {
    for (int r0 = 0; r0 < mc; r0 += MR) {
      int h = Math.min(MR, mc - r0);
      int d = r0 * kc;
      for (int r = 0; r < h; r++) {
        int src = aOff + (ic + r0 + r) * k + pc;
        for (int p = 0; p < kc; p++) {
          dst[d + p * MR + r] = a[src + p];
        }
      }
      for (int r = h; r < MR; r++) {
        for (int p = 0; p < kc; p++) {
          dst[d + p * MR + r] = 0.0;
        }
      }
    }
  }

  /**
   * The micro-kernel: an {@link #MR} x {@link #D_NR} tile of C held in 16 vector registers while it walks the
   * packed panels, one broadcast of A and two loads of B feeding two FMAs per row per step. The tile starts from
   * zero, or from what {@code c} holds at {@code ci} (row stride {@code ldc}) when {@code add}, and is written
   * back there. Everything is spelled out in one method: a vector passed to a call that the JIT declines to
   * inline is boxed on the heap, which costs more than the whole tile.
   */
  private static void kernel(double[] ap, int a0, double[] bp, int b0, int kc, double[] c, int ci, int ldc,
      boolean add) {
    DoubleVector c00, c01, c10, c11, c20, c21;
    DoubleVector c30, c31, c40, c41, c50, c51;
    DoubleVector c60, c61, c70, c71;
    if (add) {
      c00 = DoubleVector.fromArray(DS, c, ci);
      c01 = DoubleVector.fromArray(DS, c, ci + DL);
      c10 = DoubleVector.fromArray(DS, c, ci + ldc);
      c11 = DoubleVector.fromArray(DS, c, ci + ldc + DL);
      c20 = DoubleVector.fromArray(DS, c, ci + 2 * ldc);
      c21 = DoubleVector.fromArray(DS, c, ci + 2 * ldc + DL);
      c30 = DoubleVector.fromArray(DS, c, ci + 3 * ldc);
      c31 = DoubleVector.fromArray(DS, c, ci + 3 * ldc + DL);
      c40 = DoubleVector.fromArray(DS, c, ci + 4 * ldc);
      c41 = DoubleVector.fromArray(DS, c, ci + 4 * ldc + DL);
      c50 = DoubleVector.fromArray(DS, c, ci + 5 * ldc);
      c51 = DoubleVector.fromArray(DS, c, ci + 5 * ldc + DL);
      c60 = DoubleVector.fromArray(DS, c, ci + 6 * ldc);
      c61 = DoubleVector.fromArray(DS, c, ci + 6 * ldc + DL);
      c70 = DoubleVector.fromArray(DS, c, ci + 7 * ldc);
      c71 = DoubleVector.fromArray(DS, c, ci + 7 * ldc + DL);
    } else {
      c00 = DoubleVector.zero(DS);
      c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00; c40 = c00;
      c41 = c00; c50 = c00; c51 = c00; c60 = c00; c61 = c00; c70 = c00; c71 = c00;
    }
    for (int p = 0; p < kc; p++) {
      int ai = a0 + p * MR;
      int bi = b0 + p * D_NR;
      DoubleVector b0v = DoubleVector.fromArray(DS, bp, bi);
      DoubleVector b1v = DoubleVector.fromArray(DS, bp, bi + DL);
      DoubleVector av = DoubleVector.broadcast(DS, ap[ai]);
      c00 = av.fma(b0v, c00);
      c01 = av.fma(b1v, c01);
      av = DoubleVector.broadcast(DS, ap[ai + 1]);
      c10 = av.fma(b0v, c10);
      c11 = av.fma(b1v, c11);
      av = DoubleVector.broadcast(DS, ap[ai + 2]);
      c20 = av.fma(b0v, c20);
      c21 = av.fma(b1v, c21);
      av = DoubleVector.broadcast(DS, ap[ai + 3]);
      c30 = av.fma(b0v, c30);
      c31 = av.fma(b1v, c31);
      av = DoubleVector.broadcast(DS, ap[ai + 4]);
      c40 = av.fma(b0v, c40);
      c41 = av.fma(b1v, c41);
      av = DoubleVector.broadcast(DS, ap[ai + 5]);
      c50 = av.fma(b0v, c50);
      c51 = av.fma(b1v, c51);
      av = DoubleVector.broadcast(DS, ap[ai + 6]);
      c60 = av.fma(b0v, c60);
      c61 = av.fma(b1v, c61);
      av = DoubleVector.broadcast(DS, ap[ai + 7]);
      c70 = av.fma(b0v, c70);
      c71 = av.fma(b1v, c71);
    }
    c00.intoArray(c, ci);
    c01.intoArray(c, ci + DL);
    c10.intoArray(c, ci + ldc);
    c11.intoArray(c, ci + ldc + DL);
    c20.intoArray(c, ci + 2 * ldc);
    c21.intoArray(c, ci + 2 * ldc + DL);
    c30.intoArray(c, ci + 3 * ldc);
    c31.intoArray(c, ci + 3 * ldc + DL);
    c40.intoArray(c, ci + 4 * ldc);
    c41.intoArray(c, ci + 4 * ldc + DL);
    c50.intoArray(c, ci + 5 * ldc);
    c51.intoArray(c, ci + 5 * ldc + DL);
    c60.intoArray(c, ci + 6 * ldc);
    c61.intoArray(c, ci + 6 * ldc + DL);
    c70.intoArray(c, ci + 7 * ldc);
    c71.intoArray(c, ci + 7 * ldc + DL);
  }

  /** Copies a {@code rows x cols} block between row-major arrays with row strides {@code ls} and {@code ld}. */
  private static void copyCorner(double[] src, int si, int ls, double[] dst, int di, int ld, int rows, int cols) {
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, si + r * ls, dst, di + r * ld, cols);
    }
  }
}
