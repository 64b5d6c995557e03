package org.backmap.backmapping.train;

import java.nio.file.Path;
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
 * @param learningRate Adam's learning rate (TensorFlow's default 1e-3)
 * @param initialModels a models folder whose model of each type (same architecture) gives the initial weights of a
 *     new run, which then fine-tunes it; {@code null}: random initial weights
 */
public record TrainingOptions(Preset preset, int epochs, long maxExamples, long seed, int batchSize, int bufferSize,
    Duration checkpointInterval, EpochSchedule schedule, double learningRate, Path initialModels) {

  /** Validates. */
  public TrainingOptions {
    if (preset == null || schedule == null || epochs < 0 || maxExamples < 0 || batchSize < 1 || bufferSize < 1
        || checkpointInterval == null || checkpointInterval.isNegative() || !(learningRate > 0)
        || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("invalid training options: " + this);
    }
  }

  /**
   * The default preset, epochs by {@link EpochSchedule#defaults()}, at most 8,000 examples per epoch, seed 1,
   * batches of 64, a buffer of 10,000, saves every 10 minutes, learning rate 1e-3, random initial weights.
   */
  public static TrainingOptions defaults() {
    return new TrainingOptions(Preset.DEFAULT, 0, 8_000, 1, 64, 10_000, Duration.ofMinutes(10), EpochSchedule.defaults(),
        1e-3, null);
  }

  /** A copy with another epoch schedule (used when {@code epochs} is 0). */
  public TrainingOptions withSchedule(EpochSchedule s) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, s,
        learningRate, initialModels);
  }

  /** A copy with another preset. */
  public TrainingOptions withPreset(Preset p) {
    return new TrainingOptions(p, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule,
        learningRate, initialModels);
  }

  /** A copy with another number of epochs (0: by the schedule). */
  public TrainingOptions withEpochs(int n) {
    return new TrainingOptions(preset, n, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule,
        learningRate, initialModels);
  }

  /** A copy with another cap on examples (0: none). */
  public TrainingOptions withMaxExamples(long n) {
    return new TrainingOptions(preset, epochs, n, seed, batchSize, bufferSize, checkpointInterval, schedule,
        learningRate, initialModels);
  }

  /** A copy with another seed. */
  public TrainingOptions withSeed(long s) {
    return new TrainingOptions(preset, epochs, maxExamples, s, batchSize, bufferSize, checkpointInterval, schedule,
        learningRate, initialModels);
  }

  /** A copy with another batch size. */
  public TrainingOptions withBatchSize(int n) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, n, bufferSize, checkpointInterval, schedule,
        learningRate, initialModels);
  }

  /** A copy with another interval between saves of the training state. */
  public TrainingOptions withCheckpointInterval(Duration d) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, d, schedule,
        learningRate, initialModels);
  }

  /** A copy with another learning rate. */
  public TrainingOptions withLearningRate(double lr) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule, lr,
        initialModels);
  }

  /** A copy whose new runs start from the models of {@code dir} ({@code null}: from random weights). */
  public TrainingOptions withInitialModels(Path dir) {
    return new TrainingOptions(preset, epochs, maxExamples, seed, batchSize, bufferSize, checkpointInterval, schedule,
        learningRate, dir);
  }
}
