package org.backmap.md.simulation;

import java.util.List;
import org.backmap.md.dynamics.LangevinMiddleIntegrator;
import org.backmap.md.structure.Structure;
import org.backmap.md.trajectory.DcdWriter;
import org.backmap.md.trajectory.EnergyCsvWriter;
import org.backmap.md.trajectory.PdbTrajectoryWriter;

/**
 * The DCD, CSV and optional PDB writers of one run, opened together, fed one frame at a time and finished
 * together, so the three files always hold the same frames.
 */
final class TrajectoryOutput implements AutoCloseable {
  private final DcdWriter dcd;
  private final EnergyCsvWriter csv;
  private final PdbTrajectoryWriter pdb;

  private TrajectoryOutput(DcdWriter dcd, EnergyCsvWriter csv, PdbTrajectoryWriter pdb) {
    this.dcd = dcd;
    this.csv = csv;
    this.pdb = pdb;
  }

  /** New files. */
  static TrajectoryOutput create(TrajectoryFiles files, Structure structure, int stepsPerFrame, double dt, String title) {
    DcdWriter dcd = new DcdWriter(files.dcd(), structure.atomCount(), stepsPerFrame, stepsPerFrame, dt, title);
    try {
      EnergyCsvWriter csv = new EnergyCsvWriter(files.csv());
      try {
        return new TrajectoryOutput(dcd, csv, files.pdb() == null ? null : new PdbTrajectoryWriter(files.pdb(), structure));
      } catch (RuntimeException e) {
        csv.close();
        throw e;
      }
    } catch (RuntimeException e) {
      dcd.close();
      throw e;
    }
  }

  /** The existing files continued after their first {@code frames} frames ({@code replicas} CSV rows each). */
  static TrajectoryOutput continuing(TrajectoryFiles files, Structure structure, int stepsPerFrame, long frames, int replicas) {
    int kept = Math.toIntExact(frames);
    DcdWriter dcd = DcdWriter.continuing(files.dcd(), structure.atomCount(), stepsPerFrame, stepsPerFrame, kept);
    try {
      EnergyCsvWriter csv = EnergyCsvWriter.continuing(files.csv(), frames * replicas);
      try {
        return new TrajectoryOutput(dcd, csv, files.pdb() == null ? null : PdbTrajectoryWriter.continuing(files.pdb(), structure, kept));
      } catch (RuntimeException e) {
        csv.close();
        throw e;
      }
    } catch (RuntimeException e) {
      dcd.close();
      throw e;
    }
  }

  /** Appends one frame: a CSV row per replica, the lowest replica's positions to DCD and PDB. */
  void append(List<LangevinMiddleIntegrator> replicas) {
    for (int r = 0; r < replicas.size(); r++) {
      LangevinMiddleIntegrator md = replicas.get(r);
      csv.append(r, md.temperature(), md.steps(), md.steps() * md.timeStep(), md.kineticTemperature(), md.potential(), md.kineticEnergy());
    }
    double[] x = replicas.getFirst().positions();
    dcd.append(x);
    if (pdb != null) {
      pdb.append(x);
    }
  }

  /** Completes the files and makes them appear. */
  void finish() {
    dcd.finish();
    csv.finish();
    if (pdb != null) {
      pdb.finish();
    }
  }

  /** Discards whatever was not finished. */
  @Override
  public void close() {
    dcd.close();
    csv.close();
    if (pdb != null) {
      pdb.close();
    }
  }
}
