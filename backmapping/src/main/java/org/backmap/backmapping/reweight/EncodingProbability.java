package org.backmap.backmapping.reweight;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.ResidueTemplate;

/**
 * The encoding probability {@code log P1(R | r)} of a CG structure R given an all-atom structure r: the CG atoms are
 * copied (a delta, which decoding satisfies exactly and which therefore adds nothing), and each bead is the centre
 * of mass of its residue's bead atoms ({@link CgMapper#NOT_IN_BEAD} excluded) blurred by a zero-centred Laplace
 * distribution per Cartesian axis with the residue type's scale b: {@code sum over beads and axes of
 * [-log(2 b) - |R - com(r)| / b]}, a density in Angstrom^-3 per bead.
 */
public final class EncodingProbability {
  private final ProteinLayout layout;
  private final int[] residues;
  private final double[] scale;
  private final int[][] atoms;
  private final double[][] masses;

  private EncodingProbability(ProteinLayout layout, int[] residues, double[] scale, int[][] atoms, double[][] masses) {
    this.layout = layout;
    this.residues = residues;
    this.scale = scale;
    this.atoms = atoms;
    this.masses = masses;
  }

  /**
   * The encoding of {@code layout}'s protein with Laplace scales by residue type (Angstrom, e.g.
   * {@code ModelSet.laplaceScales()}).
   *
   * @throws StructureException naming the residue whose type has no scale
   */
  public static EncodingProbability of(ProteinLayout layout, Map<String, Double> scales) {
    List<Integer> res = new ArrayList<>();
    List<Double> sc = new ArrayList<>();
    List<int[]> at = new ArrayList<>();
    List<double[]> ms = new ArrayList<>();
    for (int i = 0; i < layout.residues(); i++) {
      if (layout.bead(i) == null) {
        continue;
      }
      ResidueTemplate t = layout.template(i);
      List<Integer> idx = new ArrayList<>();
      List<Double> m = new ArrayList<>();
      for (int k = 0; k < t.size(); k++) {
        if (!CgMapper.NOT_IN_BEAD.contains(t.atom(k).name())) {
          idx.add(layout.firstAtom(i) + k);
          m.add(t.atom(k).type().element().mass());
        }
      }
      if (idx.isEmpty()) {
        continue;
      }
      String type = ResidueType.of(t, BatGroup.SIDECHAIN);
      Double b = scales.get(type);
      if (b == null || !(b > 0)) {
        throw new StructureException(layout.cg().source(), "residue " + (i + 1) + " " + type + ": no Laplace scale of its bead with the models");
      }
      res.add(i);
      sc.add(b);
      at.add(idx.stream().mapToInt(Integer::intValue).toArray());
      ms.add(m.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new EncodingProbability(layout, res.stream().mapToInt(Integer::intValue).toArray(), sc.stream().mapToDouble(Double::doubleValue).toArray(),
        at.toArray(int[][]::new), ms.toArray(double[][]::new));
  }

  /** Beads counted. */
  public int beads() {
    return residues.length;
  }

  /** {@code log P1(R | r)} with R the layout's own CG frame and r {@code xyz} (Angstrom, layout order). */
  public double logProb(double[] xyz) {
    return logProb(xyz, layout);
  }

  /** {@code log P1(R | r)} with R the CG frame {@code frame} (of this protein) and r {@code xyz}. */
  public double logProb(double[] xyz, ProteinLayout frame) {
    double sum = 0;
    for (int k = 0; k < residues.length; k++) {
      double[] com = centreOfMass(xyz, k);
      double[] bead = frame.bead(residues[k]);
      double b = scale[k];
      for (int c = 0; c < 3; c++) {
        sum += -Math.log(2 * b) - Math.abs(bead[c] - com[c]) / b;
      }
    }
    return sum;
  }

  private double[] centreOfMass(double[] xyz, int k) {
    double m = 0, x = 0, y = 0, z = 0;
    for (int a = 0; a < atoms[k].length; a++) {
      double w = masses[k][a];
      int g = 3 * atoms[k][a];
      m += w;
      x += w * xyz[g];
      y += w * xyz[g + 1];
      z += w * xyz[g + 2];
    }
    return new double[] {x / m, y / m, z / m};
  }
}
