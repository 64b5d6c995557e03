package org.backmap.nn.train;

/**
 * Training stopped because a loss was NaN or infinite. The model holds the best weights found before (or, if
 * no epoch had finished, the weights that produced the bad loss, which were not updated by it), and the
 * checkpoint on disk, if any, is the last good one.
 */
public final class NonFiniteLossException extends RuntimeException {

  private final int epoch;
  private final int batch;

  /**
   * @param message what happened, where, and what was kept
   * @param epoch 1-based epoch
   * @param batch 1-based training batch, or 0 for the validation pass
   */
  NonFiniteLossException(String message, int epoch, int batch) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
  }

  /** The 1-based epoch in which the loss went bad. */
  public int epoch() {
    return epoch;
  }

  /** The 1-based training batch, or 0 when the validation loss went bad. */
  public int batch() {
    return batch;
  }
}
