package org.backmap.nn.train;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Rng;

/** The smooth test function {@code f(x, y) = sin(x) cos(y)} sampled uniformly on {@code [-2, 2]^2}. */
final class RegressionProblem {

  private RegressionProblem() {}

  static double f(double x, double y) {
    return Math.sin(x) * Math.cos(y);
  }

  /** {@code n} examples: inputs {@code [n, 2]}, targets {@code [n, 1]}. */
  static TensorDataset sample(int n, Rng rng) {
    Tensor inputs = Tensor.uniform(rng.generator(), DType.F32, -2, 2, n, 2);
    float[] targets = new float[n];
    for (int i = 0; i < n; i++) {
      targets[i] = (float) f(inputs.get(i, 0), inputs.get(i, 1));
    }
    return new TensorDataset(inputs, Tensor.wrap(targets, n, 1));
  }
}
