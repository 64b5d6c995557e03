package org.backmap.autodiff.backend;

/** Elementwise functions of two arguments that every {@link Backend} implements (same-shape operands). */
public enum BinaryOp {
  ADD { @Override public double apply(double a, double b) { return a + b; } },
  SUB { @Override public double apply(double a, double b) { return a - b; } },
  MUL { @Override public double apply(double a, double b) { return a * b; } },
  DIV { @Override public double apply(double a, double b) { return a / b; } },
  POW { @Override public double apply(double a, double b) { return Math.pow(a, b); } },
  MAX { @Override public double apply(double a, double b) { return Math.max(a, b); } },
  MIN { @Override public double apply(double a, double b) { return Math.min(a, b); } },
  /** atan2(a, b): the angle of the point (x = b, y = a). */
  ATAN2 { @Override public double apply(double a, double b) { return Math.atan2(a, b); } };

  /** The reference scalar definition. */
  public abstract double apply(double a, double b);
}
