package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backmap.autodiff.backend.Backends;
import org.backmap.autodiff.backend.cpu.Parallel;
import org.backmap.nn.demo.SinCosFit;
import org.backmap.nn.train.ProgressMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap demo}: the numerical core end to end ({@link SinCosFit}). */
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
    out.printf("backmap demo: MLP on sin(x)cos(y), %d samples, %d epochs, backend %s, %d threads%n",
        samples, epochs, Backends.current().name(), Parallel.threads());
    out.flush();
    SinCosFit.Report r = SinCosFit.run(new SinCosFit.Settings(epochs, samples, runtime.seed, progress), output);
    out.printf("%d parameters; best validation MSE %.3g (epoch %d), held-out MSE %.3g, %.1f s%n", r.parameters(),
        r.bestValidationMse(), r.bestEpoch(), r.heldOutMse(), r.trainingSeconds());
    out.printf("checkpoint %s reloaded: predictions %s%n", r.checkpoint(), r.reloadedPredictionsIdentical() ? "identical" : "DIFFER");
    out.printf("report: %s%n", r.report());
    return r.reloadedPredictionsIdentical() ? 0 : 1;
  }
}
