package org.backmap.md.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The covalent bond graph of a system and the interactions it implies, enumerated as OpenMM's
 * {@code ForceField.createSystem} does: angles a-b-c with {@code a < c}; proper torsions a-b-c-d with
 * {@code a < d}; one improper candidate (centre, x, y, z) per 3-subset of the (ascending) neighbours of every
 * atom with more than two bonds.
 */
public final class BondGraph {
  private final int[][] neighbours;

  /**
   * @param atomCount number of atoms
   * @param bonds bonds as pairs of atom indices
   */
  public BondGraph(int atomCount, List<int[]> bonds) {
    List<TreeSet<Integer>> nb = new ArrayList<>();
    for (int i = 0; i < atomCount; i++) {
      nb.add(new TreeSet<>());
    }
    for (int[] b : bonds) {
      nb.get(b[0]).add(b[1]);
      nb.get(b[1]).add(b[0]);
    }
    neighbours = new int[atomCount][];
    for (int i = 0; i < atomCount; i++) {
      neighbours[i] = nb.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Number of atoms. */
  public int atomCount() {
    return neighbours.length;
  }

  /** Atoms bonded to {@code atom}, ascending. The array is shared: do not modify. */
  public int[] neighbours(int atom) {
    return neighbours[atom];
  }

  /** Angles (a, b, c), b the vertex and a &lt; c, sorted lexicographically. */
  public List<int[]> angles() {
    List<int[]> out = new ArrayList<>();
    for (int b = 0; b < neighbours.length; b++) {
      int[] nb = neighbours[b];
      for (int x = 0; x < nb.length; x++) {
        for (int y = x + 1; y < nb.length; y++) {
          out.add(new int[] {nb[x], b, nb[y]});
        }
      }
    }
    out.sort(BondGraph::lexicographic);
    return out;
  }

  /** Proper torsions (a, b, c, d) with a &lt; d and four distinct atoms, sorted lexicographically. */
  public List<int[]> propers() {
    List<int[]> out = new ArrayList<>();
    for (int b = 0; b < neighbours.length; b++) {
      for (int c : neighbours[b]) {
        if (c < b) {
          continue;
        }
        for (int a : neighbours[b]) {
          if (a == c) {
            continue;
          }
          for (int d : neighbours[c]) {
            if (d == b || d == a) {
              continue;
            }
            out.add(a < d ? new int[] {a, b, c, d} : new int[] {d, c, b, a});
          }
        }
      }
    }
    out.sort(BondGraph::lexicographic);
    return out;
  }

  /** Improper candidates (centre, x, y, z) with x &lt; y &lt; z bonded to the centre, centres ascending. */
  public List<int[]> improperCandidates() {
    List<int[]> out = new ArrayList<>();
    for (int c = 0; c < neighbours.length; c++) {
      int[] nb = neighbours[c];
      for (int x = 0; x < nb.length; x++) {
        for (int y = x + 1; y < nb.length; y++) {
          for (int z = y + 1; z < nb.length; z++) {
            out.add(new int[] {c, nb[x], nb[y], nb[z]});
          }
        }
      }
    }
    return out;
  }

  /**
   * Bond distance from every atom to the atoms up to three bonds away: {@code result[i]} lists the partners
   * {@code j > i} with their distance (1, 2 or 3 bonds) as {@code {j, distance}}, ascending in j.
   */
  public int[][][] nearPairs() {
    int n = neighbours.length;
    int[][][] out = new int[n][][];
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    for (int start = 0; start < n; start++) {
      final int i = start;
      List<Integer> touched = new ArrayList<>();
      List<Integer> frontier = List.of(i);
      dist[i] = 0;
      touched.add(i);
      for (int depth = 1; depth <= 3; depth++) {
        List<Integer> next = new ArrayList<>();
        for (int a : frontier) {
          for (int b : neighbours[a]) {
            if (dist[b] < 0) {
              dist[b] = depth;
              touched.add(b);
              next.add(b);
            }
          }
        }
        frontier = next;
      }
      out[i] = touched.stream().filter(j -> j > i).sorted().map(j -> new int[] {j, dist[j]}).toArray(int[][]::new);
      for (int t : touched) {
        dist[t] = -1;
      }
    }
    return out;
  }

  private static int lexicographic(int[] a, int[] b) {
    return Arrays.compare(a, b);
  }
}
