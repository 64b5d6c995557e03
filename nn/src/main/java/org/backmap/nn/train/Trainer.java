package org.backmap.nn.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Module;
import org.backmap.nn.NamedTensors;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.ModelCheckpoints;
import org.backmap.nn.optim.Optimizer;

/**
 * Minibatch training with validation and best-weight tracking.
 *
 * <p>{@link #fit} splits the dataset once ({@link DataSplit}, from the fork {@code "split"} of the trainer's
 * {@link Rng}); each epoch shuffles the training indices (fork {@code "shuffle"}), and for every batch runs
 * {@code zeroGrad; loss = f(model, batch); loss.backward(); optimizer.step()}; then it evaluates the validation
 * loss without recording the tape. Whenever the validation loss improves, the weights are copied aside and, if
 * configured, saved with the optimiser state as a checkpoint. At the end the model holds the best weights.
 *
 * <p>A NaN or infinite loss is detected before it reaches the optimiser: training stops with a {@link
 * NonFiniteLossException} naming the epoch and batch, the best weights are restored, and the checkpoint on disk
 * stays the last good one. With the same seed, data and model, two runs give identical weights.
 *
 * @param <M> the model type
 */
public final class Trainer<M extends Module> {

  private final M model;
  private final Optimizer optimizer;
  private final Rng rng;
  private final TrainerConfig config;
  private final List<EpochListener> listeners = new ArrayList<>();

  /** A trainer updating {@code model} with {@code optimizer}, drawing splits and shuffles from {@code rng}. */
  public Trainer(M model, Optimizer optimizer, Rng rng, TrainerConfig config) {
    this.model = model;
    this.optimizer = optimizer;
    this.rng = rng;
    this.config = config;
  }

  /** Registers a listener called after every epoch; returns this. */
  public Trainer<M> addListener(EpochListener listener) {
    listeners.add(listener);
    return this;
  }

  /**
   * Trains on {@code data} for the configured number of epochs, or fewer with a {@link TrainerConfig#patience()}.
   *
   * @throws NonFiniteLossException when a training or validation loss is NaN or infinite
   * @throws IOException when the checkpoint cannot be written
   */
  public <B> TrainingResult fit(Dataset<B> data, BatchLoss<? super M, ? super B> loss) throws IOException {
    DataSplit split = DataSplit.of(data.size(), config.validationFraction(), rng.fork("split"));
    Rng shuffle = rng.fork("shuffle");
    int[] train = split.train();
    int batchesPerEpoch = (train.length + config.batchSize() - 1) / config.batchSize();
    List<EpochResult> history = new ArrayList<>();
    Best best = new Best();
    try (Progress progress = Progress.open(config.progress(), (long) batchesPerEpoch * config.epochs())) {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        int[] order = permute(train, shuffle.permutation(train.length));
        double sum = 0;
        for (int b = 0; b < batchesPerEpoch; b++) {
          int[] indices = batchIndices(order, b);
          model.zeroGrad();
          Tensor l = loss.compute(model, data.batch(indices));
          double value = l.item();
          if (!Double.isFinite(value)) {
            throw stop(best, String.format(Locale.ROOT, "training loss is %s at epoch %d, batch %d of %d", value,
                epoch, b + 1, batchesPerEpoch), epoch, b + 1);
          }
          l.backward();
          optimizer.step();
          sum += value * indices.length;
          progress.batchDone(epoch, sum / ((long) b * config.batchSize() + indices.length));
        }
        double validation = evaluate(data, loss, split.validation());
        if (!Double.isFinite(validation)) {
          throw stop(best, String.format(Locale.ROOT, "validation loss is %s after epoch %d", validation, epoch),
              epoch, 0);
        }
        boolean improved = validation < best.loss;
        if (improved) {
          best.keep(epoch, validation, model.namedParameters());
          if (config.checkpoint() != null) {
            ModelCheckpoints.save(config.checkpoint(), config.checkpointConfig(), model, optimizer);
          }
        }
        EpochResult result = new EpochResult(epoch, sum / train.length, validation, improved);
        history.add(result);
        progress.epochDone(result, config.epochs());
        listeners.forEach(listener -> listener.onEpoch(result));
        if (config.patience() > 0 && epoch - best.epoch >= config.patience()) {
          break; // no better validation loss for `patience` epochs: more epochs only fit the training set closer
        }
      }
    }
    best.restore(model);
    return new TrainingResult(history, best.epoch, best.loss);
  }

  /** Mean loss over {@code indices} in batches, weighted by batch size, without recording the tape. */
  private <B> double evaluate(Dataset<B> data, BatchLoss<? super M, ? super B> loss, int[] indices) {
    double sum = 0;
    try (var _ = GradMode.noGrad()) {
      for (int b = 0; b * config.batchSize() < indices.length; b++) {
        int[] batch = batchIndices(indices, b);
        sum += loss.compute(model, data.batch(batch)).item() * batch.length;
      }
    }
    return sum / indices.length;
  }

  private int[] batchIndices(int[] order, int b) {
    int start = b * config.batchSize();
    return Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize()));
  }

  private static int[] permute(int[] values, int[] permutation) {
    int[] out = new int[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = values[permutation[i]];
    }
    return out;
  }

  /** Restores the best weights and builds the exception that reports what happened and what was kept. */
  private NonFiniteLossException stop(Best best, String what, int epoch, int batch) {
    String kept;
    if (best.weights == null) {
      kept = "no epoch had finished, so no weights were kept"
          + (config.checkpoint() != null ? " and no checkpoint was written" : "");
    } else {
      best.restore(model);
      kept = String.format(Locale.ROOT, "the model holds the best weights (epoch %d, validation loss %.6g)",
          best.epoch, best.loss)
          + (config.checkpoint() != null ? ", also saved in " + config.checkpoint() : "");
    }
    return new NonFiniteLossException(what + "; training stopped; " + kept, epoch, batch);
  }

  /** The best validation loss so far and a copy of the weights that reached it. */
  private static final class Best {
    int epoch;
    double loss = Double.POSITIVE_INFINITY;
    Map<String, Tensor> weights;

    void keep(int newEpoch, double newLoss, Map<String, Tensor> parameters) {
      epoch = newEpoch;
      loss = newLoss;
      weights = NamedTensors.copy(parameters);
    }

    void restore(Module model) {
      if (weights != null) {
        NamedTensors.copyInto(weights, model.namedParameters());
      }
    }
  }
}
