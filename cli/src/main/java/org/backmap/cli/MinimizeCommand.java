package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.minimize.MinimizationDivergedException;
import org.backmap.md.minimize.MinimizationResult;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.PdbWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backmap minimize}: L-BFGS energy minimization with AMBER14SB + GBn2. */
@Command(name = "minimize", mixinStandardHelpOptions = true,
    description = "Minimize the AMBER14SB + GBn2 energy of a structure (L-BFGS) and write the result as PDB.")
final class MinimizeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file.")
  Path input;

  @Mixin
  PreparationMixin preparation;

  @Option(names = {"-o", "--output"}, required = true, description = "Output PDB file.")
  Path output;

  @Option(names = "--tolerance", defaultValue = "10", paramLabel = "KJ_MOL_NM",
      description = "Stop when |F| <= tolerance * max(1, |x|), as OpenMM 7.7 (default: ${DEFAULT-VALUE} kJ/mol/nm).")
  double tolerance;

  @Option(names = "--max-iterations", defaultValue = "0", description = "Iteration limit, 0 for none (default: ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--restrain-heavy", paramLabel = "K",
      description = "Restrain heavy atoms to their start positions with this force constant (kJ/mol/nm^2).")
  Double restraint;

  @Mixin
  RuntimeOptions runtime;

  @Override
  public Integer call() {
    OptionChecks check = new OptionChecks(spec).positive("--tolerance", tolerance).atLeast("--max-iterations", maxIterations, 0);
    if (restraint != null) {
      check.positive("--restrain-heavy", restraint);
    }
    runtime.apply();
    OutputFolder.requireWritable(output);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PreparedProtein protein = ProteinInput.read(input, preparation, true, err);
    ForceFieldEnergy energy = restraint == null ? protein.energy(runtime.threads()) : protein.restrainedEnergy(runtime.threads(), restraint);
    double[] x0 = protein.positionsNm();
    double start = energy.energy(x0);
    boolean[] shown = {false};
    MinimizationResult r;
    try {
      r = EnergyMinimizer.minimize(energy, x0, tolerance, maxIterations, iteration -> {
        if (iteration % 100 == 0) {
          err.printf("\riteration %d", iteration);
          err.flush();
          shown[0] = true;
        }
      });
    } catch (MinimizationDivergedException e) {
      throw new MinimizationDivergedException(input.getFileName() + ": " + e.getMessage(), e.iteration(), e.reason());
    } finally {
      // what follows, a report or an error, starts on its own line
      if (shown[0]) {
        err.println();
        err.flush();
      }
    }
    PdbWriter.write(protein.withPositionsNm(r.x()), output);
    out.printf("%s -> %s: %d atoms; energy %.4f -> %.4f kJ/mol in %d iterations (%d evaluations), rms force %.3f kJ/mol/nm%s%n",
        input, output, protein.atomCount(), start, r.value(), r.iterations(), r.evaluations(), r.rmsGradient(),
        r.converged() ? "" : " (not converged)");
    out.flush();
    return 0;
  }
}
