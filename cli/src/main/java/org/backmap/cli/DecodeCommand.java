package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.CgFrames;
import org.backmap.backmapping.decode.DecodeJob;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.trajectory.TrajectoryOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap decode}: all-atom structures, with their exact log-probabilities, from CG frames. */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = "Decode CG frames (a CG structure as 'backmap cg' writes it, an all-atom structure mapped to CG first, a "
        + "multi-model file, or a DCD trajectory with --topology) into all-atom structures with hydrogens, each with its exact "
        + "log-probability under the residue models.")
final class DecodeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
      description = "CG PDB file, all-atom PDB/mmCIF file (.gz allowed; every model is decoded), or a DCD trajectory (with --topology).")
  Path input;

  @Option(names = "--topology", paramLabel = "PDB",
      description = "For a DCD input: the CG or all-atom PDB/mmCIF file whose atoms, in its order, the DCD frames move.")
  Path topology;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
      description = "Decoded structures: OUT.pdb or OUT.cif (multi-model), or OUT.dcd (with OUT.topology.pdb).")
  Path output;

  @Option(names = {"-n", "--samples"}, paramLabel = "N", defaultValue = "100",
      description = "Structures to decode per CG frame (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100",
      description = "Structures decoded together; memory grows with it (default: ${DEFAULT-VALUE}).")
  int batch;

  @Mixin ModelsOption models;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "sequence",
      description = "Side-chain decoding order: sequence or random (default: ${DEFAULT-VALUE}).")
  String order;

  @Option(names = "--energies", description = "Report each structure's AMBER14SB + GBn2 energy.")
  boolean energies;

  @Option(names = "--relax", description = "Also relax each structure (restrained minimisation, CG atoms held) into OUT.relaxed.EXT; "
      + "relaxed structures carry no log-probability.")
  boolean relax;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write the per-structure log-probabilities and the run's settings as JSON.")
  Path json;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--samples", samples, 1);
    checks.atLeast("--batch", batch, 1);
    DecodeOrder o;
    try {
      o = DecodeOrder.of(order);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!TrajectoryOutput.supports(output)) {
      throw new ParameterException(spec.commandLine(), "--output must end in .pdb, .cif or .dcd, got " + output);
    }
    boolean dcdInput = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcd");
    if (dcdInput != (topology != null)) {
      throw new ParameterException(spec.commandLine(), dcdInput ? "a DCD input needs --topology" : "--topology goes with a DCD input only");
    }
    OutputFolder.requireWritable(output);
    if (json != null) {
      OutputFolder.requireWritable(json);
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    ModelSet set = models.models();
    TerminalLine line = new TerminalLine(err);
    long t0 = System.nanoTime();
    DecodeJob.Summary summary;
    try (CgFrames frames = frames(err)) {
      summary = DecodeJob.run(frames, set, new DecodeJob.Options(samples, batch, o, runtime.seed, energies, relax, runtime.threads()), output, json,
          (done, total) -> {
            double s = (System.nanoTime() - t0) / 1e9;
            line.show(String.format(Locale.ROOT, "%s %d/%d structures  %.2f s each  ETA %s", TerminalLine.bar((double) done / total),
                done, total, s / done, TerminalLine.clock(s / done * (total - done))));
          });
    } finally {
      line.end();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s: %d frame(s), %d residues, %d atoms; %d structures written to %s in %.1f s; mean log P(r|R) %.2f%n",
        input.getFileName(), summary.frames(), summary.residues(), summary.atoms(), summary.structures(), output, summary.seconds(), summary.meanLogProb());
    if (!Double.isNaN(summary.meanEnergy())) {
      out.printf(Locale.ROOT, "mean energy %.1f kJ/mol (AMBER14SB + GBn2)%n", summary.meanEnergy());
    }
    if (summary.relaxedOutput() != null) {
      out.printf(Locale.ROOT, "relaxed structures (no log-probability) written to %s; mean energy after relaxation %.1f kJ/mol%n",
          summary.relaxedOutput(), summary.meanRelaxedEnergy());
    }
    if (json != null) {
      out.printf("report: %s%n", json);
    }
    return 0;
  }

  /** The CG frames of the input: one model when --model is given for a structure file, else every frame. */
  private CgFrames frames(PrintWriter err) throws IOException {
    boolean oneModel = spec.commandLine().getParseResult().hasMatchedOption("--model");
    if (topology == null && oneModel) {
      if (CgFrames.isCgFile(input)) {
        try (CgFrames all = CgFrames.open(input, null, preparation.options())) {
          for (int m = 1; all.hasNext(); m++) {
            CgStructure cg = all.next();
            if (m == preparation.options().model()) {
              return CgFrames.of(List.of(cg));
            }
          }
        }
        throw new ParameterException(spec.commandLine(), "--model " + preparation.options().model() + ": " + input + " has fewer models");
      }
      return CgFrames.of(List.of(ProteinInput.read(input, preparation, false, err).cg()));
    }
    if (topology == null && !CgFrames.isCgFile(input) && StructureReader.modelCount(input) == 1) {
      return CgFrames.of(List.of(ProteinInput.read(input, preparation, false, err).cg())); // tells what preparation did
    }
    return CgFrames.open(input, topology, preparation.options());
  }
}
