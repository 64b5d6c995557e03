package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.backmapping.reweight.ReweightingStudy;
import org.backmap.backmapping.reweight.SideChainTorsions;
import org.backmap.backmapping.reweight.SingleResidueStudy;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.templates.TemplateLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap reweight-residues}: the single-residue reweighting study. */
@Command(name = "reweight-residues", mixinStandardHelpOptions = true,
    description = "For each residue with a side-chain model (or those of --residues), hold every other atom of the structure fixed, decode "
        + "that side chain N times and weigh each sample by exp(-U/kT) / P2(r_i | R, rest); print and write (JSON) the effective sample size "
        + "per residue; with --md, also each side chain's chi1/chi2 against a simulation of the structure (e.g. with its CG atoms restrained), "
        + "raw and reweighted.")
final class ReweightResiduesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "PDB", description = "All-atom structure, e.g. a minimised one.")
  Path input;

  @Option(names = {"-n", "--samples"}, paramLabel = "N", defaultValue = "100000", description = "Side chains per residue (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "1000", description = "Side chains decoded together (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--residues", split = ",", paramLabel = "NUMBER", description = "Residue numbers to study (default: all with a side-chain model).")
  List<Integer> residues;

  @Option(names = "--temperature", paramLabel = "K", defaultValue = "300", description = "Temperature (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--md", paramLabel = "DCD", description = "Simulation of the structure to compare the side chains' torsions with.")
  Path md;

  @Option(names = "--topology", paramLabel = "PDB", description = "With --md: all-atom structure of the trajectory's atoms, in its order.")
  Path topology;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "With --md: frames to leave out at the start (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(names = "--figure", paramLabel = "PNG", description = "With --md: the torsion histograms (simulation, generated, reweighted).")
  Path figure;

  @Mixin ModelsOption models;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "JSON", description = "Results per residue.")
  Path output;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  /** The JSON written. */
  record Report(String structure, double temperature, String md, Integer mdFrames, List<SingleResidueStudy.Result> residues) {}

  @Override
  public Integer call() throws IOException {
    new OptionChecks(spec).atLeast("--samples", samples, 1).atLeast("--batch", batch, 1).atLeast("--skip", skip, 0);
    if ((md == null) != (topology == null)) {
      throw new ParameterException(spec.commandLine(), "--md and --topology go together");
    }
    if (figure != null && md == null) {
      throw new ParameterException(spec.commandLine(), "--figure needs --md");
    }
    if (samples > Integer.MAX_VALUE) {
      throw new ParameterException(spec.commandLine(), "--samples must be at most " + Integer.MAX_VALUE + ", got " + samples);
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new ParameterException(spec.commandLine(), "--temperature must be positive and finite, got " + temperature);
    }
    OutputFolder.requireWritable(output);
    if (figure != null) {
      OutputFolder.requireWritable(figure);
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    PreparedProtein p = ProteinInput.read(input, preparation, false, err);
    ProteinLayout layout = new ProteinLayout(p.cg(), TemplateLibrary.ff14SB());
    double[] xyz = layout.coordinatesOf(p.structure());
    List<Integer> indices = null;
    if (residues != null) {
      indices = new ArrayList<>();
      for (int number : residues) {
        int found = -1;
        for (int i = 0; i < layout.residues(); i++) {
          if (layout.cg().residues().get(i).number() == number) {
            found = i;
          }
        }
        if (found < 0) {
          throw new ParameterException(spec.commandLine(), "--residues: " + input + " has no residue " + number);
        }
        indices.add(found);
      }
    }
    ReweightingStudy.Reference reference = md == null ? null : ReweightingStudy.reference(md, topology, skip, 1, p.cg(), runtime.threads());
    List<String> chiNames = new SideChainTorsions(layout).names();
    if (reference != null && !reference.chiNames().equals(chiNames)) {
      throw new ParameterException(spec.commandLine(), "--md " + md + " is not a simulation of " + input + ": its side-chain torsions "
          + reference.chiNames() + " are not " + chiNames);
    }
    TerminalLine line = new TerminalLine(err);
    long t0 = System.nanoTime();
    List<SingleResidueStudy.Result> results;
    try {
      results = SingleResidueStudy.run(layout, xyz, models.models(), indices, samples, batch, temperature, runtime.seed, runtime.threads(),
          reference, figure, (residue, done, total) -> {
            double sec = (System.nanoTime() - t0) / 1e9;
            line.show(String.format(Locale.ROOT, "%s %s %d/%d side chains  %.1f s", residue, TerminalLine.bar((double) done / total), done, total, sec));
          });
    } finally {
      line.end();
    }
    PrintWriter out = spec.commandLine().getOut();
    for (SingleResidueStudy.Result r : results) {
      out.printf(Locale.ROOT, "%s: %d samples, Kish ESS %.4g (%.3g of N), lowest energy %.1f kJ/mol (structure %.1f)%n", r.residue(), r.samples(),
          r.kishEss(), r.essFraction(), r.lowestEnergy(), r.structureEnergy());
      for (ReweightingStudy.ChiDivergence d : r.chis()) {
        out.printf(Locale.ROOT, "  %s JS to the simulation %.3f raw, %.3f reweighted%n", d.chi(), d.raw(), d.reweighted());
      }
    }
    JsonReport.write(output, new Report(input.toString(), temperature, md == null ? null : md.toString(),
        reference == null ? null : reference.frames(), results));
    return 0;
  }
}
