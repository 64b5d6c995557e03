package org.backmap.gaattention;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.LayerNorm;
import org.backmap.nn.Linear;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;

/**
 * {@code Dense(E) -> LayerNorm -> ReLU -> Dense(E)}: {@code y = relu(LN(x W1 + b1)) W2 + b2}, the value network
 * and the per-particle update of vector attention. Parameters: {@code in.*}, {@code norm.*}, {@code out.*}.
 */
final class NormedMlp extends Module {

  private final Linear in;
  private final LayerNorm norm;
  private final Linear out;

  NormedMlp(int inputs, int width, Rng rng, DType dtype) {
    in = addModule("in", new Linear(inputs, width, rng, dtype));
    norm = addModule("norm", new LayerNorm(width, LayerNorm.KERAS_EPSILON, dtype));
    out = addModule("out", new Linear(width, width, rng, dtype));
  }

  /** {@code [..., inputs]} to {@code [..., width]}. */
  Tensor forward(Tensor x) {
    return out.forward(hidden(x));
  }

  /** {@code relu(LN(x W1 + b1))}, the input of the last layer. */
  Tensor hidden(Tensor x) {
    // [x, 1] [W1; b1]: the bias rides in the product instead of costing a broadcast pass over B N^2 rows
    int[] onesShape = x.shape();
    onesShape[onesShape.length - 1] = 1;
    Tensor withOnes = Tensor.concat(-1, x, Tensor.ones(x.dtype(), onesShape));
    Tensor weight = Tensor.concat(0, in.weight(), in.bias().unsqueeze(0));
    return norm.forward(withOnes.matmul(weight)).relu();
  }

  /** The last layer. */
  Linear out() {
    return out;
  }
}
