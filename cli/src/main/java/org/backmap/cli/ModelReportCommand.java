package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.report.ModelReport;
import org.backmap.backmapping.report.ReportOptions;
import org.backmap.backmapping.report.ReportProgress;
import org.backmap.backmapping.report.TypeEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap model-report}: evaluates every trained residue model on the validation examples. */
@Command(name = "model-report", mixinStandardHelpOptions = true,
    description = "Evaluate every model of MODELS_DIR on the validation examples of DATASET_DIR: NLL per example and "
        + "per degree of freedom, Jensen-Shannon divergences of the chi torsions, the Laplace scale of the generated "
        + "bead's deviation (also stored in each model file), plots. Writes REPORT_DIR/model-report.json, "
        + "model-report.md and plots/, and MODELS_DIR/manifest.json.")
final class ModelReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--models", required = true, paramLabel = "MODELS_DIR", description = "Models folder ('backmap train --out').")
  Path models;

  @Option(names = "--data", required = true, paramLabel = "DATASET_DIR", description = "Dataset folder ('backmap extract -o').")
  Path data;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "REPORT_DIR", description = "Report folder (created).")
  Path out;

  @Option(names = "--max-examples", paramLabel = "N", defaultValue = "0",
      description = "At most the first N validation examples per type; 0: all (default: ${DEFAULT-VALUE}).")
  long maxExamples;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "Samples in each of the 5 chosen environments of the chi1 plot (default: ${DEFAULT-VALUE}).")
  int samples;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--max-examples", maxExamples, 0).atLeast("--samples", samples, 1);
    runtime.apply();
    ReportOptions options = ReportOptions.defaults().withMaxExamples(maxExamples).withSamples(samples)
        .withSeed(runtime.seed);
    PrintWriter stdout = spec.commandLine().getOut();
    Progress progress = new Progress(spec.commandLine().getErr());
    ModelReport.Result r;
    try {
      r = ModelReport.run(models, data, out, options, progress);
    } finally {
      progress.line.end();
    }
    for (var s : r.skipped()) {
      stdout.println(s.type() + ": skipped, " + s.reason());
    }
    for (TypeEvaluation t : r.types()) {
      stdout.printf(Locale.ROOT, "%s: %d examples, NLL %.3f per example, %.4f per degree of freedom%s%s%n", t.type(),
          t.examples(), t.nllPerExample(), t.nllPerDof(),
          t.chis().isEmpty() ? "" : ", JS " + String.join(" ", t.chis().stream()
              .map(c -> String.format(Locale.ROOT, "%s %.4f", c.name(), c.jsDivergence())).toList()),
          t.bead() == null ? "" : String.format(Locale.ROOT, ", bead Laplace scale %.3f A", t.bead().scale()));
    }
    if (r.worstChi12() != null) {
      var w = r.worstChi12();
      stdout.printf(Locale.ROOT, "largest JS divergence of chi1/chi2: %.4f (%s %s), target <= %.2f %s%n",
          w.jsDivergence(), w.type(), w.chi(), w.target(), w.withinTarget() ? "met" : "not met");
      var v = r.worstChi12Resolved();
      stdout.println(v == null ? "no chi1/chi2 has enough examples to resolve the target"
          : String.format(Locale.ROOT, "largest among chis with enough examples to resolve it: %.4f (%s %s), %s",
              v.jsDivergence(), v.type(), v.chi(), v.withinTarget() ? "met" : "not met"));
    }
    stdout.println("report: " + out.resolve(ModelReport.MARKDOWN_FILE) + ", " + out.resolve(ModelReport.JSON_FILE)
        + "; models manifest: " + r.modelsManifest());
    stdout.flush();
    return 0;
  }

  /** The status line: type, its place among the types, examples done, rate and time left. */
  private static final class Progress implements ReportProgress {
    private final TerminalLine line;
    private String prefix = "";
    private long started;

    Progress(PrintWriter err) {
      this.line = new TerminalLine(err);
    }

    @Override
    public void typeStarted(String type, int index, int types, long examples) {
      prefix = String.format(Locale.ROOT, "%s (%d/%d)", type, index, types);
      started = System.nanoTime();
      line.show(prefix + " 0/" + examples + " examples");
    }

    @Override
    public void examplesDone(String type, long done, long total) {
      double seconds = (System.nanoTime() - started) / 1e9;
      line.show(String.format(Locale.ROOT, "%s %s %d/%d examples %.0f/s ETA %s", prefix, TerminalLine.bar(
          (double) done / total), done, total, done / seconds, TerminalLine.clock(seconds / done * (total - done))));
    }

    @Override
    public void environmentsStarted(String type, int environments, int samples) {
      line.show(String.format(Locale.ROOT, "%s sampling %,d in each of %d environments", prefix, samples, environments));
    }

    @Override
    public void typeDone(TypeEvaluation t) {
      line.above(String.format(Locale.ROOT, "%s: %d examples, NLL %.3f, %.1f s", t.type(), t.examples(),
          t.nllPerExample(), t.seconds()));
    }
  }
}
