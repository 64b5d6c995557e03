package org.backmap.backmapping.reweight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.md.geometry.InternalCoordinates;
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
      out[k] = Math.toDegrees(InternalCoordinates.torsion(xyz, 3 * q[0], 3 * q[1], 3 * q[2], 3 * q[3]));
    }
    return out;
  }
}
