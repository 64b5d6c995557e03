package org.backmap.autodiff.backend;

/**
 * Elementwise functions of one argument that every {@link Backend} implements. The scalar definition here is
 * the reference that vectorised kernels are tested against.
 */
public enum UnaryOp {
  NEG { @Override public double apply(double x) { return -x; } },
  EXP { @Override public double apply(double x) { return Math.exp(x); } },
  LOG { @Override public double apply(double x) { return Math.log(x); } },
  LOG1P { @Override public double apply(double x) { return Math.log1p(x); } },
  EXPM1 { @Override public double apply(double x) { return Math.expm1(x); } },
  SQRT { @Override public double apply(double x) { return Math.sqrt(x); } },
  ABS { @Override public double apply(double x) { return Math.abs(x); } },
  SIN { @Override public double apply(double x) { return Math.sin(x); } },
  COS { @Override public double apply(double x) { return Math.cos(x); } },
  TANH { @Override public double apply(double x) { return Math.tanh(x); } },
  /** 1 / (1 + e^-x); saturates to exactly 0 or 1, never NaN. */
  SIGMOID { @Override public double apply(double x) { return 1.0 / (1.0 + Math.exp(-x)); } },
  RELU { @Override public double apply(double x) { return x > 0 ? x : 0.0; } },
  /** log(1 + e^x) computed as max(x, 0) + log1p(e^-|x|), exact at +/-1000. */
  SOFTPLUS { @Override public double apply(double x) { return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); } },
  /** sign(x) in {-1, 0, 1}. */
  SIGN { @Override public double apply(double x) { return Math.signum(x); } };

  /** The reference scalar definition. */
  public abstract double apply(double x);
}
