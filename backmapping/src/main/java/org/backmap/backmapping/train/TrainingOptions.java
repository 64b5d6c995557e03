package org.backmap.backmapping.train;

import java.time.Duration;
import org.backmap.backmapping.model.Preset;

/**
 * How a residue model is trained.
 *
 * @param preset the architecture
 * @param epochs passes over the training examples (a later run with more epochs continues)
 * @param maxExamples at most this many training examples per epoch and validation examples (0: all)
 * @param seed seed of the initial weights and of the shuffling
 * @param batchSize examples per Adam step
 * @param bufferSize examples held by the shuffle buffer
 * @param checkpointInterval longest time between two saves of the training state (besides each epoch's end)
 */
public record TrainingOptions(Preset preset, int epochs, long maxExamples, long seed, int batchSize, int bufferSize,
    Duration checkpointInterval) {

  /** Validates. */
  public TrainingOptions {
    if (preset == null || epochs < 1 || maxExamples < 0 || batchSize < 1 || bufferSize < 1
        || checkpointInterval == null || checkpointInterval.isNegative()) {
      throw new IllegalArgumentException("invalid training options: " + this);
    }
  }

  /** The default preset, 10 epochs, every example, seed 1, batches of 64, a buffer of 10,000, saves every 10 minutes. */
  public static TrainingOptions defaults() {
    return new TrainingOptions(Preset.DEFAULT, 10, 0, 1, 64, 10_000, Duration.ofMinutes(10));
  }

  /** A copy with another preset. */
  public TrainingOptions withPreset(Preset p) {
    return new TrainingOptions(p, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval);
  }

  /** A copy with another number of epochs. */
  public TrainingOptions withEpochs(int n) {
    return new TrainingOptions(preset, n, maxExamples, seed, batchSize, bufferSize, checkpointInterval);
  }

  /** A copy with another cap on examples (0: none). */
  public TrainingOptions withMaxExamples(long n) {
    return new TrainingOptions(preset, epochs, n, seed, batchSize, bufferSize, checkpointInterval);
  }

  /** A copy with another seed. */
  public TrainingOptions withSeed(long s) {
    return new TrainingOptions(preset, epochs, maxExamples, s, batchSize, bufferSize, checkpointInterval);
  }

  /** A copy with another batch size. */
  public TrainingOptions withBatchSize(int n) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, n, bufferSize, checkpointInterval);
  }

  /** A copy with another interval between saves of the training state. */
  public TrainingOptions withCheckpointInterval(Duration d) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, d);
  }
}
