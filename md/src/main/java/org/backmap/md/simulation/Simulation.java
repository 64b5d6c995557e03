package org.backmap.md.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backmap.base.io.OutputFolder;
import org.backmap.md.dynamics.BondConstraints;
import org.backmap.md.dynamics.IntegratorState;
import org.backmap.md.dynamics.LangevinMiddleIntegrator;
import org.backmap.md.dynamics.ReplicaExchange;
import org.backmap.md.dynamics.SimulationDivergedException;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.minimize.MinimizationDivergedException;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.system.ForceFieldSystem;

/**
 * Langevin dynamics (LangevinMiddle, bonds to hydrogen constrained) or temperature replica exchange of a prepared
 * protein with AMBER14SB + GBn2, writing frames and energies as they come.
 *
 * <p>Long runs: every {@link SimulationSettings#checkpointMinutes()} of wall-clock time, when stopped through
 * {@link SimulationControl} and at the end, the run finishes its trajectory files (they appear holding every
 * frame so far) and then writes the restart checkpoint {@link TrajectoryFiles#checkpoint()}.
 * {@link #resume} continues from it, bit for bit as if never stopped. When the dynamics diverge, the files are
 * finished with the frames before and a {@link SimulationDivergedException} says so; any other failure discards
 * the frames written since the last checkpoint.
 */
public final class Simulation {
  private Simulation() {}

  /** Runs {@code settings} on {@code protein} to the end and writes {@code files}. */
  public static SimulationResult run(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files, SimulationProgress progress) {
    return run(protein, settings, files, progress, new SimulationControl());
  }

  /**
   * Runs {@code settings} on {@code protein} from the start and writes {@code files}.
   *
   * @param progress told after every frame
   * @param control stops the run early when asked
   * @throws java.io.UncheckedIOException when the output folder is missing or not writable (checked first)
   * @throws SimulationDivergedException when the dynamics produce non-finite numbers (frames before are kept)
   * @throws MinimizationDivergedException when the minimisation does
   */
  public static SimulationResult run(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files,
      SimulationProgress progress, SimulationControl control) {
    return execute(protein, settings, files, progress, control, false);
  }

  /**
   * Continues the run of {@link TrajectoryFiles#checkpoint()}: the trajectory files are cut back to the
   * checkpoint's frames and continued, so they end as those of an uninterrupted run with the same seed.
   *
   * @throws RestartException when there is no usable checkpoint, or it was written for another system or other
   *     settings (threads and checkpoint interval may differ)
   */
  public static SimulationResult resume(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files,
      SimulationProgress progress, SimulationControl control) {
    return execute(protein, settings, files, progress, control, true);
  }

