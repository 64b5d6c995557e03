package org.backmap.nn.train;

import java.util.Arrays;
import org.backmap.autodiff.Tensor;

/**
 * Supervised examples stored as two tensors whose first axis indexes the example: inputs {@code [n, ...]} and
 * targets {@code [n, ...]}.
 */
public final class TensorDataset implements Dataset<TensorDataset.Batch> {

  /**
   * Rows of the inputs and targets.
   *
   * @param inputs {@code [batch, ...]}
   * @param targets {@code [batch, ...]}
   */
  public record Batch(Tensor inputs, Tensor targets) {}

  private final Tensor inputs;
  private final Tensor targets;

  /** Examples {@code (inputs[i], targets[i])}; both tensors must have the same first dimension. */
  public TensorDataset(Tensor inputs, Tensor targets) {
    if (inputs.rank() == 0 || targets.rank() == 0 || inputs.dim(0) != targets.dim(0)) {
      throw new IllegalArgumentException("inputs " + Arrays.toString(inputs.shape()) + " and targets "
          + Arrays.toString(targets.shape()) + " need the same first dimension");
    }
    this.inputs = inputs.detach();
    this.targets = targets.detach();
  }

  @Override
  public int size() {
    return inputs.dim(0);
  }

  @Override
  public Batch batch(int[] indices) {
    return new Batch(inputs.indexSelect(0, indices), targets.indexSelect(0, indices));
  }
}
