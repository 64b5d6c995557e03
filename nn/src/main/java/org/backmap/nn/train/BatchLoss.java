package org.backmap.nn.train;

import org.backmap.autodiff.Tensor;
import org.backmap.nn.Module;

/**
 * The training objective on one batch: a one-element tensor, the mean over the batch's examples (the trainer
 * weights batch losses by batch size when it averages them over an epoch).
 *
 * @param <M> the model type
 * @param <B> the batch type
 */
@FunctionalInterface
public interface BatchLoss<M extends Module, B> {

  /** The loss of {@code model} on {@code batch}, recorded on the tape so that it can be backpropagated. */
  Tensor compute(M model, B batch);
}
