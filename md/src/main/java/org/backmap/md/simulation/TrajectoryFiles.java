package org.backmap.md.simulation;

import java.nio.file.Path;

/**
 * Where a {@link Simulation} writes.
 *
 * @param dcd frames of the lowest-temperature replica
 * @param csv energies and temperatures of every replica at every frame
 * @param pdb the lowest-temperature frames as multi-model PDB, or {@code null} for none
 * @param checkpoint the restart checkpoint
 */
public record TrajectoryFiles(Path dcd, Path csv, Path pdb, Path checkpoint) {
  public TrajectoryFiles {
    if (dcd == null || csv == null || checkpoint == null) {
      throw new IllegalArgumentException("a DCD file, a CSV file and a checkpoint file are required");
    }
  }

  /** The files given, with the checkpoint next to the DCD file: {@code NAME.chk} for {@code NAME.dcd}. */
  public TrajectoryFiles(Path dcd, Path csv, Path pdb) {
    this(dcd, csv, pdb, dcd.resolveSibling(dcd.getFileName().toString().replaceFirst("\\.dcd$", "") + ".chk"));
  }

  /** {@code PREFIX.dcd}, {@code PREFIX.csv}, {@code PREFIX.chk} and, when {@code pdb}, {@code PREFIX.pdb}. */
  public static TrajectoryFiles withPrefix(String prefix, boolean pdb) {
    return new TrajectoryFiles(Path.of(prefix + ".dcd"), Path.of(prefix + ".csv"), pdb ? Path.of(prefix + ".pdb") : null,
        Path.of(prefix + ".chk"));
  }
}
