package org.backmap.nn.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Settings of a {@link Trainer}.
 *
 * @param epochs number of passes over the training set
 * @param batchSize examples per batch (the last batch of an epoch may be smaller), default 64
 * @param validationFraction share of examples held out for validation, default 0.1
 * @param checkpoint manifest path where the best weights (with optimiser state) are saved whenever the validation
 *     loss improves, or null for none
 * @param checkpointConfig the {@code config} object stored in that checkpoint, or null for an empty one
 * @param progress how progress is shown, default {@link ProgressMode#AUTO}
 * @param patience stop once this many epochs in a row have not improved the validation loss (the best weights are
 *     kept either way); 0, the default, trains every epoch
 */
public record TrainerConfig(int epochs, int batchSize, double validationFraction, Path checkpoint,
    JsonNode checkpointConfig, ProgressMode progress, int patience) {

  /** Validates the settings. */
  public TrainerConfig {
    if (epochs <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException("epochs and batch size must be positive, got " + epochs + ", " + batchSize);
    }
    DataSplit.checkFraction(validationFraction);
    if (progress == null) {
      throw new IllegalArgumentException("progress mode must be given");
    }
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be at least 0, got " + patience);
    }
  }

  /** {@code epochs} epochs, batch size 64, 10 % validation, no checkpoint, automatic progress display. */
  public static TrainerConfig of(int epochs) {
    return new TrainerConfig(epochs, 64, 0.1, null, null, ProgressMode.AUTO, 0);
  }

  /** The same settings with another batch size. */
  public TrainerConfig withBatchSize(int size) {
    return new TrainerConfig(epochs, size, validationFraction, checkpoint, checkpointConfig, progress, patience);
  }

  /** The same settings with another validation fraction. */
  public TrainerConfig withValidationFraction(double fraction) {
    return new TrainerConfig(epochs, batchSize, fraction, checkpoint, checkpointConfig, progress, patience);
  }

  /** The same settings, saving the best weights to {@code manifest} with {@code config}. */
  public TrainerConfig withCheckpoint(Path manifest, JsonNode config) {
    return new TrainerConfig(epochs, batchSize, validationFraction, manifest, config, progress, patience);
  }

  /** The same settings with another progress display. */
  public TrainerConfig withProgress(ProgressMode mode) {
    return new TrainerConfig(epochs, batchSize, validationFraction, checkpoint, checkpointConfig, mode, patience);
  }

  /** The same settings, stopping after {@code epochs} epochs without a better validation loss (0: never). */
  public TrainerConfig withPatience(int epochs) {
    return new TrainerConfig(this.epochs, batchSize, validationFraction, checkpoint, checkpointConfig, progress, epochs);
  }
}