  private static SimulationResult execute(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files,
      SimulationProgress progress, SimulationControl control, boolean resume) {
    for (Path file : new Path[] {files.dcd(), files.csv(), files.pdb(), files.checkpoint()}) {
      if (file != null) {
        OutputFolder.requireWritable(file);
      }
    }
    ForceFieldSystem system = protein.system();
    RunIdentity identity = RunIdentity.of(protein, settings, files);
    RestartCheckpoint restart = null;
    if (resume) {
      restart = RestartCheckpoint.read(files.checkpoint());
      identity.requireSameAs(restart, files.checkpoint(), protein.source());
    }
    int replicas = settings.replicas();
    // One replica uses every thread for its pair loops; several replicas step side by side on one thread each.
    int energyThreads = replicas == 1 ? settings.threads() : 1;
    ForceFieldEnergy energy = ForceFieldEnergy.of(system, energyThreads, settings.precision());
    if (settings.heavyRestraint() != null) {
      int[] held = settings.restrainCgAtoms() ? protein.cgAtoms() : protein.heavyAtoms();
      energy = energy.withRestraints(held, protein.positionsNm(), settings.heavyRestraint());
    }
    double[] x0 = resume ? restart.replicas().getFirst().positions() : protein.positionsNm();
    if (settings.minimizeFirst() && !resume) {
      try {
        x0 = EnergyMinimizer.minimize(energy, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 0, null).x();
      } catch (MinimizationDivergedException e) {
        throw new MinimizationDivergedException(protein.source() + ": " + e.getMessage(), e.iteration(), e.reason());
      }
    }
    double[] ladder = ReplicaExchange.geometricLadder(settings.temperature(),
        replicas == 1 ? settings.temperature() : settings.maxTemperature(), replicas);
    List<LangevinMiddleIntegrator> integrators = new ArrayList<>();
    for (int r = 0; r < replicas; r++) {
      BondConstraints constraints = new BondConstraints(system.constraints().atoms(), system.constraints().length(), system.masses(),
          BondConstraints.DEFAULT_TOLERANCE);
      integrators.add(new LangevinMiddleIntegrator(energy, constraints, x0, ladder[r], settings.friction(), settings.timeStep(),
          settings.seed() + 7919L * r));
    }
    ReplicaExchange<LangevinMiddleIntegrator> remd = new ReplicaExchange<>(integrators, settings.seed(), settings.threads());
    long firstFrame = 0;
    if (resume) {
      for (int r = 0; r < replicas; r++) {
        integrators.get(r).restore(restart.replicas().get(r));
      }
      remd.restore(restart.exchange());
      firstFrame = restart.frame();
    }
    int stepsPerFrame = settings.stepsPerFrame();
    int framesPerExchange = settings.framesPerExchange();
    long frames = settings.frames();
    double dt = settings.timeStep();
    long checkpointNanos = (long) Math.min(Long.MAX_VALUE, settings.checkpointMinutes() * 60e9);
    LangevinMiddleIntegrator lowest = integrators.getFirst();
    long t0 = System.nanoTime();
    long lastCheckpoint = t0;
    long frame = firstFrame;
    TrajectoryOutput out = resume ? TrajectoryOutput.continuing(files, protein.structure(), stepsPerFrame, frame, replicas)
        : TrajectoryOutput.create(files, protein.structure(), stepsPerFrame, dt, "backmap md " + protein.source());
    try {
      progress.started(frame, frames, frame * stepsPerFrame * dt);
      while (frame < frames && !control.stopRequested()) {
        try {
          remd.advance(stepsPerFrame);
        } catch (SimulationDivergedException e) {
          out.finish();
          throw diverged(e, protein, integrators, frame, files.dcd());
        }
        frame++;
        if (replicas > 1 && frame % framesPerExchange == 0) {
          remd.exchange();
        }
        out.append(integrators);
        progress.frameDone(frame, frames, frame * stepsPerFrame * dt, (System.nanoTime() - t0) / 1e9, lowest.kineticTemperature());
        if (frame < frames && System.nanoTime() - lastCheckpoint >= checkpointNanos) {
          out = checkpoint(out, files, protein, stepsPerFrame, frame, identity, integrators, remd);
          lastCheckpoint = System.nanoTime();
        }
      }
      out.finish();
      checkpointOf(identity, frame, integrators, remd).write(files.checkpoint());
    } finally {
      out.close();
    }
    double[] acceptance = new double[replicas - 1];
    for (int r = 0; r + 1 < replicas; r++) {
      acceptance[r] = remd.acceptance(r);
    }
    return new SimulationResult(system.atomCount(), ladder, acceptance, frame, lowest.steps(), (System.nanoTime() - t0) / 1e9,
        firstFrame, frame < frames);
  }

  /** Makes the files hold every frame so far, writes the checkpoint, and continues the files in new writers. */
  private static TrajectoryOutput checkpoint(TrajectoryOutput out, TrajectoryFiles files, PreparedProtein protein, int stepsPerFrame,
      long frame, RunIdentity identity, List<LangevinMiddleIntegrator> integrators, ReplicaExchange<LangevinMiddleIntegrator> remd) {
    // files first: a checkpoint never claims frames the files do not hold
    out.finish();
    out.close();
    checkpointOf(identity, frame, integrators, remd).write(files.checkpoint());
    return TrajectoryOutput.continuing(files, protein.structure(), stepsPerFrame, frame, integrators.size());
  }

  private static RestartCheckpoint checkpointOf(RunIdentity identity, long frame, List<LangevinMiddleIntegrator> integrators,
      ReplicaExchange<LangevinMiddleIntegrator> remd) {
    List<IntegratorState> states = integrators.stream().map(LangevinMiddleIntegrator::state).toList();
    return new RestartCheckpoint(identity.system(), identity.settings(), frame, states, remd.state());
  }

  private static SimulationDivergedException diverged(SimulationDivergedException e, PreparedProtein protein,
      List<LangevinMiddleIntegrator> integrators, long frames, Path dcd) {
    String replica = "";
    if (integrators.size() > 1) {
      for (LangevinMiddleIntegrator md : integrators) {
        if (!Double.isFinite(md.potentialEnergy())) {
          replica = String.format(Locale.ROOT, " in the %.1f K replica", md.temperature());
          break;
        }
      }
    }
    return new SimulationDivergedException(protein.source() + ": " + e.getMessage() + replica + "; " + frames + " frame"
        + (frames == 1 ? "" : "s") + " kept in " + dcd.getFileName(), e.step(), e);
  }
}
