package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backmap.md.dynamics.BondConstraints;
import org.backmap.md.dynamics.LangevinMiddleIntegrator;
import org.backmap.md.dynamics.ReplicaExchange;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.trajectory.DcdWriter;
import org.backmap.md.trajectory.EnergyCsvWriter;
import org.backmap.md.trajectory.PdbTrajectoryWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backmap md}: Langevin dynamics (LangevinMiddle, bonds to hydrogen constrained) with AMBER14SB + GBn2,
 * optionally as temperature replica exchange and with heavy-atom restraints. Writes {@code PREFIX.dcd} (lowest
 * temperature), {@code PREFIX.csv} (energies of every replica) and optionally {@code PREFIX.pdb}.
 */
@Command(name = "md", mixinStandardHelpOptions = true,
    description = "Run Langevin dynamics or temperature replica exchange with AMBER14SB + GBn2 implicit solvent.")
final class MdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file.")
  Path input;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "PREFIX", description = "Output prefix: PREFIX.dcd, PREFIX.csv (and PREFIX.pdb).")
  String output;

  @Option(names = "--ps", defaultValue = "100", description = "Simulated time in ps (default: ${DEFAULT-VALUE}).")
  double picoseconds;

  @Option(names = "--dt", paramLabel = "PS", description = "Time step in ps (default: 0.002, or 0.001 with restraints).")
  Double dt;

  @Option(names = "--temperature", defaultValue = "300", description = "Temperature in K, the lowest with replicas (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--friction", defaultValue = "1", description = "Collision rate in 1/ps (default: ${DEFAULT-VALUE}).")
  double friction;

  @Option(names = "--replicas", defaultValue = "1", description = "Temperature replicas (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Option(names = "--max-temperature", defaultValue = "450", description = "Highest replica temperature in K (default: ${DEFAULT-VALUE}).")
  double maxTemperature;

  @Option(names = "--exchange-ps", defaultValue = "1", description = "Time between exchange attempts in ps (default: ${DEFAULT-VALUE}).")
  double exchangePs;

  @Option(names = "--report-ps", defaultValue = "1", description = "Time between frames and energy rows in ps (default: ${DEFAULT-VALUE}).")
  double reportPs;

  @Option(names = "--restrain-heavy", paramLabel = "K", description = "Restrain heavy atoms to their start positions (kJ/mol/nm^2).")
  Double restraint;

  @Option(names = "--pdb", description = "Also write the lowest-temperature trajectory as multi-model PDB.")
  boolean pdb;

  @Option(names = "--no-minimize", description = "Start from the input coordinates without minimizing.")
  boolean noMinimize;


  @Mixin
  RuntimeOptions runtime;

  @Override
  public Integer call() {
    runtime.apply();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (replicas < 1 || !(picoseconds > 0) || !(reportPs > 0) || !(exchangePs > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--replicas must be >= 1 and --ps, --report-ps, --exchange-ps positive");
    }
    ForceFieldInput in = ForceFieldInput.read(input, err);
    ForceFieldSystem system = in.system();
    int cores = runtime.threads == null ? Runtime.getRuntime().availableProcessors() : runtime.threads;
    double step = dt != null ? dt : restraint != null ? 0.001 : 0.002;
    double[] x0 = in.positions();
    ForceFieldEnergy energy = in.energy(replicas == 1 ? cores : 1, restraint);
    if (!noMinimize) {
      x0 = EnergyMinimizer.minimize(energy, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 0, null).x();
    }
    double[] ladder = ReplicaExchange.geometricLadder(temperature, replicas == 1 ? temperature : maxTemperature, replicas);
    List<LangevinMiddleIntegrator> integrators = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      BondConstraints constraints = new BondConstraints(system.constraintAtoms(), system.constraintLength(), system.masses(), BondConstraints.DEFAULT_TOLERANCE);
      integrators.add(new LangevinMiddleIntegrator(energy, constraints, x0, ladder[r], friction, step, runtime.seed + 7919L * r));
    }
    ReplicaExchange<LangevinMiddleIntegrator> remd = new ReplicaExchange<>(integrators, runtime.seed, cores);
    int stepsPerReport = Math.max(1, (int) Math.round(reportPs / step));
    // Exchanges are attempted at frame boundaries: every round(exchange / report) frames.
    int reportsPerExchange = Math.max(1, (int) Math.round(exchangePs / (stepsPerReport * step)));
    long reports = Math.round(picoseconds / (stepsPerReport * step));
    try (DcdWriter dcd = new DcdWriter(Path.of(output + ".dcd"), system.atomCount(), stepsPerReport, stepsPerReport, step, "backmap md " + input.getFileName());
         EnergyCsvWriter csv = new EnergyCsvWriter(Path.of(output + ".csv"));
         PdbTrajectoryWriter traj = pdb ? new PdbTrajectoryWriter(Path.of(output + ".pdb"), in.structure()) : null) {
      long t0 = System.nanoTime();
      for (long k = 1; k <= reports; k++) {
        remd.advance(stepsPerReport);
        if (replicas > 1 && k % reportsPerExchange == 0) {
          remd.exchange();
        }
        for (int r = 0; r < replicas; r++) {
          LangevinMiddleIntegrator md = integrators.get(r);
          csv.append(r, md.temperature(), md.steps(), md.steps() * step, md.kineticTemperature(), md.potential(), md.kineticEnergy());
        }
        dcd.append(integrators.get(0).positions());
        if (traj != null) {
          traj.append(integrators.get(0).positions());
        }
        double done = k * stepsPerReport * step;
        double seconds = (System.nanoTime() - t0) / 1e9;
        err.printf(Locale.ROOT, "\r%s %6.1f/%.1f ps  %7.1f ns/day  T(%.0f K) = %.1f K", bar((double) k / reports), done, picoseconds,
            done / 1000 / (seconds / 86400), ladder[0], integrators.get(0).kineticTemperature());
        err.flush();
      }
      err.println();
      dcd.finish();
      csv.finish();
      if (traj != null) {
        traj.finish();
      }
    }
    out.printf(Locale.ROOT, "%s: %d atoms, %.1f ps at %s K, dt %.4f ps; wrote %s.dcd, %s.csv%s%n", input, system.atomCount(), picoseconds,
        replicas == 1 ? String.format(Locale.ROOT, "%.1f", temperature) : String.format(Locale.ROOT, "%.1f..%.1f", ladder[0], ladder[replicas - 1]),
        step, output, output, pdb ? ", " + output + ".pdb" : "");
    for (int r = 0; r + 1 < replicas; r++) {
      out.printf(Locale.ROOT, "  exchange %.1f K <-> %.1f K: %.1f %% accepted%n", ladder[r], ladder[r + 1], 100 * remd.acceptance(r));
    }
    out.flush();
    return 0;
  }

  private static String bar(double fraction) {
    int width = 30, filled = (int) Math.round(fraction * width);
    return "[" + "#".repeat(filled) + " ".repeat(width - filled) + "]";
  }
}
