package org.backmap.autodiff.backend;

/**
 * Plain single-threaded loops: the reference twin of every vectorised kernel, and the fallback where the Vector
 * API is not available. Select it with {@code -Dbackmap.backend=scalar}.
 */
public final class ScalarBackend implements Backend {

  @Override public String name() { return "scalar"; }

  @Override public int priority() { return 0; }

  @Override public boolean isAvailable() { return true; }

  @Override
  public void unary(UnaryOp op, float[] x, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = (float) op.apply(x[i]);
    }
  }

  @Override
  public void unary(UnaryOp op, double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = op.apply(x[i]);
    }
  }

  @Override
  public void binary(BinaryOp op, float[] a, float[] b, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = (float) op.apply(a[i], b[i]);
    }
  }

  @Override
  public void binary(BinaryOp op, double[] a, double[] b, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = op.apply(a[i], b[i]);
    }
  }

  @Override
  public void binaryScalar(BinaryOp op, float[] a, float s, float[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = (float) op.apply(a[i], s);
    }
  }

  @Override
  public void binaryScalar(BinaryOp op, double[] a, double s, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      out[i] = op.apply(a[i], s);
    }
  }

  @Override
  public void sum(float[] x, int outer, int len, int inner, float[] out) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double acc = 0;
        for (int l = 0; l < len; l++) {
          acc += x[(o * len + l) * inner + i];
        }
        out[o * inner + i] = (float) acc;
      }
    }
  }

  @Override
  public void sum(double[] x, int outer, int len, int inner, double[] out) {
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double acc = 0;
        for (int l = 0; l < len; l++) {
          acc += x[(o * len + l) * inner + i];
        }
        out[o * inner + i] = acc;
      }
    }
  }

  @Override
  public void matmul(float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float acc = 0;
        for (int p = 0; p < k; p++) {
          acc += a[aOff + i * k + p] * b[bOff + p * n + j];
        }
        c[cOff + i * n + j] = acc;
      }
    }
  }

  @Override
  public void matmul(double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int m, int k, int n) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double acc = 0;
        for (int p = 0; p < k; p++) {
          acc += a[aOff + i * k + p] * b[bOff + p * n + j];
        }
        c[cOff + i * n + j] = acc;
      }
    }
  }
}
