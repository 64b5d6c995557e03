package org.backmap.md.repair;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Atom positions binned in cubes, for nearest-neighbour questions within a short range. */
final class AtomGrid {
  private final double cell;
  private final Map<Long, List<double[]>> cells = new HashMap<>();

  /** An empty grid of cubes of side {@code cell} Angstrom. */
  AtomGrid(double cell) {
    this.cell = cell;
  }

  /** Adds a position. */
  void add(double x, double y, double z) {
    cells.computeIfAbsent(key(x, y, z, 0, 0, 0), k -> new ArrayList<>()).add(new double[] {x, y, z});
  }

  /** The distance from {@code p} to the nearest position, or {@code range} when none is closer (range <= cell). */
  double nearest(double[] p, double range) {
    double best = range;
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dz = -1; dz <= 1; dz++) {
          for (double[] q : cells.getOrDefault(key(p[0], p[1], p[2], dx, dy, dz), List.of())) {
            double ex = p[0] - q[0], ey = p[1] - q[1], ez = p[2] - q[2];
            best = Math.min(best, Math.sqrt(ex * ex + ey * ey + ez * ez));
          }
        }
      }
    }
    return best;
  }

  private long key(double x, double y, double z, int dx, int dy, int dz) {
    long i = (long) Math.floor(x / cell) + dx, j = (long) Math.floor(y / cell) + dy, k = (long) Math.floor(z / cell) + dz;
    return (i & 0x1FFFFF) << 42 | (j & 0x1FFFFF) << 21 | (k & 0x1FFFFF);
  }
}
