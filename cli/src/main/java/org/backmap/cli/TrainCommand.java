package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.backmapping.model.Preset;
import org.backmap.autodiff.backend.cpu.Parallel;
import org.backmap.backmapping.train.EpochRecord;
import org.backmap.backmapping.train.EpochSchedule;
import org.backmap.backmapping.train.ResidueTrainer;
import org.backmap.backmapping.train.TrainingListener;
import org.backmap.backmapping.train.TrainingOptions;
import org.backmap.backmapping.train.TrainingResult;
import org.backmap.nn.checkpoint.CheckpointException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap train}: trains residue models from a dataset folder, resumably. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the model of one residue type (or of every type with data) on a dataset folder written by "
        + "'backmap extract'. The best-validation model is MODELS_DIR/TYPE/model.json. Running the same command "
        + "again continues an interrupted run; Ctrl-C saves the state before stopping.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @Option(names = "--residue", paramLabel = "TYPE", description = "Residue type, e.g. LEU, HIE, GLY, Nterm.")
    String residue;

    @Option(names = "--all", description = "Every type with data, in turn; finished ones are skipped.")
    boolean all;
  }

  @Option(names = "--data", required = true, paramLabel = "DATASET_DIR", description = "Dataset folder.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "MODELS_DIR", description = "Models folder (created).")
  Path out;

  @Option(names = "--preset", paramLabel = "NAME", defaultValue = "default",
      description = "Architecture: default (cheap) or reference (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--epochs", paramLabel = "N",
      description = "Epochs of every type; more than a finished run had continue it (default: each type's epochs "
          + "from the reference's schedule, capped by --budget-examples and --max-epochs).")
  Integer epochs;

  @Option(names = "--max-examples", paramLabel = "N", defaultValue = "8000",
      description = "At most N training examples per epoch (from a position in the stream drawn per epoch) and N "
          + "validation examples; 0: all (default: ${DEFAULT-VALUE}).")
  long maxExamples;

  @Option(names = "--budget-examples", paramLabel = "N", defaultValue = "160000",
      description = "Scheduled epochs stop once a type has seen N training examples (default: ${DEFAULT-VALUE}).")
  long budgetExamples;

  @Option(names = "--max-epochs", paramLabel = "N", defaultValue = "300",
      description = "Scheduled epochs of one type at most (default: ${DEFAULT-VALUE}).")
  int maxEpochs;

  @Option(names = "--jobs", paramLabel = "J", defaultValue = "1",
      description = "Types trained at once with --all; the threads are shared among them (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "10",
      description = "Save the training state at least every M minutes, and at each epoch's end (default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Option(names = "--init", paramLabel = "MODELS_DIR",
      description = "Start each new run from this folder's model of the type ('shipped': the models shipped with "
          + "backmap) instead of random weights, and fine-tune it; the starting weights stay the model until an "
          + "epoch beats their validation NLL.")
  String init;

  @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "1e-3",
      description = "Adam's learning rate (default: ${DEFAULT-VALUE}, TensorFlow's; lower suits fine-tuning).")
  double learningRate;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    if (epochs != null) {
      checks.atLeast("--epochs", epochs, 1);
    }
    checks.atLeast("--budget-examples", budgetExamples, 1);
    checks.atLeast("--max-epochs", maxEpochs, 1);
    checks.atLeast("--jobs", jobs, 1);
    if (maxExamples < 0) {
      throw new ParameterException(spec.commandLine(), "--max-examples must be at least 0, got " + maxExamples);
    }
    if (!(checkpointMinutes >= 0)) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-minutes must be at least 0, got " + checkpointMinutes);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new ParameterException(spec.commandLine(), "--learning-rate must be a positive number, got " + learningRate);
    }
    Path initial = null;
    if (init != null) {
      try {
        initial = "shipped".equals(init) ? ModelSet.shipped().dir() : Path.of(init);
      } catch (CheckpointException e) {
        throw new ParameterException(spec.commandLine(), "--init: " + e.getMessage());
      }
      if (!Files.isDirectory(initial)) {
        throw new ParameterException(spec.commandLine(), "--init: " + init + " is not a models folder");
      }
    }
    Preset p;
    try {
      p = Preset.of(preset);
      if (which.residue != null) {
        BatLayout.of(which.residue);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    runtime.apply();
    int parallel = which.all ? jobs : 1;
    Parallel.setThreads(Math.max(1, runtime.threads() / parallel));
    TrainingOptions options = TrainingOptions.defaults().withPreset(p).withEpochs(epochs == null ? 0 : epochs)
        .withMaxExamples(maxExamples).withSchedule(new EpochSchedule(budgetExamples, maxEpochs)).withSeed(runtime.seed)
        .withCheckpointInterval(Duration.ofMillis(Math.round(checkpointMinutes * 60_000)))
        .withLearningRate(learningRate).withInitialModels(initial);
    ResidueTrainer trainer = new ResidueTrainer(data, out, options);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    // a signal sets the flag; the JVM waits while the trainers save their state
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        done.await(30, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backmap-train-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    ProgressLine line = new ProgressLine(err);
    try {
      List<TrainingResult> results;
      try {
        if (which.all) {
          results = trainer.trainAll(trainer.data().types(), parallel, line, stop::get,
              (type, why) -> {
                stdout.println(type + ": skipped, " + why);
                stdout.flush();
              });
        } else {
          results = List.of(trainer.train(which.residue, line, stop::get));
        }
      } finally {
        line.end();
      }
      boolean stopped = false;
      for (TrainingResult r : results) {
        stdout.printf(Locale.ROOT, "%s: %s, %d epochs, best validation NLL %.4f (epoch %d); model %s%n", r.type(),
            switch (r.outcome()) {
              case FINISHED -> "trained";
              case STOPPED -> "stopped (state saved; run the same command to continue)";
              case ALREADY_FINISHED -> "finished before";
            }, r.epochsDone(), r.bestValidationNll(), r.bestEpoch(), out.resolve(r.type()).resolve("model.json"));
        stopped |= r.outcome() == TrainingResult.Outcome.STOPPED;
      }
      stdout.flush();
      return stopped || stop.get() ? 130 : 0;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the state is saved
      }
    }
  }

  /**
   * One status line for the types in training (several with {@code --jobs}): per type epoch, batch, loss, rate
   * and time left; one line per finished epoch above it. Called from the training threads.
   */
  private static final class ProgressLine implements TrainingListener {
    private final PrintWriter err;
    private final TerminalLine line;
    private final Map<String, long[]> started = new LinkedHashMap<>();
    private final Map<String, String> status = new LinkedHashMap<>();

    ProgressLine(PrintWriter err) {
      this.err = err;
      this.line = new TerminalLine(err);
    }

    @Override
    public synchronized void batchDone(String type, int epoch, int epochs, int batch, int batches, double loss) {
      long[] t = started.computeIfAbsent(type, k -> new long[] {System.nanoTime(), 0});
      t[1]++;
      double seconds = (System.nanoTime() - t[0]) / 1e9;
      long left = (long) (epochs - epoch) * batches + (batches - batch);
      status.put(type, String.format(Locale.ROOT, "%s epoch %d/%d batch %d/%d NLL %.3f %.1f b/s ETA %s", type, epoch,
          epochs, batch, batches, loss, t[1] / seconds, TerminalLine.clock(seconds / t[1] * left)));
      line.show(String.join("  |  ", status.values()));
    }

    @Override
    public synchronized void epochDone(String type, int epochs, EpochRecord r) {
      line.above(String.format(Locale.ROOT, "%s epoch %d/%d: train NLL %.4f, validation NLL %.4f%s, %.0f examples/s, %.1f s",
          type, r.epoch(), epochs, r.trainNll(), r.validationNll(), r.improved() ? " (best, saved)" : "",
          r.examplesPerSecond(), r.wallSeconds()));
      if (r.epoch() == epochs) {
        status.remove(type);
        started.remove(type);
      }
    }

    synchronized void above(String text) {
      line.above(text);
    }

    synchronized void end() {
      line.end();
    }
  }
}
