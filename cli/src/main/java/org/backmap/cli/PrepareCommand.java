package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backmap.base.concurrent.Threads;
import org.backmap.md.prepare.FileStatus;
import org.backmap.md.prepare.InputFiles;
import org.backmap.md.prepare.PrepareJob;
import org.backmap.md.prepare.PrepareProgress;
import org.backmap.md.prepare.PrepareReport;
import org.backmap.md.prepare.PrepareSettings;
import org.backmap.md.prepare.PrepareTotals;
import org.backmap.md.prepare.PreparedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backmap prepare}: training-ready structures from many files (repair, protonation, vacuum minimisation),
 * resumable. SIGINT or SIGTERM lets the files in flight finish and writes the report; rerunning continues.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
    description = {"Prepare structures for training: repair, protonate and minimise each input (AMBER14SB in vacuum, nonbonded cutoff).",
        "Writes one prepared file per input in OUTDIR, a resumable manifest, and prepare-report.json / .md."})
final class PrepareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "DIR_OR_FILE",
      description = "Structure files, and folders whose *.pdb, *.pdb.gz, *.cif, *.cif.gz and *.ent.gz files are taken.")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTDIR", description = "Output folder (created if missing).")
  Path output;

  @Option(names = "--threads", paramLabel = "N", description = "Files prepared at a time, each on one thread; default: -Dbackmap.threads, else all cores.")
  Integer threads;

  @Option(names = "--no-minimize", description = "Repair and protonate only.")
  boolean noMinimize;

  @Option(names = "--ph", defaultValue = "7.0", description = "pH of protonation (default: ${DEFAULT-VALUE}).")
  double ph;

  @Option(names = "--max-iterations", defaultValue = "1000", description = "L-BFGS iteration limit (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--cutoff", defaultValue = "1.0", paramLabel = "NM",
      description = "Nonbonded cutoff of the vacuum energy in nm (default: ${DEFAULT-VALUE}).")
  double cutoff;

  @Override
  public Integer call() {
    new OptionChecks(spec).between("--ph", ph, 0, 14).atLeast("--max-iterations", maxIterations, 1).positive("--cutoff", cutoff);
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
    }
    List<Path> files;
    try {
      files = InputFiles.expand(inputs);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "-i: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "-i: no structure files (" + String.join(", ", InputFiles.SUFFIXES) + ") in " + inputs);
    }
    PrepareSettings settings = PrepareSettings.defaults().withPh(ph).withMinimize(!noMinimize).withMaxIterations(maxIterations).withCutoffNm(cutoff);
    int n = threads != null ? threads : Threads.defaultCount();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    // SIGINT/SIGTERM start the JVM's shutdown; holding it until the files in flight are written keeps them
    Thread stopOnSignal = new Thread(() -> {
      stop.set(true);
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backmap-prepare-stop");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    ProgressBar bar = new ProgressBar(err);
    try {
      PrepareReport report;
      try {
        report = new PrepareJob(output, settings, n).run(files, bar, stop::get);
      } finally {
        bar.end();
      }
      PrepareTotals t = report.totals();
      out.printf(Locale.ROOT, "%d files: %d prepared, %d skipped%s (%d from earlier runs); %d residues; %.1f s%s%n",
          t.files(), t.prepared(), t.skipped(), report.skippedByKind().isEmpty() ? "" : " " + report.skippedByKind(), t.resumed(), t.residues(),
          t.wallSeconds(), t.residues() == 0 ? "" : String.format(Locale.ROOT, " (%.4f s per residue per thread)", t.secondsPerResidue()));
      out.printf(Locale.ROOT, "histidines: %s; report: %s%n", report.histidines(), output.resolve(PrepareReport.MARKDOWN_FILE));
      out.flush();
      if (report.stopped()) {
        err.printf(Locale.ROOT, "stopped after %d of %d files; rerun the same command to continue%n", t.finished(), t.files());
        err.flush();
        return 130;
      }
      return 0;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnSignal);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting on a signal: the hook has done its job
      }
    }
  }

  /** The progress bar on one terminal line, rewritten with {@code \r}; a skipped file gets a line of its own above it. */
  private static final class ProgressBar implements PrepareProgress {
    private final TerminalLine line;

    ProgressBar(PrintWriter err) {
      this.line = new TerminalLine(err);
    }

    @Override
    public void fileDone(PreparedFile file, int done, int total, double elapsedSeconds, double etaSeconds) {
      if (file.status() == FileStatus.SKIPPED) {
        line.above("skipped " + file.input() + ": " + file.reason());
      }
      line.show(String.format(Locale.ROOT, "%s %d/%d files  %s elapsed  ETA %s", TerminalLine.bar((double) done / total), done, total,
          TerminalLine.clock(elapsedSeconds), TerminalLine.clock(etaSeconds)));
    }

    void end() {
      line.end();
    }
  }
}
