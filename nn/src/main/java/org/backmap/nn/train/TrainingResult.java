package org.backmap.nn.train;

import java.util.List;

/**
 * Outcome of {@link Trainer#fit}.
 *
 * @param history one result per epoch, in order
 * @param bestEpoch the epoch whose weights the model holds at the end
 * @param bestValidationLoss its validation loss
 */
public record TrainingResult(List<EpochResult> history, int bestEpoch, double bestValidationLoss) {

  /** Copies the history. */
  public TrainingResult {
    history = List.copyOf(history);
  }
}
