package org.backmap.md.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.topology.ResidueTopology;

/**
 * Places the missing heavy atoms of a residue whose backbone (N, CA, C) is present. Each missing atom is built
 * from three placed atoms it is bonded to in the template (parent, grandparent, and a third along the chain)
 * with the bond length, angle and torsion those four atoms have in the ideal residue, so side chains come back
 * in the ideal residue's rotamer, attached to the atoms the file has. A C-terminal OXT is left to hydrogen
 * completion, which places it in the carboxylate plane.
 */
final class HeavyAtomBuilder {
  private HeavyAtomBuilder() {}

  /**
   * The residue with its missing heavy atoms added, in template order.
   *
   * @return {@code null} when some atom cannot be placed (no ideal geometry for it or too few placed neighbours)
   */
  static Residue rebuild(ResidueTopology rt, List<String> built) {
    ResidueTemplate t = rt.template();
    Residue r = rt.residue();
    ResidueGeometry ideal = ResidueGeometry.standard();
    Map<String, double[]> placed = new LinkedHashMap<>();
    for (Atom a : r.atoms()) {
      placed.put(a.name(), new double[] {a.x(), a.y(), a.z()});
    }
    List<String> missing = new ArrayList<>(rt.missingHeavyAtoms());
    missing.remove("OXT");
    boolean progress = true;
    while (!missing.isEmpty() && progress) {
      progress = false;
      for (String name : List.copyOf(missing)) {
        String[] frame = frame(t, name, placed);
        if (frame == null) {
          continue;
        }
        double[] at = place(ideal, r.name(), name, frame, placed);
        if (at == null) {
          return null;
        }
        placed.put(name, at);
        missing.remove(name);
        built.add(name);
        progress = true;
      }
    }
    if (!missing.isEmpty()) {
      return null;
    }
    List<Atom> atoms = new ArrayList<>();
    for (var ta : t.atoms()) {
      double[] p = placed.get(ta.name());
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

  /** Parent, grandparent and a third placed heavy atom for {@code name}, or {@code null} when there are not three. */
  private static String[] frame(ResidueTemplate t, String name, Map<String, double[]> placed) {
    int m = t.indexOf(name);
    for (int p : t.neighbours(m)) {
      String parent = t.atom(p).name();
      if (t.atom(p).isHydrogen() || !placed.containsKey(parent)) {
        continue;
      }
      for (int a : t.neighbours(p)) {
        String grand = t.atom(a).name();
        if (a == m || t.atom(a).isHydrogen() || !placed.containsKey(grand)) {
          continue;
        }
        // The third atom: bonded to the grandparent, else another neighbour of the parent (an improper frame).
        for (int[] candidates : new int[][] {t.neighbours(a), t.neighbours(p)}) {
          for (int c : candidates) {
            String third = t.atom(c).name();
            if (c != m && c != p && c != a && !t.atom(c).isHydrogen() && placed.containsKey(third)) {
              return new String[] {parent, grand, third};
            }
          }
        }
      }
    }
    return null;
  }

  private static double[] place(ResidueGeometry ideal, String residue, String name, String[] frame, Map<String, double[]> placed) {
    double[] xm = ideal.position(residue, name);
    double[] xp = ideal.position(residue, frame[0]);
    double[] xa = ideal.position(residue, frame[1]);
    double[] xt = ideal.position(residue, frame[2]);
    if (xm == null || xp == null || xa == null || xt == null) {
      return null;
    }
    double[] template = {xm[0], xm[1], xm[2], xp[0], xp[1], xp[2], xa[0], xa[1], xa[2], xt[0], xt[1], xt[2]};
    double bond = InternalCoordinates.distance(template, 0, 3);
    double angle = InternalCoordinates.angle(template, 0, 3, 6);
    double torsion = InternalCoordinates.torsion(template, 0, 3, 6, 9);
    double[] p = placed.get(frame[0]), a = placed.get(frame[1]), t = placed.get(frame[2]);
    double[] xyz = {0, 0, 0, p[0], p[1], p[2], a[0], a[1], a[2], t[0], t[1], t[2]};
    InternalCoordinates.place(xyz, 0, 3, 6, 9, bond, angle, torsion);
    return new double[] {xyz[0], xyz[1], xyz[2]};
  }
}
