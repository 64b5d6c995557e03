package org.backmap.nn.optim;

import java.util.Map;
import org.backmap.autodiff.Tensor;

/**
 * Updates a fixed set of named parameters in place from their accumulated gradients.
 *
 * <p>One training step is {@code zeroGrad(); loss.backward(); step();}. The optimiser's own state (moments, step
 * count) is exposed as named tensors so that checkpoints can store it and training can resume exactly.
 */
public interface Optimizer {

  /** Applies one update to every parameter that has a gradient; parameters without one are left unchanged. */
  void step();

  /** Clears the gradients of all parameters. */
  void zeroGrad();

  /** The optimiser state as named live tensors, in a deterministic order. */
  Map<String, Tensor> state();

  /**
   * Replaces the state with copies of {@code state}'s values, which must match {@link #state()} in names, shapes
   * and dtypes.
   *
   * @throws IllegalArgumentException naming the first mismatch
   */
  void loadState(Map<String, Tensor> state);
}
