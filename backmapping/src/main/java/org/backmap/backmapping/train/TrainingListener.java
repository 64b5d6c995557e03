package org.backmap.backmapping.train;

/** Hears about a training run's progress (for progress lines and tests); every method defaults to nothing. */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /**
   * A training batch was taken.
   *
   * @param type residue type
   * @param epoch 1-based epoch
   * @param epochs epochs of the run
   * @param batch 1-based batch in the epoch
   * @param batches batches per epoch
   * @param loss the batch's mean negative log-likelihood
   */
  default void batchDone(String type, int epoch, int epochs, int batch, int batches, double loss) {}

  /** An epoch finished (validation included). */
  default void epochDone(String type, int epochs, EpochRecord record) {}

  /** The training state was saved (periodically, at an epoch's end, or on a stop). */
  default void checkpointed(String type, int epochsDone, int batchesDone) {}
}
