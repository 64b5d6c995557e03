package org.backmap.md.hydrogens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.backmap.md.TestData;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

class HydrogenCompleterTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();
  /** Hydrogens whose position is set by a rotatable bond or a flip: their experimental positions vary. */
  private static final Set<String> ROTATABLE = Set.of("HG", "HG1", "HH", "HZ1", "HZ2", "HZ3", "H1", "H2", "H3", "HD2", "HE2",
      "HH11", "HH12", "HH21", "HH22", "HD21", "HD22", "HE21", "HE22");

  @Test
  void bondLengthsAndAnglesAreAtTemplateValues() {
    double worstBond = 0;
    double worstExact = 0;
    double worstAngle = 0;
    double sumSq = 0;
    int angles = 0;
    int bonds = 0;
    String worstWhere = "";
    for (String name : List.of("1UAO.pdb", "bpti.pdb", "1T2Y.pdb")) {
      Completion c = TestData.completed(name);
      assertTrue(c.unplaced().isEmpty(), c.unplaced().toString());
      assertTrue(c.topology().residues().stream().allMatch(ResidueTopology::complete), name);
      for (ResidueTopology rt : c.topology().residues()) {
        ResidueTemplate t = rt.template();
        Residue r = rt.residue();
        for (int h = 0; h < t.size(); h++) {
          if (!t.atom(h).isHydrogen()) {
            continue;
          }
          int p = t.neighbours(h)[0];
          Atom ah = r.atom(t.atom(h).name());
          Atom ap = r.atom(t.atom(p).name());
          worstBond = Math.max(worstBond, Math.abs(ah.distance(ap) - lib.bondLength(t.atom(h).type(), t.atom(p).type())));
          bonds++;
          int valence = t.neighbours(p).length + (t.externalBonds().contains(t.atom(p).name()) ? 1 : 0);
          long heavy = valence - java.util.Arrays.stream(t.neighbours(p)).filter(q -> t.atom(q).isHydrogen()).count();
          // The hydrogen's direction is fixed by its angles to the heavy neighbours when P has one heavy
          // neighbour, or two around a tetrahedral centre; otherwise (three heavy bonds, planar sites) it is
          // over-determined and placed opposite the other bonds.
          boolean determined = heavy == 1 || heavy == 2 && valence == 4;
          for (int q : t.neighbours(p)) {
            if (q == h) {
              continue;
            }
            double[] xyz = xyz(ah, ap, r.atom(t.atom(q).name()));
            double dev = Math.abs(InternalCoordinates.angle(xyz, 0, 3, 6) - lib.angleValue(t.atom(h).type(), t.atom(p).type(), t.atom(q).type()));
            if (determined && !t.atom(q).isHydrogen()) {
              worstExact = Math.max(worstExact, dev);
            }
            sumSq += dev * dev;
            angles++;
            if (dev > worstAngle) {
              worstAngle = dev;
              worstWhere = name + " " + rt.label() + " " + t.atom(h).name() + "-" + t.atom(p).name() + "-" + t.atom(q).name();
            }
          }
        }
      }
    }
    double rms = Math.toDegrees(Math.sqrt(sumSq / angles));
    System.out.printf("hydrogen completion: %d X-H bonds, max |b - b0| = %.2e A; determined H-X-heavy angles max dev %.2e deg;"
        + " all %d angles at H: rms dev %.2f deg, max %.2f deg (%s)%n",
        bonds, worstBond, Math.toDegrees(worstExact), angles, rms, Math.toDegrees(worstAngle), worstWhere);
    assertEquals(0, worstBond, 1e-9);
    assertEquals(0, Math.toDegrees(worstExact), 1e-6);
    assertTrue(rms < 3.5, "rms angle deviation " + rms);
  }

  @Test
  void namesAndPositionsMatchExperimentalHydrogens() {
    int compared = 0;
    int far = 0;
    for (String name : List.of("1UAO.pdb", "bpti.pdb", "1T2Y.pdb", "lysozyme-implicit.pdb")) {
      Topology original = Topology.build(TestData.read(name), lib, true);
      Completion c = TestData.completed(name);
      for (ResidueTopology rt : original.residues()) {
        Residue done = c.topology().residues().get(rt.index()).residue();
        ResidueTemplate t = rt.template();
        for (Atom a : rt.residue().atoms()) {
          int p = t.neighbours(t.indexOf(a.name()))[0];
          boolean methyl = a.element() == Element.H && t.neighbours(p).length == 4
              && java.util.Arrays.stream(t.neighbours(p)).filter(q -> t.atom(q).isHydrogen()).count() == 3;
          if (a.element() != Element.H || ROTATABLE.contains(a.name()) || methyl) {
            continue;
          }
          compared++;
          if (a.distance(done.atom(a.name())) > 0.5) {
            far++;
          }
        }
      }
    }
    System.out.printf("hydrogen completion: %d of %d non-rotatable hydrogens within 0.5 A of the experimental ones%n", compared - far, compared);
    assertTrue(compared > 1000);
    assertTrue(far <= compared / 100, far + " of " + compared + " hydrogens misplaced or misnamed");
  }

  @Test
  void methylsAreStaggeredAndNamedInTheirCyclicOrder() {
    Completion c = TestData.completed("bpti.pdb");
    for (ResidueTopology rt : c.topology().residues()) {
      if (!rt.template().residueName().equals("ALA")) {
        continue;
      }
      Residue r = rt.residue();
      double[] t = new double[3];
      for (int k = 0; k < 3; k++) {
        t[k] = InternalCoordinates.torsion(xyz(r.atom("N"), r.atom("CA"), r.atom("CB"), r.atom("HB" + (k + 1))), 0, 3, 6, 9);
      }
      assertEquals(Math.PI, Math.abs(t[0]), 1e-9, "HB1 anti to N");
      assertEquals(2 * Math.PI / 3, InternalCoordinates.wrap(t[1] - t[0]), 1e-9);
      assertEquals(-2 * Math.PI / 3, InternalCoordinates.wrap(t[2] - t[0]), 1e-9);
    }
  }

  private static double[] xyz(Atom... atoms) {
    double[] out = new double[3 * atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      out[3 * i] = atoms[i].x();
      out[3 * i + 1] = atoms[i].y();
      out[3 * i + 2] = atoms[i].z();
    }
    return out;
  }
}
