package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backmap.backmapping.reweight.ReweightingStudy;
import org.backmap.md.cg.CgStructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap reweight-study}: generated and reweighted samples against a reference simulation. */
@Command(name = "reweight-study", mixinStandardHelpOptions = true,
    description = "Compare runs of 'backmap reweight' with a reference all-atom simulation: effective sample size, chi1/chi2 "
        + "histograms and their Jensen-Shannon divergence before and after reweighting, energies by term, free-energy surfaces over "
        + "end-to-end CA distance and CA RMSD to the folded structure, and the -U/kT diagnostic. Writes DIR/study.json and PNG figures.")
final class ReweightStudyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--md", required = true, paramLabel = "DCD", description = "Reference trajectory.")
  Path md;

  @Option(names = "--topology", required = true, paramLabel = "PDB", description = "All-atom structure of the trajectory's atoms, in its order.")
  Path topology;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Reference frames to leave out at the start (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(names = "--stride", paramLabel = "K", defaultValue = "1", description = "Use every K-th reference frame (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(names = "--folded", required = true, paramLabel = "PDB", description = "Folded structure for the CA RMSD (as given to reweight --reference).")
  Path folded;

  @Option(names = "--run", required = true, paramLabel = "NAME=CSV", description = "A run of 'backmap reweight' and its label; repeatable.")
  Map<String, Path> runs = new LinkedHashMap<>();

  @Option(names = "--temperature", paramLabel = "K", defaultValue = "300", description = "Temperature of the weights (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder of study.json and the figures (created).")
  Path out;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  /** study.json. */
  record Study(String md, int frames, double maxEnergy, double temperature, List<ReweightingStudy.Run> runs) {}

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--skip", skip, 0).atLeast("--stride", stride, 1);
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new ParameterException(spec.commandLine(), "--temperature must be positive and finite, got " + temperature);
    }
    for (var e : runs.entrySet()) {
      if (!e.getKey().matches("[A-Za-z0-9._-]+")) {
        throw new ParameterException(spec.commandLine(), "--run name " + e.getKey() + ": letters, digits, '.', '_' and '-' only (it names files)");
      }
      if (!Files.isRegularFile(e.getValue())) {
        throw new ParameterException(spec.commandLine(), "--run " + e.getKey() + ": no file " + e.getValue());
      }
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    Files.createDirectories(out);
    CgStructure ref = ProteinInput.read(folded, preparation, false, err).cg();
    long t0 = System.nanoTime();
    ReweightingStudy.Reference reference = ReweightingStudy.reference(md, topology, skip, stride, ref, runtime.threads());
    err.printf(Locale.ROOT, "reference: %d frames, largest energy %.1f kJ/mol (%.1f s)%n", reference.frames(), reference.maxEnergy(),
        (System.nanoTime() - t0) / 1e9);
    List<ReweightingStudy.Run> results = new ArrayList<>();
    PrintWriter stdout = spec.commandLine().getOut();
    for (var e : runs.entrySet()) {
      ReweightingStudy.Run r = ReweightingStudy.analyse(e.getKey(), e.getValue(), reference, temperature, out);
      results.add(r);
      stdout.printf(Locale.ROOT, "%s: %d samples, Kish ESS %.3g (%.3g of N), %.1f %% below the reference's largest energy; JS raw -> reweighted: %s%n",
          r.name(), r.samples(), r.kishEss(), r.essFraction(), 100 * r.belowReferenceMaxEnergy(), String.join(", ", r.chis().stream()
              .map(c -> String.format(Locale.ROOT, "%s %.3f -> %.3f", c.chi(), c.raw(), c.reweighted())).toList()));
    }
    JsonReport.write(out.resolve("study.json"), new Study(md.toString(), reference.frames(), reference.maxEnergy(), temperature, results));
    stdout.println("study: " + out.resolve("study.json"));
    return 0;
  }
}
