package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.backmap.autodiff.DType;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Exercises the numerical core end to end: fits an MLP to {@code f(x, y) = sin(x) cos(y)} on {@code [-2, 2]^2}
 * with Adam (90/10 split, best-validation weights, progress), saves a checkpoint, reloads it and checks that the
 * reloaded network reproduces the predictions bit for bit. Writes {@code model.json}/{@code model.*.bin} and
 * {@code report.json} into the output folder.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Train a small network on a smooth 2-D function, checkpoint it, reload it, and report.")
final class DemoCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  RuntimeOptions runtime;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "backmap-demo",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--epochs", defaultValue = "60", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--samples", defaultValue = "4000", description = "Training + validation samples (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--progress", defaultValue = "AUTO",
      description = "Progress display: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ProgressMode progress;

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--epochs", epochs, 1).atLeast("--samples", samples, 20);
    runtime.apply();
    PrintWriter out = spec.commandLine().getOut();
    Files.createDirectories(output);
    Rng rng = Rng.seeded(runtime.seed);
    TensorDataset.Batch all = sinCos(samples, rng.fork("data"));
    TensorDataset data = new TensorDataset(all.inputs(), all.targets());
    TensorDataset.Batch heldOut = sinCos(1000, rng.fork("held-out"));
    MlpConfig config = MlpConfig.of(2, List.of(64, 64), 1, Activation.TANH);
    Mlp model = new Mlp(config, rng.fork("init"));
    ObjectMapper json = new ObjectMapper();
    Path checkpoint = output.resolve("model.json");
    out.printf("backmap demo: %d-parameter MLP on sin(x)cos(y), %d samples, %d epochs, backend %s, %d threads%n",
        model.parameterCount(), samples, epochs, Backends.current().name(), Parallel.threads());
    out.flush();

    long start = System.nanoTime();
    Trainer<Mlp> trainer = new Trainer<>(model,
        new Adam(model.namedParameters(), Adam.Config.defaults().withLearningRate(3e-3)), rng.fork("trainer"),
        TrainerConfig.of(epochs).withProgress(progress).withCheckpoint(checkpoint, json.valueToTree(config)));
    TrainingResult result = trainer.fit(data, (m, b) -> Losses.meanSquaredError(m.forward(b.inputs()), b.targets()));
    double seconds = (System.nanoTime() - start) / 1e9;

    Mlp reloaded = new Mlp(config, Rng.seeded(0));
    ModelCheckpoints.load(checkpoint, reloaded);
    double heldOutMse;
    boolean identical;
    try (var _ = GradMode.noGrad()) {
      Tensor predicted = model.forward(heldOut.inputs());
      heldOutMse = Losses.meanSquaredError(predicted, heldOut.targets()).item();
      identical = java.util.Arrays.equals(predicted.floatData(), reloaded.forward(heldOut.inputs()).floatData());
    }

    ObjectNode report = json.createObjectNode();
    report.put("function", "sin(x) cos(y) on [-2, 2]^2");
    report.put("parameters", model.parameterCount());
    report.put("backend", Backends.current().name());
    report.put("threads", Parallel.threads());
    report.put("seed", runtime.seed);
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

    out.printf("best validation MSE %.3g (epoch %d), held-out MSE %.3g, %.1f s%n", result.bestValidationLoss(),
        result.bestEpoch(), heldOutMse, seconds);
    out.printf("checkpoint %s reloaded: predictions %s%n", checkpoint, identical ? "identical" : "DIFFER");
    out.printf("report: %s%n", reportFile);
    return identical ? 0 : 1;
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
