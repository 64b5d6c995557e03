package org.backmap.nn.optim;

import java.util.Collection;
import org.backmap.autodiff.Tensor;

/**
 * How gradients are limited before an update: not at all, by global norm, or by value.
 *
 * <p>By global norm: with {@code N = sqrt(sum over all parameters and elements of g^2)}, every gradient is scaled
 * by {@code min(1, c / N)}, which keeps the direction of the full gradient. By value: every element is clamped
 * to {@code [-c, c]}.
 */
public final class GradientClipping {

  private static final GradientClipping NONE = new GradientClipping(Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY);

  private final double maxGlobalNorm;
  private final double maxAbsValue;

  private GradientClipping(double maxGlobalNorm, double maxAbsValue) {
    this.maxGlobalNorm = maxGlobalNorm;
    this.maxAbsValue = maxAbsValue;
  }

  /** Gradients are used as they are. */
  public static GradientClipping none() {
    return NONE;
  }

  /** Scales all gradients together so that their global L2 norm is at most {@code maxNorm}. */
  public static GradientClipping byGlobalNorm(double maxNorm) {
    requirePositive(maxNorm);
    return new GradientClipping(maxNorm, Double.POSITIVE_INFINITY);
  }

  /** Clamps every gradient element to {@code [-limit, limit]}. */
  public static GradientClipping byValue(double limit) {
    requirePositive(limit);
    return new GradientClipping(Double.POSITIVE_INFINITY, limit);
  }

  private static void requirePositive(double c) {
    if (!(c > 0)) {
      throw new IllegalArgumentException("clipping threshold must be positive, got " + c);
    }
  }

  /** The factor {@code min(1, c / N)} that all gradients are multiplied by (1 unless clipping by norm). */
  public double scale(Collection<Tensor> gradients) {
    if (maxGlobalNorm == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    double sumSquares = 0;
    for (Tensor g : gradients) {
      for (int i = 0; i < g.size(); i++) {
        double x = g.getFlat(i);
        sumSquares += x * x;
      }
    }
    double norm = Math.sqrt(sumSquares);
    return norm > maxGlobalNorm ? maxGlobalNorm / norm : 1.0;
  }

  /** One gradient element after clipping by value ({@code g} itself unless clipping by value). */
  public double clip(double g) {
    return Math.max(-maxAbsValue, Math.min(maxAbsValue, g));
  }

  @Override
  public String toString() {
    if (maxGlobalNorm != Double.POSITIVE_INFINITY) {
      return "byGlobalNorm(" + maxGlobalNorm + ")";
    }
    return maxAbsValue != Double.POSITIVE_INFINITY ? "byValue(" + maxAbsValue + ")" : "none";
  }
}
