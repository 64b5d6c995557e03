package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.train.EpochRecord;
import org.backmap.backmapping.train.ResidueTrainer;
import org.backmap.backmapping.train.TrainingListener;
import org.backmap.backmapping.train.TrainingOptions;
import org.backmap.backmapping.train.TrainingResult;
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

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
      description = "Epochs; more than a finished run had continue it (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--max-examples", paramLabel = "N", defaultValue = "0",
      description = "At most N training examples per epoch and N validation examples (default: all).")
  long maxExamples;

  @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "10",
      description = "Save the training state at least every M minutes, and at each epoch's end (default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--epochs", epochs, 1);
    if (maxExamples < 0) {
      throw new ParameterException(spec.commandLine(), "--max-examples must be at least 0, got " + maxExamples);
    }
    if (!(checkpointMinutes >= 0)) {
      throw new ParameterException(spec.commandLine(), "--checkpoint-minutes must be at least 0, got " + checkpointMinutes);
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
    TrainingOptions options = TrainingOptions.defaults().withPreset(p).withEpochs(epochs).withMaxExamples(maxExamples)
        .withSeed(runtime.seed).withCheckpointInterval(Duration.ofMillis(Math.round(checkpointMinutes * 60_000)));
    ResidueTrainer trainer = new ResidueTrainer(data, out, options);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> types = which.all ? trainer.data().types() : List.of(which.residue);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    // a signal sets the flag; the JVM waits while the trainer saves its state
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        done.await(30, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backmap-train-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      for (String type : types) {
        if (which.all) {
          String why = trainer.untrainable(type);
          if (why != null) {
            stdout.printf("%s: skipped, %s%n", type, why);
            continue;
          }
          if (trainer.finished(type)) {
            stdout.printf("%s: finished before, skipped%n", type);
            continue;
          }
        }
        ProgressLine line = new ProgressLine(err);
        TrainingResult r;
        try {
          r = trainer.train(type, line, stop::get);
        } finally {
          line.end();
        }
        stdout.printf(Locale.ROOT, "%s: %s, %d epochs, best validation NLL %.4f (epoch %d); model %s%n", type,
            switch (r.outcome()) {
              case FINISHED -> "trained";
              case STOPPED -> "stopped (state saved; run the same command to continue)";
              case ALREADY_FINISHED -> "finished before";
            }, r.epochsDone(), r.bestValidationNll(), r.bestEpoch(), out.resolve(type).resolve("model.json"));
        stdout.flush();
        if (r.outcome() == TrainingResult.Outcome.STOPPED) {
          return 130;
        }
      }
      return 0;
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the state is saved
      }
    }
  }

  /** Epoch, batch, loss, rate and time left on one line rewritten with {@code \r}; one line per finished epoch. */
  private static final class ProgressLine implements TrainingListener {
    private final PrintWriter err;
    private final TerminalLine line;
    private final long start = System.nanoTime();
    private long batchesHere;

    ProgressLine(PrintWriter err) {
      this.err = err;
      this.line = new TerminalLine(err);
    }

    @Override
    public void batchDone(String type, int epoch, int epochs, int batch, int batches, double loss) {
      batchesHere++;
      double seconds = (System.nanoTime() - start) / 1e9;
      long left = (long) (epochs - epoch) * batches + (batches - batch);
      line.show(String.format(Locale.ROOT, "%s epoch %d/%d  batch %d/%d  NLL %.3f  %.1f batches/s  ETA %s", type, epoch,
          epochs, batch, batches, loss, batchesHere / seconds, TerminalLine.clock(seconds / batchesHere * left)));
    }

    @Override
    public void epochDone(String type, int epochs, EpochRecord r) {
      end();
      err.printf(Locale.ROOT, "%s epoch %d/%d: train NLL %.4f, validation NLL %.4f%s, %.0f examples/s, %.1f s%n", type,
          r.epoch(), epochs, r.trainNll(), r.validationNll(), r.improved() ? " (best, saved)" : "",
          r.examplesPerSecond(), r.wallSeconds());
      err.flush();
    }

    void end() {
      line.end();
    }
  }
}
