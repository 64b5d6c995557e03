package org.backmap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.backmapping.cgmodel.CgFlow;
import org.backmap.backmapping.cgmodel.CgFlowMarginals;
import org.backmap.backmapping.decode.CgFrames;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.structure.StructureException;
import org.backmap.nn.Rng;
import org.backmap.nn.train.EpochResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap cg-flow}: trains a CG flow (an exact-density CG model) on a trajectory's CG frames. */
@Command(name = "cg-flow", mixinStandardHelpOptions = true,
    description = "Train a CG flow, a masked autoregressive spline flow over the internal coordinates of the whole CG structure with "
        + "exact log P2(R), on the CG frames of a trajectory; write it to DIR (for 'backmap reweight --cg-model flow:DIR') with "
        + "marginals.png (its torsion marginals against the frames) and cg-flow-report.json.")
final class CgFlowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--trajectory"}, required = true, paramLabel = "FILE",
      description = "Frames: a DCD trajectory (with --topology), or a CG or all-atom PDB/mmCIF file with one or more models.")
  Path trajectory;

  @Option(names = "--topology", paramLabel = "PDB", description = "For a DCD trajectory: the PDB/mmCIF file of its atoms.")
  Path topology;

  @Option(names = "--skip", paramLabel = "N", defaultValue = "0", description = "Frames to leave out at the start (default: ${DEFAULT-VALUE}).")
  int skip;

  @Option(names = "--stride", paramLabel = "K", defaultValue = "1", description = "Use every K-th frame after --skip (default: ${DEFAULT-VALUE}).")
  int stride;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder of the flow (created).")
  Path out;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "Epochs; the best validation epoch is kept (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
      description = "Stop after N epochs without a better validation NLL (default: ${DEFAULT-VALUE}, every epoch).")
  int patience;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "256", description = "Frames per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--blocks", paramLabel = "N", defaultValue = "5", description = "Autoregressive spline blocks (default: ${DEFAULT-VALUE}).")
  int blocks;

  @Option(names = "--hidden", paramLabel = "H", defaultValue = "128", description = "Hidden units of each MADE (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(names = "--bins", paramLabel = "K", defaultValue = "8", description = "Spline bins (default: ${DEFAULT-VALUE}).")
  int bins;

  @Option(names = "--validation", paramLabel = "F", defaultValue = "0.1", description = "Share of frames held out (default: ${DEFAULT-VALUE}).")
  double validation;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000", description = "Flow samples for the marginals (default: ${DEFAULT-VALUE}).")
  int samples;

  @Mixin PreparationMixin preparation;

  @Mixin RuntimeOptions runtime;

  /** What the run wrote to cg-flow-report.json. */
  record Report(int frames, int skip, int stride, CgFlow.Settings settings, int coordinates, int modelled, int bestEpoch,
      double bestValidationNll, List<EpochResult> epochs, double seconds, double largestMarginalJs, double medianMarginalJs,
      List<MarginalJs> marginals) {}

  /** One coordinate's marginal divergence. */
  record MarginalJs(String coordinate, double jensenShannon) {}

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--skip", skip, 0).atLeast("--stride", stride, 1).atLeast("--epochs", epochs, 1).atLeast("--batch", batch, 1)
        .atLeast("--blocks", blocks, 1).atLeast("--hidden", hidden, 1).atLeast("--bins", bins, 2).atLeast("--samples", samples, 1)
        .atLeast("--patience", patience, 0);
    if (!(validation > 0 && validation < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--validation must be in (0, 1), got " + validation);
    }
    CgFlow.Settings settings = new CgFlow.Settings(blocks, hidden, bins, epochs, batch, validation, runtime.seed, patience);
    runtime.apply();
    PrintWriter err = spec.commandLine().getErr();
    List<CgStructure> all = CgFrames.readAll(trajectory, topology, preparation.options(), skip);
    List<CgStructure> frames = new ArrayList<>();
    for (int f = 0; f < all.size(); f += stride) {
      frames.add(all.get(f));
    }
    if (frames.size() < 2) {
      throw new StructureException(trajectory.toString(), "holds " + frames.size() + " frame(s) after --skip " + skip + " and --stride " + stride
          + "; a CG flow needs at least 2");
    }
    err.printf(Locale.ROOT, "%d frames of %s%n", frames.size(), trajectory);
    TerminalLine line = new TerminalLine(err);
    long t0 = System.nanoTime();
    CgFlow.Fitted fitted;
    try {
      fitted = CgFlow.fit(frames, settings, r -> {
        double sec = (System.nanoTime() - t0) / 1e9;
        line.show(String.format(Locale.ROOT, "%s epoch %d/%d  train NLL %.3f  validation NLL %.3f%s  ETA %s", TerminalLine.bar((double) r.epoch() / epochs),
            r.epoch(), epochs, r.trainLoss(), r.validationLoss(), r.improved() ? " *" : "", TerminalLine.clock(sec / r.epoch() * (epochs - r.epoch()))));
      });
    } finally {
      line.end();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    CgFlow flow = fitted.flow();
    flow.save(out);
    List<CgFlowMarginals.Marginal> marginals = CgFlowMarginals.of(flow, frames, samples, Rng.seeded(runtime.seed).fork("marginals"));
    CgFlowMarginals.plotTorsions(marginals, out.resolve("marginals.png"), 8);
    double[] js = marginals.stream().mapToDouble(CgFlowMarginals.Marginal::jensenShannon).sorted().toArray();
    Report report = new Report(frames.size(), skip, stride, settings, flow.coordinates().dims(), flow.freeCoordinates().length,
        fitted.training().bestEpoch(), fitted.training().bestValidationLoss(), fitted.training().history(), seconds, js[js.length - 1],
        js[js.length / 2], marginals.stream().map(m -> new MarginalJs(m.name(), m.jensenShannon())).toList());
    JsonReport.write(out.resolve("cg-flow-report.json"), report);
    spec.commandLine().getOut().printf(Locale.ROOT, "CG flow over %d of %d internal coordinates, %d frames, best validation NLL %.3f (epoch %d) in %.0f s; "
        + "marginal JS median %.4f, largest %.4f; written to %s%n", report.modelled(), report.coordinates(), report.frames(), report.bestValidationNll(),
        report.bestEpoch(), seconds, report.medianMarginalJs(), report.largestMarginalJs(), out);
    return 0;
  }
}
