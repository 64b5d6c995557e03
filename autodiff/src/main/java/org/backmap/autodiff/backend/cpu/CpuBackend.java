package org.backmap.autodiff.backend.cpu;

import org.backmap.autodiff.backend.Backend;
import org.backmap.autodiff.backend.BinaryOp;
import org.backmap.autodiff.backend.UnaryOp;

/**
 * The default backend: Panama Vector API kernels on all cores. Available when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; this class touches no vector type itself, so it loads either way and
 * simply reports itself unavailable without the module.
 */
public final class CpuBackend implements Backend {

  private static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  @Override public String name() { return "cpu"; }

  @Override public int priority() { return 10; }

  @Override public boolean isAvailable() { return VECTOR_API; }

  @Override public void unary(UnaryOp op, float[] x, float[] out, int n) { VectorKernels.unary(op, x, out, n); }

  @Override public void unary(UnaryOp op, double[] x, double[] out, int n) { VectorKernels.unary(op, x, out, n); }

  @Override
  public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) { VectorKernels.binary(op, a, b, out, n); }

  @Override
  public void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
    VectorKernels.binary(op, a, b, out, n);
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
    VectorKernels.binaryScalar(op, a, s, out, n);
  }

  @Override
  public void binaryScalar(BinaryOp op, double[] a, double s, double[] out, int n) {
    VectorKernels.binaryScalar(op, a, s, out, n);
  }

  @Override
  public void sum(float[] x, int outer, int len, int inner, float[] out) { VectorKernels.sum(x, outer, len, inner, out); }

  @Override
  public void sum(double[] x, int outer, int len, int inner, double[] out) {
    VectorKernels.sum(x, outer, len, inner, out);
  }

  @Override
  public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
    VectorKernels.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
  }

  @Override
  public void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    VectorKernels.matmul(a, aOff, b, bOff, c, cOff, m, k, n);
  }
}
