package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.metrics.MetricsOptions;
import org.backmap.backmapping.metrics.MetricsReport;
import org.backmap.backmapping.metrics.StructureMetrics;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.structure.ModelReader;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap metrics}: bond, clash and diversity scores of generated structures against their reference. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Score generated all-atom structures against their reference as Jones et al. (DiAMoNDBack) do, over "
        + "all atoms and over heavy atoms: bond score (fraction of bonds within 10 %% of the reference's length), clash "
        + "score (fraction of residues with a side-chain atom closer than 1.2 A to another residue), diversity score "
        + "(1 - mean pairwise RMSD / mean RMSD to the reference, no superposition; mean +/- std over bootstrap resamples).")
final class MetricsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "DECODED",
      description = "Generated structures: a multi-model PDB or mmCIF file (.gz allowed), e.g. as 'backmap decode' writes it.")
  Path input;

  @Option(names = "--ref", required = true, paramLabel = "REFERENCE",
      description = "Reference structure with the same atoms, e.g. as 'backmap prepare' writes it (PDB or mmCIF, .gz allowed; its first model).")
  Path reference;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write the figures and the settings as JSON.")
  Path json;

  @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "100",
      description = "Resamples of the generated set for the diversity score (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the resamples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--bootstrap", bootstrap, 1);
    if (json != null) {
      OutputFolder.requireWritable(json);
    }
    PrintWriter out = spec.commandLine().getOut();
    Structure ref = StructureReader.read(reference);
    ref.notes().forEach(note -> spec.commandLine().getErr().printf("%s: note: %s%n", reference.getFileName(), note));
    MetricsReport r;
    try (ModelReader models = StructureReader.models(input)) {
      r = StructureMetrics.compute(models, ref, MetricsOptions.defaults().withBootstrap(bootstrap).withSeed(seed));
    }
    if (json != null) {
      JsonReport.write(json, r);
    }
    out.printf(Locale.ROOT, "%s: %d structures of %d residues against %s%n", input.getFileName(), r.structures(), r.residues(), r.reference());
    out.printf(Locale.ROOT, "%-12s %7s %7s %11s %12s   %s%n", "", "atoms", "bonds", "bond score", "clash score",
        "diversity (" + bootstrap + " resamples)");
    row(out, "all atoms", r.allAtoms());
    row(out, "heavy atoms", r.heavyAtoms());
    if (json != null) {
      out.println("report: " + json);
    }
    out.flush();
    return 0;
  }

  private static void row(PrintWriter out, String name, MetricsReport.Scores s) {
    out.printf(Locale.ROOT, "%-12s %7d %7d %9.2f %% %10.2f %%   %.3f +/- %.3f%n", name, s.atoms(), s.bonds(), 100 * s.bondScore(),
        100 * s.clashScore(), s.diversityMean(), s.diversityStd());
  }
}
