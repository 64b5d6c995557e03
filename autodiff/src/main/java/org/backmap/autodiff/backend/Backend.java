package org.backmap.autodiff.backend;

/**
 * The numeric kernels behind every tensor op. Ops in {@code org.backmap.autodiff} decide shapes, broadcasting and
 * gradients; a backend only runs loops over contiguous arrays. Implementations are found with
 * {@link java.util.ServiceLoader} and chosen by {@link Backends}.
 *
 * <p>All array arguments are read-only except those named {@code out}/{@code c}, which are overwritten (never
 * accumulated into). Offsets index the first element used. Every method exists for float32 and float64.
 */
public interface Backend {

  /** Short name used to select this backend, e.g. {@code "cpu"} or {@code "scalar"}. */
  String name();

  /** Backends with a higher priority win when no name is requested. */
  int priority();

  /** Whether this backend can run here (e.g. its native library or device is present). */
  boolean isAvailable();

  /** {@code out[i] = op(x[i])} for {@code i < n}. */
  void unary(UnaryOp op, float[] x, float[] out, int n);

  /** {@code out[i] = op(x[i])} for {@code i < n}. */
  void unary(UnaryOp op, double[] x, double[] out, int n);

  /** {@code out[i] = op(a[i], b[i])} for {@code i < n}. */
  void binary(BinaryOp op, float[] a, float[] b, float[] out, int n);

  /** {@code out[i] = op(a[i], b[i])} for {@code i < n}. */
  void binary(BinaryOp op, double[] a, double[] b, double[] out, int n);

  /** {@code out[i] = op(a[i], s)} for {@code i < n}. */
  void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n);

  /** {@code out[i] = op(a[i], s)} for {@code i < n}. */
  void binaryScalar(BinaryOp op, double[] a, double s, double[] out, int n);

  /**
   * Sum over the middle axis of an {@code [outer, len, inner]} array: {@code out[o, i] = sum_l x[o, l, i]}.
   */
  void sum(float[] x, int outer, int len, int inner, float[] out);

  /** Sum over the middle axis of an {@code [outer, len, inner]} array (float64). */
  void sum(double[] x, int outer, int len, int inner, double[] out);

  /**
   * Matrix product {@code C = A B} of row-major {@code A[m, k]} (at {@code aOff}) and {@code B[k, n]} (at
   * {@code bOff}) into {@code C[m, n]} (at {@code cOff}), overwriting C.
   */
  void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n);

  /** Matrix product {@code C = A B} in float64; see the float32 overload. */
  void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n);
}
