package org.backmap.md.energy;

import java.util.Arrays;

/**
 * A Verlet neighbour list: for each atom i, the atoms j &gt; i within {@code radius} (cutoff plus skin) of it when
 * the list was built, excluded pairs left out. It stays valid while no atom has moved more than half the skin from
 * where it was at build time, since no pair can then have come from beyond {@code radius} to within the cutoff.
 * Built with a cell grid (cells of edge {@code radius}, each cell paired with itself and its 13 forward
 * neighbours), so building is O(N). Immutable.
 */
final class NeighbourList {
  private final double[] reference;
  private final double maxShift2;
  /** Neighbours of atom i are {@code neighbours[start[i] .. start[i+1]-1]}, ascending. */
  final int[] start;
  final int[] neighbours;

  private NeighbourList(double[] reference, double maxShift, int[] start, int[] neighbours) {
    this.reference = reference;
    this.maxShift2 = maxShift * maxShift;
    this.start = start;
    this.neighbours = neighbours;
  }

  /** Whether the list still holds every non-excluded pair within the cutoff at positions {@code x}. */
  boolean validFor(double[] x) {
    for (int k = 0; k < x.length; k += 3) {
      double dx = x[k] - reference[k], dy = x[k + 1] - reference[k + 1], dz = x[k + 2] - reference[k + 2];
      if (!(dx * dx + dy * dy + dz * dz <= maxShift2)) { // NaN positions fail too, and rebuild
        return false;
      }
    }
    return true;
  }

  /** Number of pairs in the list. */
  int pairCount() {
    return neighbours.length;
  }

  /**
   * Builds the list at positions {@code x}.
   *
   * @param cutoff interaction cutoff (nm)
   * @param skin extra distance (nm); the list is valid until an atom moves more than {@code skin/2}
   * @param excludedAbove per atom, the excluded partners above it, ascending
   */
  static NeighbourList build(double[] x, double cutoff, double skin, int[][] excludedAbove) {
    int n = x.length / 3;
    double radius = cutoff + skin;
    double radius2 = radius * radius;
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < 3; d++) {
        min[d] = Math.min(min[d], x[3 * i + d]);
        max[d] = Math.max(max[d], x[3 * i + d]);
      }
    }
    int[] cells = new int[3];
    for (int d = 0; d < 3; d++) {
      double extent = n == 0 ? 0 : max[d] - min[d];
      // a non-finite extent (a diverged configuration) or a cutoff beyond the protein gives one cell
      cells[d] = Double.isFinite(extent) ? (int) Math.max(1, Math.min(1024, Math.floor(extent / radius))) : 1;
    }
    int cellCount = cells[0] * cells[1] * cells[2];
    int[] cellOf = new int[n];
    int[] cellStart = new int[cellCount + 1];
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int d = 0; d < 3; d++) {
        int k = (int) ((x[3 * i + d] - min[d]) / radius);
        c = c * cells[d] + Math.clamp(k, 0, cells[d] - 1);
      }
      cellOf[i] = c;
      cellStart[c + 1]++;
    }
    for (int c = 0; c < cellCount; c++) {
      cellStart[c + 1] += cellStart[c];
    }
    int[] atomsByCell = new int[n];
    int[] fill = Arrays.copyOf(cellStart, cellCount);
    for (int i = 0; i < n; i++) {
      atomsByCell[fill[cellOf[i]]++] = i;
    }

    IntPairs pairs = new IntPairs(Math.max(16, n * 64));
    int[] count = new int[n + 1];
    for (int cx = 0; cx < cells[0]; cx++) {
      for (int cy = 0; cy < cells[1]; cy++) {
        for (int cz = 0; cz < cells[2]; cz++) {
          int c = (cx * cells[1] + cy) * cells[2] + cz;
          for (int[] o : HALF_SHELL) {
            int ox = cx + o[0], oy = cy + o[1], oz = cz + o[2];
            if (ox < 0 || oy < 0 || oz < 0 || ox >= cells[0] || oy >= cells[1] || oz >= cells[2]) {
              continue;
            }
            int other = (ox * cells[1] + oy) * cells[2] + oz;
            boolean same = other == c;
            for (int a = cellStart[c]; a < cellStart[c + 1]; a++) {
              int i = atomsByCell[a];
              double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
              for (int b = same ? a + 1 : cellStart[other]; b < cellStart[other + 1]; b++) {
                int j = atomsByCell[b];
                double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
                if (dx * dx + dy * dy + dz * dz <= radius2) {
                  int lo = Math.min(i, j), hi = Math.max(i, j);
                  if (Arrays.binarySearch(excludedAbove[lo], hi) < 0) {
                    pairs.add(lo, hi);
                    count[lo + 1]++;
                  }
                }
              }
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] neighbours = new int[pairs.size];
    int[] next = Arrays.copyOf(count, n);
    for (int p = 0; p < pairs.size; p++) {
      int i = pairs.first[p];
      neighbours[next[i]++] = pairs.second[p];
    }
    for (int i = 0; i < n; i++) {
      Arrays.sort(neighbours, count[i], count[i + 1]); // ascending j: positions are read in memory order
    }
    return new NeighbourList(x.clone(), skin / 2, count, neighbours);
  }

  /** The cell itself and the 13 neighbour cells "ahead" of it, so that each pair of cells is visited once. */
  private static final int[][] HALF_SHELL = halfShell();

  private static int[][] halfShell() {
    int[][] out = new int[14][];
    int k = 0;
    for (int dx = -1; dx <= 1; dx++) {
      for (int dy = -1; dy <= 1; dy++) {
        for (int dz = -1; dz <= 1; dz++) {
          if (dx > 0 || (dx == 0 && (dy > 0 || (dy == 0 && dz >= 0)))) {
            out[k++] = new int[] {dx, dy, dz};
          }
        }
      }
    }
    return out;
  }

  /** A growable list of int pairs. */
  private static final class IntPairs {
    int[] first;
    int[] second;
    int size;

    IntPairs(int capacity) {
      first = new int[capacity];
      second = new int[capacity];
    }

    void add(int a, int b) {
      if (size == first.length) {
        int grown = Math.min(Integer.MAX_VALUE - 8, 2 * (long) size > Integer.MAX_VALUE - 8 ? Integer.MAX_VALUE - 8 : 2 * size);
        first = Arrays.copyOf(first, grown);
        second = Arrays.copyOf(second, grown);
      }
      first[size] = a;
      second[size] = b;
      size++;
    }
  }
}
