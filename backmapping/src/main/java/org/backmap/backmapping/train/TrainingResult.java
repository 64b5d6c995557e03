package org.backmap.backmapping.train;

import java.util.List;

/**
 * How a training call ended.
 *
 * @param type residue type
 * @param outcome finished now, stopped on request (state saved), or found finished before
 * @param epochsDone finished epochs
 * @param bestEpoch epoch of the saved model
 * @param bestValidationNll its validation NLL
 * @param history every finished epoch
 */
public record TrainingResult(String type, Outcome outcome, int epochsDone, int bestEpoch, double bestValidationNll,
    List<EpochRecord> history) {

  /** How a call ended. */
  public enum Outcome {
    /** All epochs are done; the model file holds the best weights. */
    FINISHED,
    /** Stopped on request; the state is saved and the same call continues. */
    STOPPED,
    /** Nothing to do: an earlier run already finished these epochs. */
    ALREADY_FINISHED
  }
}
