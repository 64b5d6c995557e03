package org.backmap.autodiff;

import java.util.Arrays;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Compares reverse-mode gradients with central finite differences, in float64.
 *
 * <p>For a function {@code f} of tensors, the checked scalar is {@code L = sum(w * f(x))} with fixed random
 * weights {@code w}, so every output element contributes with a different weight. For each input element,
 * {@code dL/dx ~ (L(x + h) - L(x - h)) / 2h}; the analytic gradient comes from {@link Tensor#backward()}.
 */
public final class GradCheck {

  /** Outcome of a check: the largest error, scaled by {@code max(1, |numeric|)}, and where it occurred. */
  public record Result(double maxError, int input, int element, double analytic, double numeric) {
    @Override
    public String toString() {
      return String.format("max error %.3g at input %d element %d (analytic %.10g, numeric %.10g)",
          maxError, input, element, analytic, numeric);
    }
  }

  private GradCheck() {}

  /**
   * Checks {@code f} at {@code inputs} (float64 tensors; they are not modified) with step {@code h}.
   *
   * @return the worst deviation between analytic and numeric gradient
   */
  public static Result check(Function<Tensor[], Tensor> f, double h, RandomGenerator rng, Tensor... inputs) {
    Tensor[] leaves = new Tensor[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].dtype() != DType.F64) {
        throw new IllegalArgumentException("gradient checks run in float64; input " + i + " is " + inputs[i].dtype());
      }
      leaves[i] = inputs[i].copy().requiresGrad(true);
    }
    Tensor out = f.apply(leaves);
    Tensor weights = Tensor.uniform(rng, DType.F64, 0.5, 1.5, out.shape());
    out.mul(weights).sum().backward();

    Result worst = new Result(0, -1, -1, 0, 0);
    for (int i = 0; i < inputs.length; i++) {
      Tensor grad = leaves[i].grad();
      for (int e = 0; e < inputs[i].size(); e++) {
        double numeric = (loss(f, inputs, weights, i, e, h) - loss(f, inputs, weights, i, e, -h)) / (2 * h);
        double analytic = grad == null ? 0.0 : grad.getFlat(e);
        double error = Math.abs(analytic - numeric) / Math.max(1.0, Math.abs(numeric));
        if (!(error <= worst.maxError())) { // also catches NaN
          worst = new Result(Double.isNaN(error) ? Double.POSITIVE_INFINITY : error, i, e, analytic, numeric);
        }
      }
    }
    return worst;
  }

  private static double loss(Function<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights, int which, int element,
      double step) {
    Tensor[] shifted = Arrays.copyOf(inputs, inputs.length);
    shifted[which] = inputs[which].copy();
    shifted[which].setFlat(element, inputs[which].getFlat(element) + step);
    try (var _ = GradMode.noGrad()) {
      return f.apply(shifted).mul(weights).sum().item();
    }
  }
}
