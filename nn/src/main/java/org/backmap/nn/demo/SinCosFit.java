package org.backmap.nn.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.autodiff.backend.Backends;
import org.backmap.autodiff.backend.cpu.Parallel;
import org.backmap.base.io.AtomicOutput;
import org.backmap.nn.Activation;
import org.backmap.nn.Losses;
import org.backmap.nn.Mlp;
import org.backmap.nn.MlpConfig;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.ModelCheckpoints;
import org.backmap.nn.optim.Adam;
import org.backmap.nn.train.EpochResult;
import org.backmap.nn.train.ProgressMode;
import org.backmap.nn.train.TensorDataset;
import org.backmap.nn.train.Trainer;
import org.backmap.nn.train.TrainerConfig;
import org.backmap.nn.train.TrainingResult;

/**
 * Fits an MLP (2 -> 64 -> 64 -> 1, tanh) to {@code f(x, y) = sin(x) cos(y)} on {@code [-2, 2]^2} with Adam (90/10
 * split, best-validation weights, progress), saves a checkpoint, reloads it and checks that the reloaded network
 * reproduces the predictions bit for bit. Writes {@code model.json}/{@code model.*.bin} and {@code report.json}
 * into the output folder.
 */
public final class SinCosFit {
  private SinCosFit() {}

  /**
   * What to fit.
   *
   * @param epochs training epochs, at least 1
   * @param samples training + validation samples, at least 20
   * @param seed random seed of data, initialisation and batches
   * @param progress progress display
   */
  public record Settings(int epochs, int samples, long seed, ProgressMode progress) {
    public Settings {
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (samples < 20) {
        throw new IllegalArgumentException("samples must be at least 20, got " + samples);
      }
    }
  }

  /**
   * What the fit gave.
   *
   * @param parameters trainable parameters of the network
   * @param trainingSeconds wall-clock time of training
   * @param bestEpoch epoch of the best validation loss
   * @param bestValidationMse best validation mean squared error
   * @param heldOutMse mean squared error on 1,000 fresh points
   * @param reloadedPredictionsIdentical whether the reloaded checkpoint predicts bit for bit the same
   * @param checkpoint the checkpoint manifest
   * @param report the JSON report
   */
  public record Report(long parameters, double trainingSeconds, int bestEpoch, double bestValidationMse, double heldOutMse,
      boolean reloadedPredictionsIdentical, Path checkpoint, Path report) {}

  /** Runs the fit and writes its files into {@code output} (created if needed). */
  public static Report run(Settings settings, Path output) throws IOException {
    Files.createDirectories(output);
    Rng rng = Rng.seeded(settings.seed());
    TensorDataset.Batch all = sinCos(settings.samples(), rng.fork("data"));
    TensorDataset data = new TensorDataset(all.inputs(), all.targets());
    TensorDataset.Batch heldOut = sinCos(1000, rng.fork("held-out"));
    MlpConfig config = MlpConfig.of(2, List.of(64, 64), 1, Activation.TANH);
    Mlp model = new Mlp(config, rng.fork("init"));
    ObjectMapper json = new ObjectMapper();
    Path checkpoint = output.resolve("model.json");

    long start = System.nanoTime();
    Trainer<Mlp> trainer = new Trainer<>(model,
        new Adam(model.namedParameters(), Adam.Config.defaults().withLearningRate(3e-3)), rng.fork("trainer"),
        TrainerConfig.of(settings.epochs()).withProgress(settings.progress()).withCheckpoint(checkpoint, json.valueToTree(config)));
    TrainingResult result = trainer.fit(data, (m, b) -> Losses.meanSquaredError(m.forward(b.inputs()), b.targets()));
    double seconds = (System.nanoTime() - start) / 1e9;

    Mlp reloaded = new Mlp(config, Rng.seeded(0));
    ModelCheckpoints.load(checkpoint, reloaded);
    double heldOutMse;
    boolean identical;
    try (var _ = GradMode.noGrad()) {
      Tensor predicted = model.forward(heldOut.inputs());
      heldOutMse = Losses.meanSquaredError(predicted, heldOut.targets()).item();
      identical = Arrays.equals(predicted.floatData(), reloaded.forward(heldOut.inputs()).floatData());
    }

    ObjectNode report = json.createObjectNode();
    report.put("function", "sin(x) cos(y) on [-2, 2]^2");
    report.put("parameters", model.parameterCount());
    report.put("backend", Backends.current().name());
    report.put("threads", Parallel.threads());
    report.put("seed", settings.seed());
    report.put("trainingSeconds", seconds);
    report.put("bestEpoch", result.bestEpoch());
    report.put("bestValidationMse", result.bestValidationLoss());
    report.put("heldOutMse", heldOutMse);
    report.put("checkpoint", checkpoint.toString());
    report.put("reloadedPredictionsIdentical", identical);
    ArrayNode history = report.putArray("history");
    for (EpochResult e : result.history()) {
      history.addObject().put("epoch", e.epoch()).put("trainMse", e.trainLoss()).put("validationMse", e.validationLoss());
    }
    Path reportFile = output.resolve("report.json");
    try (AtomicOutput file = new AtomicOutput(reportFile)) {
      file.channel().write(ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report)));
      file.commit();
    }
    return new Report(model.parameterCount(), seconds, result.bestEpoch(), result.bestValidationLoss(), heldOutMse, identical,
        checkpoint, reportFile);
  }

  /** Uniform points on {@code [-2, 2]^2} with targets {@code sin(x) cos(y)}. */
  static TensorDataset.Batch sinCos(int n, Rng rng) {
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double a = -2 + 4 * rng.nextDouble();
      double b = -2 + 4 * rng.nextDouble();
      x[2 * i] = (float) a;
      x[2 * i + 1] = (float) b;
      y[i] = (float) (Math.sin(a) * Math.cos(b));
    }
    return new TensorDataset.Batch(Tensor.wrap(x, n, 2), Tensor.wrap(y, n, 1));
  }
}
