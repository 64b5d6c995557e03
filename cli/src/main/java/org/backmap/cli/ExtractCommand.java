package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.base.concurrent.Threads;
import org.backmap.md.dataset.DatasetBuilder;
import org.backmap.md.dataset.DatasetReport;
import org.backmap.md.dataset.ExtractionOptions;
import org.backmap.md.dataset.ExtractionProgress;
import org.backmap.md.dataset.StructureExamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap extract}: a folder of prepared structures to per-residue-type training example streams. */
@Command(name = "extract", mixinStandardHelpOptions = true,
    description = "Extract training examples from a folder of prepared (hydrogen-complete) structures: one stream per "
        + "residue type, split by structure into train and validation, with dataset-report.md.")
final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "PREPARED_DIR",
      description = "Folder of prepared PDB/mmCIF files (.gz allowed); sub-folders are not read.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DATASET_DIR",
      description = "Dataset folder to write: new, empty, or an earlier dataset (replaced).")
  Path output;

  @Option(names = "--split-every", paramLabel = "N", defaultValue = "10",
      description = "Every N-th structure of the seeded order goes to validation (default: ${DEFAULT-VALUE}; at least 2).")
  int splitEvery;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of the split and of the decoded subsets (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "N",
      description = "Structures extracted at once; the output does not depend on it (default: -Dbackmap.threads, else all cores).")
  Integer threads;

  @Override
  public Integer call() {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--split-every", splitEvery, 2);
    if (threads != null) {
      checks.atLeast("--threads", threads, 1);
    }
    ExtractionOptions options = ExtractionOptions.defaults().withSplitEvery(splitEvery).withSeed(seed)
        .withThreads(threads != null ? threads : Threads.defaultCount());
    PrintWriter err = spec.commandLine().getErr();
    ProgressLine line = new ProgressLine(err);
    DatasetReport report;
    try {
      report = DatasetBuilder.build(input, output, options, line);
    } finally {
      line.end();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%d structures (%d train, %d validation), %d skipped; %d examples of %d residue types, %.1f MB, in %.1f s; wrote %s%n",
        report.trainStructures() + report.validationStructures(), report.trainStructures(), report.validationStructures(),
        report.skipped().size(), report.examples(), report.rows().size(), report.bytes() / 1e6, report.seconds(), output);
    for (var s : report.skipped()) {
      out.printf("  skipped %s: %s%n", s.file(), s.reason());
    }
    out.flush();
    return 0;
  }

  /** Files done, examples, rate and time left, on one line rewritten with {@code \r}; {@link #end()} moves past it. */
  private static final class ProgressLine implements ExtractionProgress {
    private final TerminalLine line;
    private final long start = System.nanoTime();

    ProgressLine(PrintWriter err) {
      this.line = new TerminalLine(err);
    }

    @Override
    public void fileDone(int done, int total, long examples, StructureExamples file) {
      double seconds = (System.nanoTime() - start) / 1e9;
      double left = seconds / done * (total - done);
      line.show(String.format(Locale.ROOT, "%s %d/%d structures  %d examples  %.0f examples/s  ETA %s", TerminalLine.bar((double) done / total),
          done, total, examples, examples / Math.max(seconds, 1e-9), TerminalLine.clock(left)));
    }

    void end() {
      line.end();
    }
  }
}
