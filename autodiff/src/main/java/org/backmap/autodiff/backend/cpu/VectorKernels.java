package org.backmap.autodiff.backend.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import org.backmap.autodiff.backend.BinaryOp;
import org.backmap.autodiff.backend.UnaryOp;

/**
 * Vector API loops behind {@link CpuBackend}, one explicit loop per op so that every operator is a JIT-time
 * constant (a non-constant operator would fall off the intrinsic path). The scalar tail of each loop uses the
 * reference definition in {@link UnaryOp}/{@link BinaryOp}. Loops over large arrays are split across cores by
 * {@link Parallel}.
 *
 * <p>Results are bit-identical whatever the JIT state: only IEEE-exact lane operations (add, sub, mul, div, fma,
 * sqrt, abs, min, max, neg, compare) are vectorised. Transcendental functions run as scalar {@code Math} loops,
 * because the Vector API's compiled transcendentals differ by an ulp from its own interpreted fallback, and lane
 * sums are reduced in a fixed order rather than with {@code reduceLanes}.
 */
final class VectorKernels {

  /** Elements per parallel chunk for elementwise loops; below this one thread is faster. */
  static final int ELEMENTWISE_GRAIN = 1 << 15;

  private VectorKernels() {}

  private static float sumLanes(float[] lanes) {
    float total = 0;
    for (float v : lanes) {
      total += v;
    }
    return total;
  }

  private static double sumLanes(double[] lanes) {
    double total = 0;
    for (double v : lanes) {
      total += v;
    }
    return total;
  }

  static void unary(UnaryOp op, float[] x, float[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> unaryRange(op, x, out, lo, hi));
  }

  static void unary(UnaryOp op, double[] x, double[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> unaryRange(op, x, out, lo, hi));
  }

