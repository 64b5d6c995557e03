package org.backmap.md.simulation;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.dynamics.BondConstraints;
import org.backmap.md.dynamics.LangevinMiddleIntegrator;
import org.backmap.md.dynamics.ReplicaExchange;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.trajectory.DcdWriter;
import org.backmap.md.trajectory.EnergyCsvWriter;
import org.backmap.md.trajectory.PdbTrajectoryWriter;

/**
 * Langevin dynamics (LangevinMiddle, bonds to hydrogen constrained) or temperature replica exchange of a prepared
 * protein with AMBER14SB + GBn2, writing frames and energies as they come. Files appear only when the run
 * finishes; a failed run leaves none.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Runs {@code settings} on {@code protein} and writes {@code files}.
   *
   * @param progress told after every frame
   */
  public static SimulationResult run(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files, SimulationProgress progress) {
    ForceFieldSystem system = protein.system();
    int replicas = settings.replicas();
    // One replica uses every thread for its pair loops; several replicas step side by side on one thread each.
    int energyThreads = replicas == 1 ? settings.threads() : 1;
    ForceFieldEnergy energy = settings.heavyRestraint() == null ? protein.energy(energyThreads)
        : protein.restrainedEnergy(energyThreads, settings.heavyRestraint());
    double[] x0 = protein.positionsNm();
    if (settings.minimizeFirst()) {
      x0 = EnergyMinimizer.minimize(energy, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 0, null).x();
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
    int stepsPerFrame = settings.stepsPerFrame();
    int framesPerExchange = settings.framesPerExchange();
    long frames = settings.frames();
    double dt = settings.timeStep();
    LangevinMiddleIntegrator lowest = integrators.get(0);
    long t0 = System.nanoTime();
    try (DcdWriter dcd = new DcdWriter(files.dcd(), system.atomCount(), stepsPerFrame, stepsPerFrame, dt, "backmap md " + protein.source());
         EnergyCsvWriter csv = new EnergyCsvWriter(files.csv());
         PdbTrajectoryWriter pdb = files.pdb() == null ? null : new PdbTrajectoryWriter(files.pdb(), protein.structure())) {
      for (long k = 1; k <= frames; k++) {
        remd.advance(stepsPerFrame);
        if (replicas > 1 && k % framesPerExchange == 0) {
          remd.exchange();
        }
        for (int r = 0; r < replicas; r++) {
          LangevinMiddleIntegrator md = integrators.get(r);
          csv.append(r, md.temperature(), md.steps(), md.steps() * dt, md.kineticTemperature(), md.potential(), md.kineticEnergy());
        }
        dcd.append(lowest.positions());
        if (pdb != null) {
          pdb.append(lowest.positions());
        }
        progress.frameDone(k, frames, k * stepsPerFrame * dt, (System.nanoTime() - t0) / 1e9, lowest.kineticTemperature());
      }
      dcd.finish();
      csv.finish();
      if (pdb != null) {
        pdb.finish();
      }
    }
    double[] acceptance = new double[replicas - 1];
    for (int r = 0; r + 1 < replicas; r++) {
      acceptance[r] = remd.acceptance(r);
    }
    return new SimulationResult(system.atomCount(), ladder, acceptance, frames, lowest.steps(), (System.nanoTime() - t0) / 1e9);
  }
}
