package org.backmap.backmapping.train;

import java.util.List;

/**
 * Where training stands, saved with the weights and the optimiser state so that a run continues bit for bit. The
 * shuffled order of an epoch is determined by {@code shuffleSeed}; the position in it is {@code batchesDone}.
 *
 * @param type residue type
 * @param preset preset id
 * @param seed the run's seed
 * @param maxExamples cap on examples (0: none)
 * @param batchSize examples per step
 * @param bufferSize shuffle buffer
 * @param dataManifestSha256 SHA-256 of the dataset's manifest.json
 * @param epochsDone finished epochs
 * @param shuffleSeed seed of the current epoch's order
 * @param batchesDone batches of the current epoch already taken
 * @param examplesDone examples of the current epoch already taken
 * @param lossSum sum over the current epoch's examples of their negative log-likelihood
 * @param epochSeconds wall time spent in the current epoch so far
 * @param bestEpoch epoch of the best validation NLL (0: none yet)
 * @param bestValidationNll the best validation NLL (infinite when none)
 * @param history the finished epochs
 * @param initialModelSha256 SHA-256 of the model file the run started from (fine-tuning), or empty
 */
public record TrainingState(String type, String preset, long seed, long maxExamples, int batchSize, int bufferSize,
    String dataManifestSha256, int epochsDone, long shuffleSeed, int batchesDone, long examplesDone, double lossSum,
    double epochSeconds, int bestEpoch, double bestValidationNll, List<EpochRecord> history,
    String initialModelSha256) {

  /** Copies the history; a state saved before fine-tuning existed started from random weights. */
  public TrainingState {
    history = List.copyOf(history);
    initialModelSha256 = initialModelSha256 == null ? "" : initialModelSha256;
  }

  /**
   * What differs between this run's settings and {@code other}'s in a way that forbids continuing, or null.
   * The number of epochs may differ: more continue the run.
   */
  String incompatibility(TrainingState other) {
    if (!type.equals(other.type)) {
      return clash("type", other.type, type);
    }
    if (!preset.equals(other.preset)) {
      return clash("preset", other.preset, preset);
    }
    if (seed != other.seed) {
      return clash("seed", other.seed, seed);
    }
    if (maxExamples != other.maxExamples) {
      return clash("max examples", other.maxExamples, maxExamples);
    }
    if (batchSize != other.batchSize || bufferSize != other.bufferSize) {
      return clash("batch/buffer size", other.batchSize + "/" + other.bufferSize, batchSize + "/" + bufferSize);
    }
    if (!dataManifestSha256.equals(other.dataManifestSha256)) {
      return clash("dataset manifest SHA-256", other.dataManifestSha256.substring(0, 16) + "...",
          dataManifestSha256.substring(0, 16) + "...");
    }
    if (!initialModelSha256.equals(other.initialModelSha256)) {
      return clash("initial weights", other.initialModelSha256.isEmpty() ? "random" : "model SHA-256 "
          + other.initialModelSha256.substring(0, 16) + "...", initialModelSha256.isEmpty() ? "random"
          : "model SHA-256 " + initialModelSha256.substring(0, 16) + "...");
    }
    return null;
  }

  private static String clash(String what, Object saved, Object asked) {
    return what + " " + saved + ", this run " + asked;
  }
}
