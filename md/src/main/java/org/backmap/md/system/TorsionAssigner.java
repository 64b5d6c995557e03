package org.backmap.md.system;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.forcefield.TorsionType;
import org.backmap.md.forcefield.TypePattern;
import org.backmap.md.structure.Element;
import org.backmap.md.templates.AtomType;

/**
 * Assigns periodic torsion parameters to proper and improper torsions, following OpenMM 7.7's
 * {@code PeriodicTorsionGenerator} so that the same atoms get the same terms in the same order.
 *
 * <p>Propers: the first definition without wildcards that matches (forwards or backwards) wins, else the first
 * wildcard definition. Impropers (centre c bonded to x, y, z): every definition is tried in file order, the
 * centre against its first pattern and the three neighbours against the other three in every permutation; a
 * later specific match replaces an earlier one and wildcard definitions only count until something matched.
 * The atom order of the matched torsion then follows the {@code amber} rule: the outer atoms (a2, a3, a4) are
 * swapped into ascending (residue index, template atom index) order wherever they are interchangeable (same
 * type for specific definitions, same element for wildcard ones; a2/a3 always for wildcard ones), and the
 * torsion is (a2, a3, c, a4). As in OpenMM, the permutation found for the first improper of a given type
 * signature is reused for later impropers with the same signature.
 */
final class TorsionAssigner {
  /** Atom attributes the improper ordering rule reads. */
  interface Atoms {
    AtomType type(int atom);

    Element element(int atom);

    int residueIndex(int atom);

    int templateIndex(int atom);
  }

  private final List<TorsionType> propers;
  private final List<TorsionType> impropers;
  private final Atoms atoms;
  private final Map<String, TorsionType> properCache = new HashMap<>();
  private final Map<String, int[]> improperCache = new HashMap<>();
  private final Map<String, TorsionType> improperTypeCache = new HashMap<>();

  TorsionAssigner(List<TorsionType> propers, List<TorsionType> impropers, String ordering, Atoms atoms) {
    if (!ordering.equals("amber")) {
      throw new IllegalArgumentException("only the 'amber' improper ordering is implemented, the force field uses '" + ordering + "'");
    }
    this.propers = propers;
    this.impropers = impropers;
    this.atoms = atoms;
  }

  /** The definition for proper torsion (a, b, c, d), or {@code null} when none matches. */
  TorsionType proper(int[] t) {
    AtomType t1 = atoms.type(t[0]), t2 = atoms.type(t[1]), t3 = atoms.type(t[2]), t4 = atoms.type(t[3]);
    String key = t1.name() + "|" + t2.name() + "|" + t3.name() + "|" + t4.name();
    String reverse = t4.name() + "|" + t3.name() + "|" + t2.name() + "|" + t1.name();
    if (properCache.containsKey(key)) {
      return properCache.get(key);
    }
    TorsionType match = null;
    for (TorsionType def : propers) {
      boolean forward = def.pattern(0).matches(t1) && def.pattern(1).matches(t2) && def.pattern(2).matches(t3) && def.pattern(3).matches(t4);
      boolean backward = def.pattern(0).matches(t4) && def.pattern(1).matches(t3) && def.pattern(2).matches(t2) && def.pattern(3).matches(t1);
      if (forward || backward) {
        if (match == null || !def.hasWildcard()) {
          match = def;
        }
        if (!def.hasWildcard()) {
          break;
        }
      }
    }
    properCache.put(key, match);
    properCache.put(reverse, match);
    return match;
  }

  /**
   * The ordered atoms (a1, a2, a3, a4) and definition of improper candidate {@code (centre, x, y, z)}, or
   * {@code null} when none matches.
   */
  Assignment improper(int[] t) {
    String key = atoms.type(t[0]).name() + "|" + atoms.type(t[1]).name() + "|" + atoms.type(t[2]).name() + "|" + atoms.type(t[3]).name();
    if (improperCache.containsKey(key)) {
      int[] pos = improperCache.get(key);
      return pos == null ? null : new Assignment(new int[] {t[pos[0]], t[pos[1]], t[pos[2]], t[pos[3]]}, improperTypeCache.get(key));
    }
    Assignment match = matchImproper(t);
    if (match == null) {
      improperCache.put(key, null);
    } else {
      int[] pos = new int[4];
      for (int k = 0; k < 4; k++) {
        pos[k] = indexOf(t, match.atoms()[k]);
      }
      improperCache.put(key, pos);
      improperTypeCache.put(key, match.type());
    }
    return match;
  }

  private static final int[][] PERMUTATIONS = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}};

  private Assignment matchImproper(int[] t) {
    Assignment match = null;
    for (TorsionType def : impropers) {
      boolean wildcard = def.hasWildcard();
      if (match != null && wildcard) {
        continue;
      }
      if (!def.pattern(0).matches(atoms.type(t[0]))) {
        continue;
      }
      for (int[] p : PERMUTATIONS) {
        TypePattern p2 = def.pattern(1), p3 = def.pattern(2), p4 = def.pattern(3);
        int a2 = t[p[0]], a3 = t[p[1]], a4 = t[p[2]];
        if (!(p2.matches(atoms.type(a2)) && p3.matches(atoms.type(a3)) && p4.matches(atoms.type(a4)))) {
          continue;
        }
        if (!wildcard) {
          if (atoms.type(a2) == atoms.type(a4) && after(a2, a4)) {
            int s = a2; a2 = a4; a4 = s;
          }
          if (atoms.type(a3) == atoms.type(a4) && after(a3, a4)) {
            int s = a3; a3 = a4; a4 = s;
          }
          if (atoms.type(a2) == atoms.type(a3) && after(a2, a3)) {
            int s = a2; a2 = a3; a3 = s;
          }
        } else {
          if (atoms.element(a2) == atoms.element(a4) && after(a2, a4)) {
            int s = a2; a2 = a4; a4 = s;
          }
          if (atoms.element(a3) == atoms.element(a4) && after(a3, a4)) {
            int s = a3; a3 = a4; a4 = s;
          }
          if (after(a2, a3)) {
            int s = a2; a2 = a3; a3 = s;
          }
        }
        match = new Assignment(new int[] {a2, a3, t[0], a4}, def);
        break;
      }
    }
    return match;
  }

  /** Whether atom a comes after atom b in (residue index, template atom index) order. */
  private boolean after(int a, int b) {
    int ra = atoms.residueIndex(a), rb = atoms.residueIndex(b);
    return ra > rb || (ra == rb && atoms.templateIndex(a) > atoms.templateIndex(b));
  }

  private static int indexOf(int[] t, int atom) {
    for (int k = 0; k < t.length; k++) {
      if (t[k] == atom) {
        return k;
      }
    }
    throw new IllegalStateException("atom " + atom + " not in torsion");
  }

  /** A matched torsion: ordered atoms and definition. */
  record Assignment(int[] atoms, TorsionType type) {}
}
