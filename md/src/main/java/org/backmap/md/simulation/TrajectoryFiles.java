package org.backmap.md.simulation;

import java.nio.file.Path;

/**
 * Where a {@link Simulation} writes.
 *
 * @param dcd frames of the lowest-temperature replica
 * @param csv energies and temperatures of every replica at every frame
 * @param pdb the lowest-temperature frames as multi-model PDB, or {@code null} for none
 */
public record TrajectoryFiles(Path dcd, Path csv, Path pdb) {
  public TrajectoryFiles {
    if (dcd == null || csv == null) {
      throw new IllegalArgumentException("a DCD and a CSV file are required");
    }
  }

  /** {@code PREFIX.dcd}, {@code PREFIX.csv} and, when {@code pdb}, {@code PREFIX.pdb}. */
  public static TrajectoryFiles withPrefix(String prefix, boolean pdb) {
    return new TrajectoryFiles(Path.of(prefix + ".dcd"), Path.of(prefix + ".csv"), pdb ? Path.of(prefix + ".pdb") : null);
  }
}
