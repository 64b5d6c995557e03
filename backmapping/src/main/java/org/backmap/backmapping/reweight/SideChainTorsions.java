package org.backmap.backmapping.reweight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.md.templates.ResidueTemplate;

/**
 * The IUPAC side-chain torsions chi1 (N-CA-CB-X) and chi2 (CA-CB-X-Y) of every residue of a protein that has
 * them, in degrees in (-180, 180], from all-atom coordinates in a {@link ProteinLayout}'s order: the observables
 * whose histograms the reweighting study compares with the reference simulation.
 */
public final class SideChainTorsions {
  /** The gamma atom per residue name (chi1's last atom). */
  private static final Map<String, String> GAMMA = Map.ofEntries(Map.entry("SER", "OG"), Map.entry("CYS", "SG"),
      Map.entry("CYX", "SG"), Map.entry("CYM", "SG"), Map.entry("THR", "OG1"), Map.entry("VAL", "CG1"), Map.entry("ILE", "CG1"));
  /** The delta atom per residue name (chi2's last atom); residues absent have no chi2. */
  private static final Map<String, String> DELTA = Map.ofEntries(Map.entry("ASP", "OD1"), Map.entry("ASH", "OD1"),
      Map.entry("ASN", "OD1"), Map.entry("GLU", "CD"), Map.entry("GLH", "CD"), Map.entry("GLN", "CD"), Map.entry("MET", "SD"),
      Map.entry("ARG", "CD"), Map.entry("LYS", "CD"), Map.entry("LYN", "CD"), Map.entry("PRO", "CD"), Map.entry("LEU", "CD1"),
      Map.entry("ILE", "CD1"), Map.entry("PHE", "CD1"), Map.entry("TYR", "CD1"), Map.entry("TRP", "CD1"), Map.entry("HID", "ND1"),
      Map.entry("HIE", "ND1"), Map.entry("HIP", "ND1"));

  private final List<String> names = new ArrayList<>();
  private final List<int[]> quads = new ArrayList<>();

  /** The torsions of {@code layout}'s residues. */
  public SideChainTorsions(ProteinLayout layout) {
    for (int i = 0; i < layout.residues(); i++) {
      ResidueTemplate t = layout.template(i);
      String res = t.residueName();
      String gamma = GAMMA.getOrDefault(res, "CG");
      if (!t.has("CB") || !t.has(gamma)) {
        continue;
      }
      int first = layout.firstAtom(i);
      String label = res + layout.cg().residues().get(i).number();
      names.add("chi1_" + label);
      quads.add(new int[] {first + t.indexOf("N"), first + t.indexOf("CA"), first + t.indexOf("CB"), first + t.indexOf(gamma)});
      String delta = DELTA.get(res);
      if (delta != null && t.has(delta)) {
        names.add("chi2_" + label);
        quads.add(new int[] {first + t.indexOf("CA"), first + t.indexOf("CB"), first + t.indexOf(gamma), first + t.indexOf(delta)});
      }
    }
  }

  /** Names, e.g. {@code chi1_TYR2}, {@code chi2_TYR2}, in residue order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** Number of torsions. */
  public int count() {
    return names.size();
  }

  /** The torsions of {@code xyz} (Angstrom, layout order), degrees. */
  public double[] compute(double[] xyz) {
    double[] out = new double[quads.size()];
    for (int k = 0; k < out.length; k++) {
      int[] q = quads.get(k);
      out[k] = Math.toDegrees(dihedral(xyz, q[0], q[1], q[2], q[3]));
    }
    return out;
  }

  /** The IUPAC dihedral i-j-k-l in radians, (-pi, pi]. */
  static double dihedral(double[] x, int i, int j, int k, int l) {
    double b1x = x[3 * j] - x[3 * i], b1y = x[3 * j + 1] - x[3 * i + 1], b1z = x[3 * j + 2] - x[3 * i + 2];
    double b2x = x[3 * k] - x[3 * j], b2y = x[3 * k + 1] - x[3 * j + 1], b2z = x[3 * k + 2] - x[3 * j + 2];
    double b3x = x[3 * l] - x[3 * k], b3y = x[3 * l + 1] - x[3 * k + 1], b3z = x[3 * l + 2] - x[3 * k + 2];
    double n1x = b1y * b2z - b1z * b2y, n1y = b1z * b2x - b1x * b2z, n1z = b1x * b2y - b1y * b2x;
    double n2x = b2y * b3z - b2z * b3y, n2y = b2z * b3x - b2x * b3z, n2z = b2x * b3y - b2y * b3x;
    double mx = n1y * n2z - n1z * n2y, my = n1z * n2x - n1x * n2z, mz = n1x * n2y - n1y * n2x;
    double len = Math.sqrt(b2x * b2x + b2y * b2y + b2z * b2z);
    return Math.atan2((mx * b2x + my * b2y + mz * b2z) / len, n1x * n2x + n1y * n2y + n1z * n2z);
  }
}
