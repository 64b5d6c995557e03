package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.backmap.md.energy.Precision;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.simulation.Simulation;
import org.backmap.md.simulation.SimulationControl;
import org.backmap.md.simulation.SimulationProgress;
import org.backmap.md.simulation.SimulationResult;
import org.backmap.md.simulation.SimulationSettings;
import org.backmap.md.simulation.TrajectoryFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backmap md}: Langevin dynamics (LangevinMiddle, bonds to hydrogen constrained) with AMBER14SB + GBn2,
 * optionally as temperature replica exchange and with heavy-atom restraints. Writes {@code PREFIX.dcd} (lowest
 * temperature), {@code PREFIX.csv} (energies of every replica), optionally {@code PREFIX.pdb}, and the restart
 * checkpoint {@code PREFIX.chk}. SIGINT or SIGTERM stops the run at the next frame boundary with every file
 * finished (exit 130 or 143); {@code --resume} continues it.
 */
@Command(name = "md", mixinStandardHelpOptions = true,
    description = "Run Langevin dynamics or temperature replica exchange with AMBER14SB + GBn2 implicit solvent.")
final class MdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-i", "--input"}, required = true, description = "PDB or mmCIF file.")
  Path input;

  @Mixin
  PreparationMixin preparation;

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

  @Option(names = "--restrain-cg", paramLabel = "K",
      description = "Restrain the CG atoms (N, CA, C, O, H, CB, OXT) to their start positions (kJ/mol/nm^2), e.g. 200000 with --dt 0.001.")
  Double cgRestraint;

  @Option(names = "--pdb", description = "Also write the lowest-temperature trajectory as multi-model PDB.")
  boolean pdb;

  @Option(names = "--no-minimize", description = "Start from the input coordinates without minimizing.")
  boolean noMinimize;

  @Option(names = "--checkpoint-minutes", paramLabel = "MIN", defaultValue = "5",
      description = "Wall-clock minutes between restart checkpoints PREFIX.chk (default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Option(names = "--precision", paramLabel = "P", defaultValue = "double",
      description = "Force-field arithmetic: double (float64 throughout) or mixed (float32 pair loops with float64 sums, several times "
          + "faster; energies within about 1e-6 relative) (default: ${DEFAULT-VALUE}).")
  String precision;

  @Option(names = "--resume", description = "Continue the run of PREFIX.chk, appending to its files; give the options of that run "
      + "(--threads and --checkpoint-minutes may differ).")
  boolean resume;


  @Mixin
  RuntimeOptions runtime;

  @Override
  public Integer call() {
    SimulationSettings settings;
    try {
      if (restraint != null && cgRestraint != null) {
        throw new IllegalArgumentException("--restrain-heavy and --restrain-cg exclude each other");
      }
      Double k = cgRestraint != null ? cgRestraint : restraint;
      settings = new SimulationSettings(picoseconds, dt != null ? dt : k != null ? 0.001 : 0.002, temperature,
          maxTemperature, replicas, friction, exchangePs, reportPs, k, !noMinimize, runtime.seed, runtime.threads(),
          checkpointMinutes, precision(precision), cgRestraint != null);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    runtime.apply();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PreparedProtein protein = ProteinInput.read(input, preparation, true, err);
    TrajectoryFiles files = TrajectoryFiles.withPrefix(output, pdb);
    SimulationControl control = new SimulationControl();
    CountDownLatch finished = new CountDownLatch(1);
    // SIGINT/SIGTERM start the JVM's shutdown; holding it until the run has finished its files keeps every frame
    Thread stopOnSignal = new Thread(() -> {
      control.requestStop();
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "backmap-md-stop");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    try {
      ProgressLine line = new ProgressLine(err, picoseconds, settings.temperature());
      SimulationResult r;
      try {
        r = resume ? Simulation.resume(protein, settings, files, line, control) : Simulation.run(protein, settings, files, line, control);
      } finally {
        line.end();
      }
      report(r, settings, out);
      if (r.stopped()) {
        err.printf(Locale.ROOT, "stopped after %d of %d frames; continue with --resume from %s%n", r.frames(), settings.frames(), files.checkpoint());
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

  /** {@code double} or {@code mixed}, any case. */
  static Precision precision(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "double" -> Precision.DOUBLE;
      case "mixed" -> Precision.MIXED;
      default -> throw new IllegalArgumentException("--precision must be double or mixed, got " + name);
    };
  }

  private void report(SimulationResult r, SimulationSettings settings, PrintWriter out) {
    double[] t = r.temperatures();
    double ps = r.frames() * settings.stepsPerFrame() * settings.timeStep();
    out.printf(Locale.ROOT, "%s: %d atoms, %.1f ps at %s K, dt %.4f ps; wrote %s.dcd, %s.csv%s, %s.chk%n", input, r.atoms(), ps,
        t.length == 1 ? String.format(Locale.ROOT, "%.1f", t[0]) : String.format(Locale.ROOT, "%.1f..%.1f", t[0], t[t.length - 1]),
        settings.timeStep(), output, output, pdb ? ", " + output + ".pdb" : "", output);
    for (int i = 0; i < r.acceptance().length; i++) {
      out.printf(Locale.ROOT, "  exchange %.1f K <-> %.1f K: %.1f %% accepted%n", t[i], t[i + 1], 100 * r.acceptance()[i]);
    }
    out.flush();
  }

  /** The progress bar on one terminal line, rewritten with {@code \r}; {@link #end()} moves past it. */
  private static final class ProgressLine implements SimulationProgress {
    private final TerminalLine line;
    private final double picoseconds;
    private final double temperature;
    private double startPs;

    ProgressLine(PrintWriter err, double picoseconds, double temperature) {
      this.line = new TerminalLine(err);
      this.picoseconds = picoseconds;
      this.temperature = temperature;
    }

    @Override
    public void started(long frame, long frames, double timePs) {
      startPs = timePs;
    }

    @Override
    public void frameDone(long frame, long frames, double ps, double seconds, double kelvin) {
      line.show(String.format(Locale.ROOT, "%s %6.1f/%.1f ps  %7.1f ns/day  T(%.0f K) = %.1f K", TerminalLine.bar((double) frame / frames),
          ps, picoseconds, (ps - startPs) / 1000 / (seconds / 86400), temperature, kelvin));
    }

    /** Ends the progress line, so that what follows (a report, an error) starts on its own line. */
    void end() {
      line.end();
    }
  }
}
