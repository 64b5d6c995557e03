package org.backmap.md.geometry;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Points binned in cubes of side {@code cell}, for the questions of short range (which points lie within a
 * distance of at most {@code cell} of a place): a query looks at the 27 cubes around the place, so finding all the
 * close pairs of N points costs time linear in N, not N squared. Points get the indices 0, 1, 2, ... in the order
 * they are added; a query visits the cubes in a fixed order and each cube's points in the order they were added,
 * so results do not depend on hashing.
 */
public final class CellGrid {
  private final double cell;
  private final Map<Long, int[]> cells = new HashMap<>();
  private double[] xyz = new double[48];
  private int size;

  /**
   * An empty grid of cubes of side {@code cell} Angstrom.
   *
   * @throws IllegalArgumentException unless {@code cell} is finite and positive
   */
  public CellGrid(double cell) {
    if (!(cell > 0 && Double.isFinite(cell))) {
      throw new IllegalArgumentException("cell size must be a finite number greater than 0, got " + cell);
    }
    this.cell = cell;
  }

  /** Adds a point; returns its index. */
  public int add(double x, double y, double z) {
    if (3 * size == xyz.length) {
      xyz = Arrays.copyOf(xyz, 2 * xyz.length);
    }
    xyz[3 * size] = x;
    xyz[3 * size + 1] = y;
    xyz[3 * size + 2] = z;
    // a cube's list: its count in slot 0, then the indices
    int[] list = cells.computeIfAbsent(key(x, y, z, 0, 0, 0), k -> new int[4]);
    if (list[0] + 1 == list.length) {
      list = Arrays.copyOf(list, 2 * list.length);
      cells.put(key(x, y, z, 0, 0, 0), list);
    }
    list[++list[0]] = size;
    return size++;
  }

  /** Number of points added. */
  public int size() {
    return size;
  }

  /** What a query reports for each point it finds. */
  @FunctionalInterface
  public interface Neighbour {
    /** Point {@code index} lies at {@code distance} Angstrom from the place asked about. */
    void accept(int index, double distance);
  }

  /**
   * Calls {@code visitor} for every point closer than {@code range} to {@code (x, y, z)}, the point at that very
   * place included.
   *
   * @throws IllegalArgumentException when {@code range} exceeds the cell size (points beyond the 27 cubes would be missed)
   */
  public void forEachWithin(double x, double y, double z, double range, Neighbour visitor) {
    if (range > cell) {
      throw new IllegalArgumentException("range " + range + " exceeds the cell size " + cell);
    }
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dz = -1; dz <= 1; dz++) {
          int[] list = cells.get(key(x, y, z, dx, dy, dz));
          for (int k = 1; list != null && k <= list[0]; k++) {
            int j = list[k];
            double ex = x - xyz[3 * j], ey = y - xyz[3 * j + 1], ez = z - xyz[3 * j + 2];
            double d = Math.sqrt(ex * ex + ey * ey + ez * ez);
            if (d < range) {
              visitor.accept(j, d);
            }
          }
        }
      }
    }
  }

  /** The distance from {@code p} to the nearest point, or {@code range} when none is closer (range at most the cell size). */
  public double nearest(double[] p, double range) {
    double[] best = {range};
    forEachWithin(p[0], p[1], p[2], range, (j, d) -> best[0] = Math.min(best[0], d));
    return best[0];
  }

  private long key(double x, double y, double z, int dx, int dy, int dz) {
    long i = (long) Math.floor(x / cell) + dx, j = (long) Math.floor(y / cell) + dy, k = (long) Math.floor(z / cell) + dz;
    return (i & 0x1FFFFF) << 42 | (j & 0x1FFFFF) << 21 | (k & 0x1FFFFF);
  }
}