  static void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> binaryRange(op, a, b, out, lo, hi));
  }

  static void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> binaryRange(op, a, b, out, lo, hi));
  }

  static void binaryScalar(BinaryOp op, float[] a, float c, float[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> binaryScalarRange(op, a, c, out, lo, hi));
  }

  static void binaryScalar(BinaryOp op, double[] a, double c, double[] out, int n) {
    Parallel.range(n, ELEMENTWISE_GRAIN, 64, (lo, hi) -> binaryScalarRange(op, a, c, out, lo, hi));
  }

  static void sum(float[] x, int outer, int len, int inner, float[] out) {
    Parallel.range(outer, Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, len * inner)), 1,
        (lo, hi) -> sumRange(x, len, inner, out, lo, hi));
  }

  static void sum(double[] x, int outer, int len, int inner, double[] out) {
    Parallel.range(outer, Math.max(1, ELEMENTWISE_GRAIN / Math.max(1, len * inner)), 1,
        (lo, hi) -> sumRange(x, len, inner, out, lo, hi));
  }

  /** {@code C[m,n] = A[m,k] B[k,n]}, row-major from the offsets, overwriting C; see {@link Gemm}. */
  static void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    Gemm.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
  }

  /** {@code C[m,n] = A[m,k] B[k,n]}, row-major from the offsets, overwriting C; see {@link Gemm}. */
  static void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
    Gemm.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
  }

  private static void unaryRange(UnaryOp op, float[] x, float[] out, int from, int to) {
    var s = FloatVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    var zero = FloatVector.zero(s);
    var one = FloatVector.broadcast(s, 1);
    switch (op) {
      case NEG -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, x, i).neg().intoArray(out, i); }
      case SQRT -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, x, i).sqrt().intoArray(out, i); }
      case ABS -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, x, i).abs().intoArray(out, i); }
      case RELU -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, x, i).max(zero).intoArray(out, i); }
      case SIGN -> {
        for (; i < bound; i += s.length()) {
          var v = FloatVector.fromArray(s, x, i);
          zero.blend(one, v.compare(VectorOperators.GT, 0)).blend(one.neg(), v.compare(VectorOperators.LT, 0)).intoArray(out, i);
        }
      }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = (float) op.apply(x[i]);
    }
  }

  private static void binaryRange(BinaryOp op, float[] a, float[] b, float[] out, int from, int to) {
    var s = FloatVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    switch (op) {
      case ADD -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).add(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      case SUB -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).sub(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      case MUL -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).mul(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      case DIV -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).div(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      case MAX -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).max(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      case MIN -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).min(FloatVector.fromArray(s, b, i)).intoArray(out, i); }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = (float) op.apply(a[i], b[i]);
    }
  }

  private static void binaryScalarRange(BinaryOp op, float[] a, float c, float[] out, int from, int to) {
    var s = FloatVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    var b = FloatVector.broadcast(s, c);
    switch (op) {
      case ADD -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).add(b).intoArray(out, i); }
      case SUB -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).sub(b).intoArray(out, i); }
      case MUL -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).mul(b).intoArray(out, i); }
      case DIV -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).div(b).intoArray(out, i); }
      case MAX -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).max(b).intoArray(out, i); }
      case MIN -> { for (; i < bound; i += s.length()) FloatVector.fromArray(s, a, i).min(b).intoArray(out, i); }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = (float) op.apply(a[i], c);
    }
  }

  private static void sumRange(float[] x, int len, int inner, float[] out, int fromOuter, int toOuter) {
    var s = FloatVector.SPECIES_PREFERRED;
    for (int o = fromOuter; o < toOuter; o++) {
      int base = o * len * inner;
      if (inner == 1) {
        var acc = FloatVector.zero(s);
        int l = 0;
        for (int bound = s.loopBound(len); l < bound; l += s.length()) {
          acc = acc.add(FloatVector.fromArray(s, x, base + l));
        }
        float total = sumLanes(acc.toArray());
        for (; l < len; l++) {
          total += x[base + l];
        }
        out[o] = total;
      } else {
        int dst = o * inner;
        java.util.Arrays.fill(out, dst, dst + inner, 0);
        int bound = s.loopBound(inner);
        for (int l = 0; l < len; l++) {
          int src = base + l * inner;
          int i = 0;
          for (; i < bound; i += s.length()) {
            FloatVector.fromArray(s, out, dst + i).add(FloatVector.fromArray(s, x, src + i)).intoArray(out, dst + i);
          }
          for (; i < inner; i++) {
            out[dst + i] += x[src + i];
          }
        }
      }
    }
  }

  private static void unaryRange(UnaryOp op, double[] x, double[] out, int from, int to) {
    var s = DoubleVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    var zero = DoubleVector.zero(s);
    var one = DoubleVector.broadcast(s, 1);
    switch (op) {
      case NEG -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, x, i).neg().intoArray(out, i); }
      case SQRT -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, x, i).sqrt().intoArray(out, i); }
      case ABS -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, x, i).abs().intoArray(out, i); }
      case RELU -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, x, i).max(zero).intoArray(out, i); }
      case SIGN -> {
        for (; i < bound; i += s.length()) {
          var v = DoubleVector.fromArray(s, x, i);
          zero.blend(one, v.compare(VectorOperators.GT, 0)).blend(one.neg(), v.compare(VectorOperators.LT, 0)).intoArray(out, i);
        }
      }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = op.apply(x[i]);
    }
  }

  private static void binaryRange(BinaryOp op, double[] a, double[] b, double[] out, int from, int to) {
    var s = DoubleVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    switch (op) {
      case ADD -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).add(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      case SUB -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).sub(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      case MUL -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).mul(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      case DIV -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).div(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      case MAX -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).max(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      case MIN -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).min(DoubleVector.fromArray(s, b, i)).intoArray(out, i); }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = op.apply(a[i], b[i]);
    }
  }

  private static void binaryScalarRange(BinaryOp op, double[] a, double c, double[] out, int from, int to) {
    var s = DoubleVector.SPECIES_PREFERRED;
    int i = from;
    int bound = from + s.loopBound(to - from);
    var b = DoubleVector.broadcast(s, c);
    switch (op) {
      case ADD -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).add(b).intoArray(out, i); }
      case SUB -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).sub(b).intoArray(out, i); }
      case MUL -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).mul(b).intoArray(out, i); }
      case DIV -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).div(b).intoArray(out, i); }
      case MAX -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).max(b).intoArray(out, i); }
      case MIN -> { for (; i < bound; i += s.length()) DoubleVector.fromArray(s, a, i).min(b).intoArray(out, i); }
      default -> { } // transcendental: the scalar loop below does all elements
    }
    for (; i < to; i++) {
      out[i] = op.apply(a[i], c);
    }
  }

  private static void sumRange(double[] x, int len, int inner, double[] out, int fromOuter, int toOuter) {
    var s = DoubleVector.SPECIES_PREFERRED;
    for (int o = fromOuter; o < toOuter; o++) {
      int base = o * len * inner;
      if (inner == 1) {
        var acc = DoubleVector.zero(s);
        int l = 0;
        for (int bound = s.loopBound(len); l < bound; l += s.length()) {
          acc = acc.add(DoubleVector.fromArray(s, x, base + l));
        }
        double total = sumLanes(acc.toArray());
        for (; l < len; l++) {
          total += x[base + l];
        }
        out[o] = total;
      } else {
        int dst = o * inner;
        java.util.Arrays.fill(out, dst, dst + inner, 0);
        int bound = s.loopBound(inner);
        for (int l = 0; l < len; l++) {
          int src = base + l * inner;
          int i = 0;
          for (; i < bound; i += s.length()) {
            DoubleVector.fromArray(s, out, dst + i).add(DoubleVector.fromArray(s, x, src + i)).intoArray(out, dst + i);
          }
          for (; i < inner; i++) {
            out[dst + i] += x[src + i];
          }
        }
      }
    }
  }

}
