package org.backmap.backmapping.train;

/**
 * A loss became NaN or infinite. Nothing of the bad step was saved: the training state on disk is the last good
 * one and the model file the best one so far.
 */
public final class TrainingDivergedException extends RuntimeException {

  /** @param message what happened, where, and what was kept */
  public TrainingDivergedException(String message) {
    super(message);
  }
}
