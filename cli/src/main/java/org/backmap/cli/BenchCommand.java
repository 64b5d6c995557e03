package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.CgFrames;
import org.backmap.backmapping.decode.DecodeSpeed;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.cg.CgStructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap bench}: decoding speed of one structure at several batch sizes, and where the time goes. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure decoding speed: samples and residues per second of one structure at each batch size, after a warm-up, "
        + "with the time split into environments, attention encoder, flow sampling, atom placement, BAT + Jacobians, "
        + "flow log-densities and PDB writing.")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "CG PDB file or all-atom PDB/mmCIF file (mapped to CG first; its first model).")
  Path input;

  @Option(names = "--batches", paramLabel = "B", split = ",", defaultValue = "1,16,100",
      description = "Batch sizes, comma-separated (default: ${DEFAULT-VALUE}).")
  int[] batches;

  @Option(names = "--repeats", paramLabel = "R", defaultValue = "3", description = "Timed runs per batch size after one warm-up (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Mixin ModelsOption models;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write the measurements as JSON.")
  Path json;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--repeats", repeats, 1);
    for (int b : batches) {
      checks.atLeast("--batches", b, 1);
    }
    if (json != null) {
      OutputFolder.requireWritable(json);
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    ModelSet set = models.models();
    CgStructure cg;
    if (CgFrames.isCgFile(input)) {
      try (CgFrames frames = CgFrames.open(input, null, preparation.options())) {
        cg = frames.next();
      }
    } else {
      cg = ProteinInput.read(input, preparation, false, err).cg();
    }
    DecodeSpeed.Result r = DecodeSpeed.measure(cg, set, batches, repeats, runtime.threads(), runtime.seed);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %d residues, %d atoms, %d thread(s); seconds per batch (mean of %d after a warm-up)%n",
        input.getFileName(), r.residues(), r.atoms(), r.threads(), repeats);
    out.printf(Locale.ROOT, "%6s %9s %9s %10s %11s %9s | %7s %7s %7s %7s %7s %7s %7s%n", "batch", "mean s", "best s", "samples/s",
        "residues/s", "s/sample", "env", "encoder", "sample", "place", "bat", "logp", "write");
    for (DecodeSpeed.Measurement m : r.measurements()) {
      DecodeSpeed.Breakdown b = m.breakdown();
      out.printf(Locale.ROOT, "%6d %9.3f %9.3f %10.2f %11.1f %9.4f | %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", m.batch(), m.meanSeconds(),
          m.bestSeconds(), m.samplesPerSecond(), m.residuesPerSecond(), m.secondsPerSample(), b.environment(), b.encoder(), b.sample(),
          b.place(), b.bat(), b.score(), b.write());
    }
    if (json != null) {
      JsonReport.write(json, r);
      out.printf("report: %s%n", json);
    }
    return 0;
  }
}
