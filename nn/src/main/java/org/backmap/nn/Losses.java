package org.backmap.nn;

import java.util.Arrays;
import org.backmap.autodiff.Tensor;

/** Loss functions returning rank-0 tensors. */
public final class Losses {

  private Losses() {}

  /** Mean squared error {@code (1/n) sum_i (prediction_i - target_i)^2} over all {@code n} elements. */
  public static Tensor meanSquaredError(Tensor prediction, Tensor target) {
    if (!Arrays.equals(prediction.shape(), target.shape())) {
      throw new IllegalArgumentException("prediction shape " + Arrays.toString(prediction.shape())
          + " differs from target shape " + Arrays.toString(target.shape()));
    }
    return prediction.sub(target).square().mean();
  }
}
