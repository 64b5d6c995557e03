package org.backmap.md.minimize;

/** A differentiable function to minimize. */
@FunctionalInterface
public interface Objective {
  /**
   * Evaluates the function.
   *
   * @param x the point (not modified)
   * @param gradient receives the gradient at {@code x} (overwritten)
   * @return the value at {@code x}
   */
  double evaluate(double[] x, double[] gradient);
}
