package org.backmap.backmapping.cgmodel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.StructureException;

/**
 * Bond-angle-torsion coordinates of a whole CG structure: a spanning tree over its particles (backbone N, CA, C,
 * O, H, CB, OXT and the side-chain beads) along the chemical bonds (the bead bonded to CB, or to CA without one;
 * C to the next residue's N in a chain), rooted at the first residue's N, CA and C. Particles no bond reaches
 * (another chain) hang from the nearest placed particle of the reference structure by a virtual bond.
 *
 * <p>The vector of {@code 3n - 6} internal coordinates is {@code [b1, b2, a2, (b, a, t) per further particle]}:
 * the bonds root0-root1 and root1-root2 and the angle at root1, then for each particle in placement order its bond
 * to its parent (Angstrom), its angle at the parent (radians, in [0, pi]) and its torsion (radians, in (-pi, pi]).
 * The six rigid-body degrees of freedom are dropped. {@link #logJacobian} is {@code log |det dx / dq|} with those
 * six measured by the translation volume and the rotation group's Haar measure, so a density p(q) over the
 * internal coordinates is the density {@code p(q) / J} over Cartesian structures modulo rigid motions.
 */
public final class CgInternalCoordinates {
  private final int n;
  private final int[] order;
  private final int[] parent;
  private final int[] angleAtom;
  private final int[] torsionAtom;
  private final String[] names;

  private CgInternalCoordinates(int n, int[] order, int[] parent, int[] angleAtom, int[] torsionAtom, String[] names) {
    this.n = n;
    this.order = order;
    this.parent = parent;
    this.angleAtom = angleAtom;
    this.torsionAtom = torsionAtom;
    this.names = names;
  }

