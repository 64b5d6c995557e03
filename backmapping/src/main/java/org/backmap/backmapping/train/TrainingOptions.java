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
 * @param schedule the epochs of each type when {@code epochs} is 0
 */
public record TrainingOptions(Preset preset, int epochs, long maxExamples, long seed, int batchSize, int bufferSize,
    Duration checkpointInterval, EpochSchedule schedule) {

  /** Validates. */
  public TrainingOptions {
    if (preset == null || schedule == null || epochs < 0 || maxExamples < 0 || batchSize < 1 || bufferSize < 1
        || checkpointInterval == null || checkpointInterval.isNegative()) {
      throw new IllegalArgumentException("invalid training options: " + this);
    }
  }

  /**
   * The default preset, epochs by {@link EpochSchedule#defaults()}, at most 8,000 examples per epoch, seed 1,
   * batches of 64, a buffer of 10,000, saves every 10 minutes.
   */
  public static TrainingOptions defaults() {
    return new TrainingOptions(Preset.DEFAULT, 0, 8_000, 1, 64, 10_000, Duration.ofMinutes(10), EpochSchedule.defaults());
  }

  /** A copy with another epoch schedule (used when {@code epochs} is 0). */
  public TrainingOptions withSchedule(EpochSchedule s) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, s);
  }

  /** A copy with another preset. */
  public TrainingOptions withPreset(Preset p) {
    return new TrainingOptions(p, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule);
  }

  /** A copy with another number of epochs (0: by the schedule). */
  public TrainingOptions withEpochs(int n) {
    return new TrainingOptions(preset, n, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule);
  }

  /** A copy with another cap on examples (0: none). */
  public TrainingOptions withMaxExamples(long n) {
    return new TrainingOptions(preset, epochs, n, seed, batchSize, bufferSize, checkpointInterval, schedule);
  }

  /** A copy with another seed. */
  public TrainingOptions withSeed(long s) {
    return new TrainingOptions(preset, epochs, maxExamples, s, batchSize, bufferSize, checkpointInterval, schedule);
  }

  /** A copy with another batch size. */
  public TrainingOptions withBatchSize(int n) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, n, bufferSize, checkpointInterval, schedule);
  }

  /** A copy with another interval between saves of the training state. */
  public TrainingOptions withCheckpointInterval(Duration d) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, d, schedule);
  }
}
