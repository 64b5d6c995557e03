package org.backmap.nn.train;

/**
 * Indexed examples that can be gathered into batches of type {@code B}.
 *
 * @param <B> the batch type handed to the loss
 */
public interface Dataset<B> {

  /** Number of examples. */
  int size();

  /** The examples at {@code indices} (each in {@code [0, size())}) as one batch, in that order. */
  B batch(int[] indices);
}