  /**
   * The tree of {@code reference}'s particles (the order of {@link CgStructure#withParticles}); its coordinates only
   * choose the virtual bonds between unbonded parts.
   *
   * @throws StructureException if the first residue lacks N, CA or C
   */
  public static CgInternalCoordinates of(CgStructure reference) {
    List<String> names = new ArrayList<>();
    List<int[]> bonds = new ArrayList<>();
    int[][] backbone = new int[reference.residues().size()][];
    int k = 0;
    for (int ri = 0; ri < reference.residues().size(); ri++) {
      CgResidue r = reference.residues().get(ri);
      java.util.Map<String, Integer> index = new java.util.HashMap<>();
      for (Atom a : r.atoms()) {
        index.put(a.name(), k);
        names.add(a.name() + r.number());
        k++;
      }
      for (String[] bond : new String[][] {{"N", "CA"}, {"CA", "C"}, {"C", "O"}, {"C", "OXT"}, {"N", "H"}, {"CA", "CB"}}) {
        if (index.containsKey(bond[0]) && index.containsKey(bond[1])) {
          bonds.add(new int[] {index.get(bond[0]), index.get(bond[1])});
        }
      }
      if (r.bead() != null) {
        Integer anchor = index.containsKey("CB") ? index.get("CB") : index.get("CA");
        if (anchor != null) {
          bonds.add(new int[] {anchor, k});
        }
        names.add(CgStructure.BEAD_NAME + r.number());
        k++;
      }
      backbone[ri] = new int[] {index.getOrDefault("N", -1), index.getOrDefault("CA", -1), index.getOrDefault("C", -1)};
      if (ri > 0 && backbone[ri - 1][2] >= 0 && backbone[ri][0] >= 0
          && reference.residues().get(ri - 1).chainId().equals(r.chainId())) {
        bonds.add(new int[] {backbone[ri - 1][2], backbone[ri][0]});
      }
    }
    int n = k;
    if (n < 3 || backbone[0][0] < 0 || backbone[0][1] < 0 || backbone[0][2] < 0) {
      CgResidue first = reference.residues().isEmpty() ? null : reference.residues().get(0);
      throw new StructureException(reference.source(), first == null ? "has no residues"
          : "residue " + first.number() + " " + first.residueName() + " needs N, CA and C to root the CG internal coordinates");
    }
    List<List<Integer>> neighbours = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      neighbours.add(new ArrayList<>());
    }
    for (int[] b : bonds) {
      neighbours.get(b[0]).add(b[1]);
      neighbours.get(b[1]).add(b[0]);
    }
    double[] xyz = reference.particles();
    int[] parent = new int[n];
    Arrays.fill(parent, -1);
    boolean[] placed = new boolean[n];
    int[] order = new int[n];
    int[] roots = backbone[0];
    int count = 0;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < 3; i++) {
      order[count++] = roots[i];
      placed[roots[i]] = true;
      queue.add(roots[i]);
      if (i > 0) {
        parent[roots[i]] = roots[i - 1];
      }
    }
    while (count < n) {
      while (!queue.isEmpty()) {
        int p = queue.poll();
        for (int c : neighbours.get(p)) {
          if (!placed[c]) {
            placed[c] = true;
            parent[c] = p;
            order[count++] = c;
            queue.add(c);
          }
        }
      }
      if (count < n) {
        // another part: the unplaced particle nearest any placed one hangs from it
        int bestC = -1, bestP = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
          if (placed[c]) {
            continue;
          }
          for (int p = 0; p < n; p++) {
            if (placed[p]) {
              double d = InternalCoordinates.distance(xyz, 3 * c, 3 * p);
              if (d < best) {
                best = d;
                bestC = c;
                bestP = p;
              }
            }
          }
        }
        placed[bestC] = true;
        parent[bestC] = bestP;
        order[count++] = bestC;
        queue.add(bestC);
      }
    }
    int[] angle = new int[n];
    int[] torsion = new int[n];
    Arrays.fill(angle, -1);
    Arrays.fill(torsion, -1);
    for (int s = 3; s < n; s++) {
      int a = order[s];
      int p = parent[a];
      int q = p == roots[0] ? roots[1] : parent[p];
      int t = -1;
      int[] candidates = {q == roots[0] ? -1 : parent[q], roots[0], roots[1], roots[2]};
      for (int c : candidates) {
        if (c >= 0 && c != a && c != p && c != q) {
          t = c;
          break;
        }
      }
      angle[a] = q;
      torsion[a] = t;
    }
    return new CgInternalCoordinates(n, order, parent, angle, torsion, names.toArray(String[]::new));
  }

  /** Number of particles n. */
  public int particles() {
    return n;
  }

  /** Number of internal coordinates, {@code 3n - 6}. */
  public int dims() {
    return 3 * n - 6;
  }

  /** Per internal coordinate: true for torsions (periodic), false for bonds and angles. */
  public boolean[] torsions() {
    boolean[] t = new boolean[dims()];
    for (int i = 5; i < t.length; i += 3) {
      t[i] = true;
    }
    return t;
  }

  /** A readable name of internal coordinate {@code i}, e.g. {@code "torsion N2-CA2-C2-O2"}. */
  public String name(int i) {
    if (i == 0) {
      return "bond " + names[order[0]] + "-" + names[order[1]];
    }
    if (i == 1) {
      return "bond " + names[order[1]] + "-" + names[order[2]];
    }
    if (i == 2) {
      return "angle " + names[order[0]] + "-" + names[order[1]] + "-" + names[order[2]];
    }
    int a = order[3 + (i - 3) / 3];
    return switch ((i - 3) % 3) {
      case 0 -> "bond " + names[parent[a]] + "-" + names[a];
      case 1 -> "angle " + names[angleAtom[a]] + "-" + names[parent[a]] + "-" + names[a];
      default -> String.format(Locale.ROOT, "torsion %s-%s-%s-%s", names[torsionAtom[a]], names[angleAtom[a]],
          names[parent[a]], names[a]);
    };
  }

  /** The internal coordinates {@code q} of the particle positions {@code xyz} (flat, Angstrom). */
  public void toInternal(double[] xyz, double[] q) {
    if (xyz.length != 3 * n || q.length != dims()) {
      throw new IllegalArgumentException(xyz.length / 3 + " particles and " + q.length + " coordinates for a tree of " + n);
    }
    q[0] = InternalCoordinates.distance(xyz, 3 * order[0], 3 * order[1]);
    q[1] = InternalCoordinates.distance(xyz, 3 * order[1], 3 * order[2]);
    q[2] = InternalCoordinates.angle(xyz, 3 * order[0], 3 * order[1], 3 * order[2]);
    for (int s = 3; s < n; s++) {
      int a = order[s];
      int j = 3 + 3 * (s - 3);
      q[j] = InternalCoordinates.distance(xyz, 3 * parent[a], 3 * a);
      q[j + 1] = InternalCoordinates.angle(xyz, 3 * angleAtom[a], 3 * parent[a], 3 * a);
      q[j + 2] = InternalCoordinates.torsion(xyz, 3 * torsionAtom[a], 3 * angleAtom[a], 3 * parent[a], 3 * a);
    }
  }

  /**
   * Particle positions (flat, Angstrom) of the internal coordinates {@code q}, in a standard orientation: root0 at
   * the origin, root1 on +x, root2 in the xy plane at positive y.
   */
  public void toCartesian(double[] q, double[] xyz) {
    if (xyz.length != 3 * n || q.length != dims()) {
      throw new IllegalArgumentException(xyz.length / 3 + " particles and " + q.length + " coordinates for a tree of " + n);
    }
    int r0 = order[0], r1 = order[1], r2 = order[2];
    set(xyz, r0, 0, 0, 0);
    set(xyz, r1, q[0], 0, 0);
    // the angle at root1 between root0 (along -x) and root2
    set(xyz, r2, q[0] - q[1] * Math.cos(q[2]), q[1] * Math.sin(q[2]), 0);
    for (int s = 3; s < n; s++) {
      int a = order[s];
      int j = 3 + 3 * (s - 3);
      // the torsion t-q-p-a is the torsion a-p-q-t read backwards, the same dihedral
      InternalCoordinates.place(xyz, 3 * a, 3 * parent[a], 3 * angleAtom[a], 3 * torsionAtom[a], q[j], q[j + 1], q[j + 2]);
    }
  }

  /** {@code log |det dx / dq|}: {@code 2 log b1 + 2 log b2 + log sin a2 + sum (2 log b + log sin a)}. */
  public double logJacobian(double[] q) {
    double s = 2 * Math.log(q[0]) + 2 * Math.log(q[1]) + Math.log(Math.sin(q[2]));
    for (int j = 3; j < q.length; j += 3) {
      s += 2 * Math.log(q[j]) + Math.log(Math.sin(q[j + 1]));
    }
    return s;
  }

  private static void set(double[] xyz, int i, double x, double y, double z) {
    xyz[3 * i] = x;
    xyz[3 * i + 1] = y;
    xyz[3 * i + 2] = z;
  }
}
