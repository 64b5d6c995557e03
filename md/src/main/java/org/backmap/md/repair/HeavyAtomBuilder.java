package org.backmap.md.repair;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backmap.md.geometry.CellGrid;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.topology.ResidueTopology;

/**
 * Places the missing heavy atoms of a residue whose backbone (N, CA, C) is present. Each missing atom is built
 * from three placed atoms it is bonded to in the template (parent, grandparent, and a third along the chain)
 * with the bond length, angle and torsion those four atoms have in the ideal residue, so side chains come back
 * attached to the atoms the file has. When the ideal rotamer runs into the rest of the protein, the first three
 * rotatable bonds of the rebuilt part are turned by 0, 120 or 240 degrees, keeping the combination whose closest
 * approach to other residues is largest (ring bonds never turn). A C-terminal OXT is left to hydrogen completion.
 */
final class HeavyAtomBuilder {
  /** Rebuilt atoms at least this far (Angstrom) from every other residue's atoms need no rotamer search. */
  static final double CLEAR = 2.8;
  /** Atoms two or three bonds apart come at least this close (Angstrom) in any sane geometry. */
  static final double NEAR = 1.9;
  private static final int SEARCHED_AXES = 3;

  /** One placement: atom {@code name} from parent {@code p}, grandparent {@code a}, third atom {@code t}. */
  private record Placement(String name, String p, String a, String t, double bond, double angle, double torsion) {}

  private HeavyAtomBuilder() {}

  /**
   * The residue with its missing heavy atoms added, in template order.
   *
   * @param others atoms of the other residues, for the rotamer choice
   * @param built receives the names of the atoms placed
   * @return {@code null} when some atom cannot be placed (no ideal geometry for it or too few placed neighbours)
   */
  static Residue rebuild(ResidueTopology rt, CellGrid others, List<String> built) {
    ResidueTemplate t = rt.template();
    Residue r = rt.residue();
    Map<String, double[]> present = new LinkedHashMap<>();
    for (Atom a : r.atoms()) {
      present.put(a.name(), new double[] {a.x(), a.y(), a.z()});
    }
    List<Placement> plan = plan(t, r.name(), present, rt.missingHeavyAtoms());
    if (plan == null) {
      return null;
    }
    List<String> axes = rotatableAxes(t, plan);
    int combinations = (int) Math.pow(3, Math.min(SEARCHED_AXES, axes.size()));
    Map<String, double[]> best = null;
    double bestClearance = -1;
    for (int combo = 0; combo < combinations; combo++) {
      Map<String, Double> offsets = new LinkedHashMap<>();
      for (int k = 0, c = combo; k < Math.min(SEARCHED_AXES, axes.size()); k++, c /= 3) {
        offsets.put(axes.get(k), (c % 3) * 2 * Math.PI / 3);
      }
      Map<String, double[]> placed = build(plan, present, offsets);
      double clearance = Math.min(clearance(plan, placed, others), selfClearance(t, plan, placed, present));
      if (clearance > bestClearance) {
        best = placed;
        bestClearance = clearance;
      }
      if (bestClearance >= CLEAR) {
        break;
      }
    }
    plan.forEach(p -> built.add(p.name()));
    List<Atom> atoms = new ArrayList<>();
    for (var ta : t.atoms()) {
      double[] p = best.get(ta.name());
      if (p != null) {
        Atom existing = r.atom(ta.name());
        atoms.add(existing != null ? existing : new Atom(ta.name(), ta.type().element(), p[0], p[1], p[2]));
      }
    }
    for (Atom a : r.atoms()) {
      if (!t.has(a.name())) {
        atoms.add(a);
      }
    }
    return r.withAtoms(atoms);
  }

  /** The order and internal coordinates of the placements, or {@code null} when some atom cannot be placed. */
  private static List<Placement> plan(ResidueTemplate t, String residue, Map<String, double[]> present, List<String> missingHeavy) {
    ResidueGeometry ideal = ResidueGeometry.standard();
    Set<String> placed = new HashSet<>(present.keySet());
    List<String> missing = new ArrayList<>(missingHeavy);
    missing.remove("OXT");
    List<Placement> plan = new ArrayList<>();
    boolean progress = true;
    while (!missing.isEmpty() && progress) {
      progress = false;
      for (String name : List.copyOf(missing)) {
        String[] frame = frame(t, name, placed);
        if (frame == null) {
          continue;
        }
        double[] xm = ideal.position(residue, name), xp = ideal.position(residue, frame[0]);
        double[] xa = ideal.position(residue, frame[1]), xt = ideal.position(residue, frame[2]);
        if (xm == null || xp == null || xa == null || xt == null) {
          return null;
        }
        double[] x = {xm[0], xm[1], xm[2], xp[0], xp[1], xp[2], xa[0], xa[1], xa[2], xt[0], xt[1], xt[2]};
        plan.add(new Placement(name, frame[0], frame[1], frame[2], InternalCoordinates.distance(x, 0, 3),
            InternalCoordinates.angle(x, 0, 3, 6), InternalCoordinates.torsion(x, 0, 3, 6, 9)));
        placed.add(name);
        missing.remove(name);
        progress = true;
      }
    }
    return missing.isEmpty() ? plan : null;
  }

