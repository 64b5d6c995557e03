package org.backmap.md.hydrogens;

import static org.backmap.md.geometry.Vec3.add;
import static org.backmap.md.geometry.Vec3.at;
import static org.backmap.md.geometry.Vec3.cross;
import static org.backmap.md.geometry.Vec3.dot;
import static org.backmap.md.geometry.Vec3.scale;
import static org.backmap.md.geometry.Vec3.sub;
import static org.backmap.md.geometry.Vec3.unit;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.templates.AtomType;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * Adds the missing hydrogens of every residue from template geometry, and a missing C-terminal OXT (in the
 * carboxylate plane, opposite the bisector of C-O and C-CA, at the ff14SB C-O length).
 *
 * <p>For a heavy atom P with k known neighbours (bonded atoms present, including the peptide and disulfide
 * partners) and missing hydrogens H, the hybridisation is read from P's template valence n (bonds within the
 * residue plus external bonds). Every hydrogen sits at the ff14SB equilibrium P-H length. Directions:
 * <ul>
 *   <li>n = 4, k = 3: opposite the sum of the three bond unit vectors (e.g. HA);
 *   <li>n = 4, k = 2: the two directions whose angles to both neighbours are the ff14SB equilibrium angles,
 *       the first template hydrogen on the side given by {@link #FIRST_H_SIDE} (e.g. HB2 / HB3);
 *   <li>n = 4, k = 1: equilibrium angle, torsions 180, -60, +60 degrees from a reference atom bonded to the
 *       neighbour, i.e. staggered (methyl, NH3+);
 *   <li>n = 3, k = 2: in plane, opposite the bisector (aromatic CH, amide NH);
 *   <li>n = 3, k = 1: equilibrium angle, in plane at torsions 180 and 0 (NH2 of ASN, GLN, ARG);
 *   <li>n = 2, k = 1: equilibrium angle, torsion 180 (OH, SH).
 * </ul>
 * The torsion reference atom is the first heavy atom, in template order, bonded to the neighbour.
 */
public final class HydrogenCompleter {
  /**
   * Side of the first-named hydrogen of a CH2 / NH2(sp3) group: the sign of (u1 x u2) . d, with u1, u2 the
   * unit vectors to the known neighbours in template order. Fixed so names follow the PDB convention.
   */
  static final double FIRST_H_SIDE = -1;
  /** Below this squared out-of-plane component the two-neighbour construction is degenerate. */
  private static final double MIN_OUT_OF_PLANE = 0.05;
  private static final double HALF_TETRAHEDRAL = Math.toRadians(109.47 / 2);

  private HydrogenCompleter() {}

  /** Completes the hydrogens of {@code topology}'s structure; the topology is rebuilt on the result. */
  public static Completion complete(Topology topology) {
    TemplateLibrary lib = topology.library();
    List<ResidueTopology> residues = topology.residues();
    List<Residue> done = new ArrayList<>();
    List<String> unplaced = new ArrayList<>();
    int added = 0;
    int addedOxt = 0;
    for (ResidueTopology rt : residues) {
      ResidueTemplate t = rt.template();
      int n = t.size();
      double[] xyz = new double[3 * n];
      boolean[] present = new boolean[n];
      ResidueState residue = new ResidueState(t, xyz, present);
      for (Atom a : rt.residue().atoms()) {
        int i = t.indexOf(a.name());
        xyz[3 * i] = a.x();
        xyz[3 * i + 1] = a.y();
        xyz[3 * i + 2] = a.z();
        present[i] = true;
      }
      int oxt = t.indexOf("OXT");
      int c = t.indexOf("C");
      if (oxt >= 0 && !present[oxt] && present[c] && present[t.indexOf("O")] && present[t.indexOf("CA")]) {
        // A C-terminal carboxylate without OXT (common in crystal structures), completed like pdbfixer does.
        double[] pc = at(xyz, c);
        double[] s = add(unit(sub(at(xyz, t.indexOf("O")), pc)), unit(sub(at(xyz, t.indexOf("CA")), pc)));
        double[] pos = add(pc, scale(unit(s), -lib.bondLength(t.atom(c).type(), t.atom(oxt).type())));
        System.arraycopy(pos, 0, xyz, 3 * oxt, 3);
        present[oxt] = true;
        addedOxt++;
      }
      for (int p = 0; p < n; p++) {
        if (!present[p] || t.atom(p).isHydrogen()) {
          continue;
        }
        List<Integer> missing = new ArrayList<>();
        for (int q : t.neighbours(p)) {
          if (!present[q] && t.atom(q).isHydrogen()) {
            missing.add(q);
          }
        }
        if (missing.isEmpty()) {
          continue;
        }
        // Known neighbours: present template neighbours, then the external partner.
        List<Neighbour> known = new ArrayList<>();
        for (int q : knownOrder(t, p)) {
          if (present[q]) {
            known.add(new Neighbour(at(xyz, q), t.atom(q).type(), q));
          }
        }
        double[] partner = externalPartner(rt, t.atom(p).name(), residues);
        if (partner != null) {
          known.add(new Neighbour(partner, externalPartnerType(rt, t.atom(p).name(), residues), -1));
        }
        int valence = t.neighbours(p).length + (t.externalBonds().contains(t.atom(p).name()) ? 1 : 0);
        double[][] placed = place(lib, residue, new HydrogenGroup(p, known, missing, valence));
        for (int m = 0; m < missing.size(); m++) {
          int h = missing.get(m);
          if (placed == null) {
            unplaced.add(rt.label() + " " + t.atom(h).name());
            continue;
          }
          System.arraycopy(placed[m], 0, xyz, 3 * h, 3);
          present[h] = true;
          added++;
        }
      }
      for (int h = 0; h < n; h++) {
        // Hydrogens whose parent heavy atom is itself missing (the others were reported above).
        boolean parentPresent = t.neighbours(h).length > 0 && present[t.neighbours(h)[0]];
        if (!present[h] && t.atom(h).isHydrogen() && !parentPresent) {
          unplaced.add(rt.label() + " " + t.atom(h).name());
        }
      }
      List<Atom> atoms = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (present[i]) {
          atoms.add(new Atom(t.atom(i).name(), t.atom(i).type().element(), xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]));
        }
      }
      done.add(rt.residue().withAtoms(atoms));
    }
    List<Chain> chains = new ArrayList<>();
    int k = 0;
    for (Chain c : topology.structure().chains()) {
      chains.add(c.withResidues(done.subList(k, k + c.residues().size())));
      k += c.residues().size();
    }
    Structure completed = topology.structure().withChains(chains);
    Topology rebuilt = Topology.build(completed, lib, topology.breakPolicy());
    return new Completion(completed, rebuilt, added, addedOxt, unplaced);
  }

  private static double[] externalPartner(ResidueTopology rt, String atom, List<ResidueTopology> all) {
    Atom a = null;
    if (atom.equals("N") && rt.bondedToPrevious()) {
      a = all.get(rt.index() - 1).residue().atom("C");
    } else if (atom.equals("C") && rt.bondedToNext()) {
      a = all.get(rt.index() + 1).residue().atom("N");
    } else if (atom.equals("SG") && rt.disulfidePartner() >= 0) {
      a = all.get(rt.disulfidePartner()).residue().atom("SG");
    }
    return a == null ? null : new double[] {a.x(), a.y(), a.z()};
  }

  private static AtomType externalPartnerType(ResidueTopology rt, String atom, List<ResidueTopology> all) {
    ResidueTemplate other = switch (atom) {
      case "N" -> all.get(rt.index() - 1).template();
      case "C" -> all.get(rt.index() + 1).template();
      default -> all.get(rt.disulfidePartner()).template();
    };
    String name = atom.equals("N") ? "C" : atom.equals("C") ? "N" : "SG";
    return other.atom(other.indexOf(name)).type();
  }

  /** One residue being completed: coordinates in template order and which template atoms have them. */
  private record ResidueState(ResidueTemplate template, double[] xyz, boolean[] present) {}

  /** A bonded neighbour of a parent atom with known position; {@code templateIndex} -1 for another residue's. */
  private record Neighbour(double[] position, AtomType type, int templateIndex) {}

  /**
   * A heavy atom and its missing hydrogens: {@code parent} and {@code missing} are template indices,
   * {@code valence} counts the parent's template bonds including the external one.
   */
  private record HydrogenGroup(int parent, List<Neighbour> known, List<Integer> missing, int valence) {}

  /** Positions for the missing hydrogens of the group, or {@code null} when the case is not determined. */
  private static double[][] place(TemplateLibrary lib, ResidueState residue, HydrogenGroup group) {
    ResidueTemplate t = residue.template();
    List<Neighbour> known = group.known();
    List<Integer> missing = group.missing();
    int valence = group.valence();
    int k = known.size();
    if (k == 0) {
      return null;
    }
    double[] pp = at(residue.xyz(), group.parent());
    AtomType pt = t.atom(group.parent()).type();
    double[][] out = new double[missing.size()][];
    double[][] u = new double[k][];
    for (int i = 0; i < k; i++) {
      u[i] = unit(sub(known.get(i).position(), pp));
    }
    if (k >= 2 && (valence == 3 || valence == 4 && k == 3)) {
      // One hydrogen opposite the other bonds (trigonal planar, or the last tetrahedral site).
      double[] s = new double[3];
      for (double[] v : u) {
        s = add(s, v);
      }
      double[] d = scale(unit(s), -1);
      for (int m = 0; m < missing.size(); m++) {
        out[m] = add(pp, scale(d, length(lib, pt, t.atom(missing.get(m)).type())));
      }
      return missing.size() == 1 ? out : null;
    }
    if (k == 2 && valence == 4) {
      for (int m = 0; m < missing.size(); m++) {
        AtomType ht = t.atom(missing.get(m)).type();
        double c1 = Math.cos(lib.angleValue(known.get(0).type(), pt, ht));
        double c2 = Math.cos(lib.angleValue(known.get(1).type(), pt, ht));
        double g = dot(u[0], u[1]);
        double alpha = (c1 - g * c2) / (1 - g * g);
        double beta = (c2 - g * c1) / (1 - g * g);
        double gamma2 = 1 - (alpha * alpha + beta * beta + 2 * alpha * beta * g);
        double[] w = unit(cross(u[0], u[1]));
        double side = (m == 0 ? 1 : -1) * FIRST_H_SIDE;
        double[] d;
        if (gamma2 > MIN_OUT_OF_PLANE) {
          d = add(add(scale(u[0], alpha), scale(u[1], beta)), scale(w, side * Math.sqrt(gamma2)));
        } else {
          // The heavy-atom angle is too wide for the template angles: the two hydrogens would coincide in the
          // plane. Put them tetrahedrally about the bisector instead (H-X-H 109.5 degrees).
          d = add(scale(unit(scale(add(u[0], u[1]), -1)), Math.cos(HALF_TETRAHEDRAL)), scale(w, side * Math.sin(HALF_TETRAHEDRAL)));
        }
        out[m] = add(pp, scale(d, length(lib, pt, ht)));
      }
      return out;
    }
    if (k == 1) {
      int a = known.get(0).templateIndex();
      double[] ref = a < 0 ? null : torsionReference(residue, a, group.parent(), valence == 3);
      if (ref == null) {
        return null;
      }
      double[] frame = new double[12];
      System.arraycopy(pp, 0, frame, 0, 3);
      System.arraycopy(known.get(0).position(), 0, frame, 3, 3);
      System.arraycopy(ref, 0, frame, 6, 3);
      double[] torsions = valence == 4 ? new double[] {Math.PI, -Math.PI / 3, Math.PI / 3}
          : valence == 3 ? new double[] {0, Math.PI} : new double[] {Math.PI};
      if (missing.size() > torsions.length) {
        return null;
      }
      for (int m = 0; m < missing.size(); m++) {
        AtomType ht = t.atom(missing.get(m)).type();
        InternalCoordinates.place(frame, 9, 0, 3, 6, length(lib, pt, ht), lib.angleValue(known.get(0).type(), pt, ht),
            torsions[m]);
        out[m] = at(frame, 3);
      }
      return out;
    }
    return null;
  }

  /**
   * The torsion reference bonded to {@code a} (other than {@code p}): the first present heavy atom in template
   * order, or for planar groups the heaviest (so HD21 is cis to OD1 in ASN, HH11 cis to NE in ARG).
   */
  private static double[] torsionReference(ResidueState residue, int a, int p, boolean heaviest) {
    ResidueTemplate t = residue.template();
    int best = -1;
    for (int q : t.neighbours(a)) {
      if (q != p && residue.present()[q] && t.atom(q).type().element() != Element.H
          && (best < 0 || heaviest && t.atom(q).type().mass() > t.atom(best).type().mass())) {
        best = q;
      }
    }
    return best < 0 ? null : at(residue.xyz(), best);
  }

  /**
   * Neighbours of {@code p} with its side-chain parent first (the atom it hangs from on the path from CA that
   * does not pass through N), then template order: PDB names HB2 / HB3 ... by this order, also in proline.
   */
  private static int[] knownOrder(ResidueTemplate t, int p) {
    int ca = t.indexOf("CA");
    int[] nb = t.neighbours(p);
    if (ca < 0 || p == ca) {
      return nb;
    }
    int[] parent = new int[t.size()];
    java.util.Arrays.fill(parent, -2);
    parent[ca] = -1;
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(ca));
    int n = t.indexOf("N");
    while (!queue.isEmpty()) {
      int x = queue.poll();
      if (x == n) {
        continue; // the backbone N does not lead into the side chain
      }
      for (int y : t.neighbours(x)) {
        if (parent[y] == -2) {
          parent[y] = x;
          queue.add(y);
        }
      }
    }
    int first = parent[p] >= 0 ? parent[p] : -1;
    int[] out = new int[nb.length];
    int k = 0;
    if (first >= 0) {
      out[k++] = first;
    }
    for (int q : nb) {
      if (q != first) {
        out[k++] = q;
      }
    }
    return out;
  }

  private static double length(TemplateLibrary lib, AtomType a, AtomType b) {
    return lib.bondLength(a, b);
  }
}
