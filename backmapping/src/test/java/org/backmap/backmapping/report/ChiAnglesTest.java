package org.backmap.backmapping.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.dataset.TrainingExample;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Residue;
import org.backmap.md.topology.ResidueTopology;
import org.junit.jupiter.api.Test;

class ChiAnglesTest {

  @Test
  void everyTypeHasItsChainInItsZMatrix() {
    Map<String, Integer> expected = new TreeMap<>(Map.of("ALA", 0, "SER", 1, "VAL", 1, "THR", 1, "LEU", 2, "PHE", 2,
        "MET", 3, "GLU", 3, "LYS", 4, "ARG", 4));
    expected.putAll(Map.of("CYX", 1, "HIE", 2, "GLY", 0, ResidueType.NTERM, 0, ResidueType.NPRO, 0, "HYP", 2,
        "LYN", 4, "CYM", 1));
    for (String type : ResidueType.CONDITIONAL) {
      ChiAngles.of(type); // throws when a chain atom is not in the type's Z-matrix
    }
    expected.forEach((type, n) -> assertEquals(n, ChiAngles.of(type).count(), type));
    assertEquals("chi1 (C-CA-CB-OG1)", ChiAngles.of("THR").label(0));
    assertEquals("chi2 (CA-CB-CG1-CD1)", ChiAngles.of("ILE").label(1));
    assertEquals(List.of("CG", "CD", "NE", "CZ"), ChiAngles.of("ARG").atoms(3));
  }

  /**
   * chi from the BAT vector of extracted examples against the dihedrals of the structure's own atoms (BPTI and
   * crambin: every side-chain type with a chi2 but HIS and TRP), and chi1 from C against IUPAC's chi1 from N.
   */
  @Test
  void chiFromBatEqualsTheStructuresDihedrals() throws URISyntaxException {
    int compared = 0;
    int chi2 = 0;
    double improperMin = 360, improperMax = 0;
    for (String file : List.of("bpti.pdb", "1ab1_A.pdb")) {
      PreparedProtein protein = PreparedProtein.read(Path.of(getClass().getResource("/structures/" + file).toURI()));
      ExampleExtractor extractor = new ExampleExtractor(protein.topology());
      for (int i : extractor.targets(BatGroup.SIDECHAIN)) {
        ResidueTopology rt = protein.topology().residues().get(i);
        String type = ResidueType.of(rt.template(), BatGroup.SIDECHAIN);
        ChiAngles chi = ChiAngles.of(type);
        if (chi.count() == 0) {
          continue;
        }
        TrainingExample e = extractor.extract(i, BatGroup.SIDECHAIN, new int[0]);
        double[] fromBat = chi.compute(e.bat());
        for (int k = 0; k < chi.count(); k++) {
          List<String> atoms = chi.atoms(k);
          double expected = dihedral(rt.residue(), atoms.get(0), atoms.get(1), atoms.get(2), atoms.get(3));
          assertEquals(0, wrap(fromBat[k] - expected), 1e-9, rt.label() + " " + type + " " + chi.label(k));
          compared++;
          chi2 += k == 1 ? 1 : 0;
        }
        double iupac = dihedral(rt.residue(), "N", "CA", "CB", chi.atoms(0).get(3));
        double improper = Math.abs(Math.toDegrees(wrap(fromBat[0] - iupac)));
        improperMin = Math.min(improperMin, improper);
        improperMax = Math.max(improperMax, improper);
      }
    }
    assertTrue(compared > 100 && chi2 > 40, compared + " torsions, " + chi2 + " chi2");
    // C-CA-CB-X and N-CA-CB-X differ by the dihedral of N and C about CA-CB: about 120 degrees (measured here:
    // 115 to 139)
    assertTrue(improperMin > 105 && improperMax < 145, "|chi1(C) - chi1(N)| in [" + improperMin + ", " + improperMax + "]");
  }

  /** The IUPAC dihedral a-b-c-d of four atoms of {@code r}, computed here from scratch (degrees not needed). */
  static double dihedral(Residue r, String a, String b, String c, String d) {
    double[] p0 = xyz(r.atom(a)), p1 = xyz(r.atom(b)), p2 = xyz(r.atom(c)), p3 = xyz(r.atom(d));
    double[] b0 = sub(p0, p1), b1 = sub(p2, p1), b2 = sub(p3, p2);
    double n = Math.sqrt(dot(b1, b1));
    double[] u = {b1[0] / n, b1[1] / n, b1[2] / n};
    // components of b0 and b2 perpendicular to the central bond
    double[] v = sub(b0, scale(u, dot(b0, u)));
    double[] w = sub(b2, scale(u, dot(b2, u)));
    return Math.atan2(dot(cross(u, v), w), dot(v, w));
  }

  private static double[] xyz(Atom a) {
    return new double[] {a.x(), a.y(), a.z()};
  }

  private static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  private static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  static double wrap(double x) {
    return Math.IEEEremainder(x, 2 * Math.PI);
  }
}