  /** Parent, grandparent and a third placed heavy atom for {@code name}, or {@code null} when there are not three. */
  private static String[] frame(ResidueTemplate t, String name, Set<String> placed) {
    int m = t.indexOf(name);
    for (int p : t.neighbours(m)) {
      String parent = t.atom(p).name();
      if (t.atom(p).isHydrogen() || !placed.contains(parent)) {
        continue;
      }
      for (int a : t.neighbours(p)) {
        String grand = t.atom(a).name();
        if (a == m || t.atom(a).isHydrogen() || !placed.contains(grand)) {
          continue;
        }
        // The third atom: bonded to the grandparent, else another neighbour of the parent (an improper frame).
        for (int[] candidates : new int[][] {t.neighbours(a), t.neighbours(p)}) {
          for (int c : candidates) {
            String third = t.atom(c).name();
            if (c != m && c != p && c != a && !t.atom(c).isHydrogen() && placed.contains(third)) {
              return new String[] {parent, grand, third};
            }
          }
        }
      }
    }
    return null;
  }

  /** The bonds (grandparent-parent) the plan turns about, in order; bonds inside a ring are left out. */
  private static List<String> rotatableAxes(ResidueTemplate t, List<Placement> plan) {
    Set<String> ring = ringAtoms(t);
    List<String> axes = new ArrayList<>();
    for (Placement p : plan) {
      String axis = axis(p);
      if (!(ring.contains(p.a()) && ring.contains(p.p())) && !axes.contains(axis)) {
        axes.add(axis);
      }
    }
    return axes;
  }

  private static String axis(Placement p) {
    return p.a() + "-" + p.p();
  }

  /** Heavy atoms on a cycle of the template's bond graph. */
  private static Set<String> ringAtoms(ResidueTemplate t) {
    Set<String> ring = new HashSet<>();
    for (int[] b : t.bonds()) {
      if (!t.atom(b[0]).isHydrogen() && !t.atom(b[1]).isHydrogen() && connectedWithout(t, b[0], b[1])) {
        ring.add(t.atom(b[0]).name());
        ring.add(t.atom(b[1]).name());
      }
    }
    return ring;
  }

  /** Whether heavy atoms u and v are connected once their own bond is removed. */
  private static boolean connectedWithout(ResidueTemplate t, int u, int v) {
    boolean[] seen = new boolean[t.size()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(u));
    seen[u] = true;
    while (!todo.isEmpty()) {
      int x = todo.pop();
      for (int y : t.neighbours(x)) {
        if (seen[y] || t.atom(y).isHydrogen() || x == u && y == v) {
          continue;
        }
        if (y == v) {
          return true;
        }
        seen[y] = true;
        todo.push(y);
      }
    }
    return false;
  }

  private static Map<String, double[]> build(List<Placement> plan, Map<String, double[]> present, Map<String, Double> offsets) {
    Map<String, double[]> placed = new LinkedHashMap<>(present);
    for (Placement pl : plan) {
      double[] p = placed.get(pl.p()), a = placed.get(pl.a()), t = placed.get(pl.t());
      double[] xyz = {0, 0, 0, p[0], p[1], p[2], a[0], a[1], a[2], t[0], t[1], t[2]};
      InternalCoordinates.place(xyz, 0, 3, 6, 9, pl.bond(), pl.angle(), pl.torsion() + offsets.getOrDefault(axis(pl), 0.0));
      placed.put(pl.name(), new double[] {xyz[0], xyz[1], xyz[2]});
    }
    return placed;
  }

  /**
   * How well the rebuilt atoms clear their own residue's atoms that were in the file, as a distance (capped at
   * {@link #CLEAR}): atoms more than three bonds away must be {@link #CLEAR} apart, atoms two or three bonds away
   * {@link #NEAR} apart (a carboxylate oxygen must not land on its partner); the worst ratio is scaled to {@link #CLEAR}.
   */
  private static double selfClearance(ResidueTemplate t, List<Placement> plan, Map<String, double[]> placed, Map<String, double[]> present) {
    double worst = 1;
    for (Placement p : plan) {
      int[] hops = bondHops(t, t.indexOf(p.name()));
      double[] x = placed.get(p.name());
      for (Map.Entry<String, double[]> e : present.entrySet()) {
        int q = t.indexOf(e.getKey());
        if (q < 0 || hops[q] < 2) {
          continue;
        }
        double[] y = e.getValue();
        double d = Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1]) + (x[2] - y[2]) * (x[2] - y[2]));
        worst = Math.min(worst, d / (hops[q] > 3 ? CLEAR : NEAR));
      }
    }
    return worst * CLEAR;
  }

  /** Bonds between template atom {@code from} and every other atom (breadth first; unreachable: a large number). */
  private static int[] bondHops(ResidueTemplate t, int from) {
    int[] hops = new int[t.size()];
    java.util.Arrays.fill(hops, Integer.MAX_VALUE);
    hops[from] = 0;
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(from));
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int y : t.neighbours(x)) {
        if (hops[y] == Integer.MAX_VALUE) {
          hops[y] = hops[x] + 1;
          todo.add(y);
        }
      }
    }
    return hops;
  }

  /** The smallest distance from a rebuilt atom to an atom of another residue (capped at {@link #CLEAR}). */
  private static double clearance(List<Placement> plan, Map<String, double[]> placed, CellGrid others) {
    double min = CLEAR;
    for (Placement p : plan) {
      min = Math.min(min, others.nearest(placed.get(p.name()), CLEAR));
    }
    return min;
  }
}
