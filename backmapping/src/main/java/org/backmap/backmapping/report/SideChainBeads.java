package org.backmap.backmapping.report;

import java.util.List;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.md.bat.BatConverter;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.templates.TemplateLibrary;

/**
 * The bead (centre of mass, {@link CgMapper#bead}) of a side chain rebuilt from a BAT vector and an example's
 * three Z-matrix roots ({@code ExampleBatch.roots()}, absolute Angstrom): where a generated side chain puts the
 * bead it was generated for. Instances hold scratch buffers: use one per thread.
 */
public final class SideChainBeads {
  private final ZMatrix z;
  private final TemplateLibrary library = TemplateLibrary.ff14SB();
  private final double[] xyz;
  private final double[] row;

  private SideChainBeads(ZMatrix z) {
    this.z = z;
    this.xyz = new double[3 * z.atomNames().size()];
    this.row = new double[z.size()];
  }

  /**
   * The rebuilder of a side-chain type (GLY included).
   *
   * @throws IllegalArgumentException for an unknown type or an N-terminal type, which has no bead of its own
   */
  public static SideChainBeads of(String type) {
    ZMatrix z = BatLayout.zMatrix(type);
    if (z.group() != BatGroup.SIDECHAIN) {
      throw new IllegalArgumentException(type + " is not a side chain: it has no bead");
    }
    return new SideChainBeads(z);
  }

  /** Names of the roots followed by the placed atoms, the order of {@link #rebuild}'s coordinates. */
  public List<String> atomNames() {
    return z.atomNames();
  }

  /**
   * The atoms of the side chain whose BAT vector is {@code bat[batOffset ...]} and whose roots are
   * {@code roots[rootsOffset ... + 9]}: roots then placed atoms, 3 values each (a buffer reused by the next call).
   */
  public double[] rebuild(double[] bat, int batOffset, double[] roots, int rootsOffset) {
    System.arraycopy(roots, rootsOffset, xyz, 0, 9);
    System.arraycopy(bat, batOffset, row, 0, row.length);
    BatConverter.toCartesian(z, row, 1, xyz);
    return xyz;
  }

  /** The bead of that side chain, absolute Angstrom like the roots: {@code [x, y, z]}. */
  public double[] bead(double[] bat, int batOffset, double[] roots, int rootsOffset) {
    return CgMapper.bead(library, z, rebuild(bat, batOffset, roots, rootsOffset), 0);
  }
}
