package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.decode.CgFrames;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.cgmodel.CgFlow;
import org.backmap.backmapping.cgmodel.CgModel;
import org.backmap.backmapping.cgmodel.ClusterModel;
import org.backmap.backmapping.cgmodel.FrameClusters;
import org.backmap.backmapping.reweight.ReweightJob;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.cg.CgStructure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code backmap reweight}: generated samples (CG model, then decoding) with their importance weights into AMBER14SB + GBn2. */
@Command(name = "reweight", mixinStandardHelpOptions = true,
    description = "Draw CG structures from a CG model (a trajectory's frames by cluster, or a CG flow), decode each into an all-atom structure, and write per "
        + "sample log w = -U/kT + log P1(R|r) - log P2(R) - log P2(r|R), its parts and observables (CSV, streamed); print the "
        + "effective sample size.")
final class ReweightCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--trajectory"}, paramLabel = "FILE",
      description = "Frames of a cluster CG model: a DCD trajectory (with --topology), or a CG or all-atom PDB/mmCIF file with one or more models.")
  Path trajectory;

  @Option(names = "--topology", paramLabel = "PDB", description = "For a DCD trajectory: the PDB/mmCIF file of its atoms.")
  Path topology;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Frames to leave out at the start, e.g. equilibration (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(names = "--cg-model", paramLabel = "MODEL", defaultValue = "cluster-population",
      description = "CG model: cluster-population or cluster-uniform over the frames of --trajectory, or flow:DIR, a CG flow written by "
          + "'backmap cg-flow' (default: ${DEFAULT-VALUE}).")
  String cgModel;

  @Option(names = "--cutoff", paramLabel = "A", defaultValue = "2.0",
      description = "Largest CA RMSD (Angstrom, after superposition) within a cluster (default: ${DEFAULT-VALUE}).")
  double cutoff;

  @Option(names = "--reference", paramLabel = "PDB", description = "Structure (e.g. the folded one) for the CA RMSD observable.")
  Path reference;

  @Option(names = {"-n", "--samples"}, paramLabel = "N", defaultValue = "1000", description = "Samples (default: ${DEFAULT-VALUE}).")
  long samples;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Samples decoded together (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--temperature", paramLabel = "K", defaultValue = "300", description = "Temperature of the target ensemble (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Mixin ModelsOption models;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "CSV", description = "Per-sample log-weights, their parts and observables.")
  Path output;

  @Option(names = "--structures", paramLabel = "FILE", description = "Also write the decoded structures (.pdb, .cif or .dcd), in sample order.")
  Path structures;

  @Option(names = "--json", paramLabel = "REPORT", description = "Write the run's summary (effective sample size, settings) as JSON.")
  Path json;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--samples", samples, 1);
    checks.atLeast("--batch", batch, 1);
    checks.atLeast("--skip", skip, 0);
    if (!(cutoff > 0) || Double.isInfinite(cutoff)) {
      throw new ParameterException(spec.commandLine(), "--cutoff must be positive and finite, got " + cutoff);
    }
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new ParameterException(spec.commandLine(), "--temperature must be positive and finite, got " + temperature);
    }
    String kind = cgModel.toLowerCase(Locale.ROOT);
    Path flowDir = kind.startsWith("flow:") ? Path.of(cgModel.substring("flow:".length())) : null;
    ClusterModel.Choice choice = switch (kind) {
      case "cluster-population" -> ClusterModel.Choice.POPULATION;
      case "cluster-uniform" -> ClusterModel.Choice.UNIFORM;
      default -> {
        if (flowDir == null) {
          throw new ParameterException(spec.commandLine(), "--cg-model must be cluster-population, cluster-uniform or flow:DIR, got " + cgModel);
        }
        yield null;
      }
    };
    if (flowDir == null && trajectory == null) {
      throw new ParameterException(spec.commandLine(), "a cluster CG model needs the frames: --trajectory");
    }
    if (flowDir != null && trajectory != null) {
      throw new ParameterException(spec.commandLine(), "--trajectory goes with a cluster CG model, not with " + cgModel);
    }
    boolean dcd = trajectory != null && trajectory.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcd");
    if (trajectory != null && dcd != (topology != null)) {
      throw new ParameterException(spec.commandLine(), dcd ? "a DCD trajectory needs --topology" : "--topology goes with a DCD trajectory only");
    }
    OutputFolder.requireWritable(output);
    for (Path p : new Path[] {structures, json}) {
      if (p != null) {
        OutputFolder.requireWritable(p);
      }
    }
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    ModelSet set = models.models();
    CgModel model;
    if (flowDir != null) {
      model = CgFlow.load(flowDir);
      err.printf(Locale.ROOT, "CG model: %s%n", model.describe());
    } else {
      List<CgStructure> frames = CgFrames.readAll(trajectory, topology, preparation.options(), skip);
      long t0 = System.nanoTime();
      ClusterModel clusters = ClusterModel.fit(frames.stream().map(ReweightJob::ca).toList(), cutoff, choice);
      err.printf(Locale.ROOT, "%d frames in %d clusters (complete linkage, CA RMSD <= %.2f A) in %.1f s%n", frames.size(), clusters.clusters(), cutoff,
          (System.nanoTime() - t0) / 1e9);
      model = new FrameClusters(frames, clusters);
    }
    CgStructure ref = reference == null ? null : ProteinInput.read(reference, preparation, false, err).cg();
    TerminalLine line = new TerminalLine(err);
    long t1 = System.nanoTime();
    ReweightJob.Summary s;
    try {
      s = ReweightJob.run(model, set, ref, new ReweightJob.Options(samples, batch, temperature, runtime.seed, runtime.threads()), output,
          structures, (done, total) -> {
            double sec = (System.nanoTime() - t1) / 1e9;
            line.show(String.format(Locale.ROOT, "%s %d/%d samples  %.3f s each  ETA %s", TerminalLine.bar((double) done / total), done, total,
                sec / done, TerminalLine.clock(sec / done * (total - done))));
          });
    } finally {
      line.end();
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "%d samples (%s) written to %s in %.1f s; Kish ESS %.3g (%.3g of N); mean energy %.1f kJ/mol%n",
        s.samples(), s.cgModel(), output, s.seconds(), s.kishEss(), s.essFraction(), s.meanEnergy());
    if (json != null) {
      JsonReport.write(json, s);
    }
    return 0;
  }
}
