package org.backmap.backmapping.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backmap.backmapping.model.BatLayout;
import org.backmap.md.bat.BatConverter;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.geometry.InternalCoordinates;

/**
 * The side-chain torsions chi1 ... chi4 of a residue type, computed from its BAT vector.
 *
 * <p>Definition. chi_k is the dihedral of four consecutive atoms of the side chain's heavy-atom chain
 * {@code C, CA, CB, X1, X2, ...} ({@link #chain}): chi1 = C-CA-CB-X1, chi2 = CA-CB-X1-X2, and so on, in
 * {@code (-pi, pi]}, with the IUPAC choice of X at each branch (CG1 in ILE and VAL, OG1 in THR, ND1 in histidine,
 * CD1 in LEU, PHE, TYR and TRP, OD1 and OE1 in the acids and amides). chi2 and later are IUPAC's; chi1 is measured
 * from C, not from N, because N is not part of the decoded group: it differs from IUPAC's N-CA-CB-X1 by the
 * near-rigid improper of the backbone at CA, about 120 degrees.
 *
 * <p>Why not read them off the BAT vector: the Z-matrix places each atom against its lightest neighbours, so the
 * stored torsions of X2, X3, ... are measured from hydrogens (LEU: CD1-CG-CB-HB2) and that of X1 is often an
 * offset from a hydrogen's (LEU: CG as an offset from HB2). The dihedrals are therefore taken from the atoms
 * rebuilt by {@link BatConverter#toCartesian} from a fixed frame of the three roots: a dihedral among the placed
 * atoms and the roots does not depend on where the roots are, nor on the C-CA-CB angle (the first atoms are placed
 * by their torsion about CA-CB from C), so this gives the same values as the real structure.
 *
 * <p>Instances hold a scratch buffer: use one per thread.
 */
public final class ChiAngles {
  /** The most torsions reported per type. */
  public static final int MAX = 4;

  /** Heavy atoms after CB along each type's chain, IUPAC branches (types not listed have no chi). */
  private static final Map<String, List<String>> CHAINS = Map.ofEntries(
      Map.entry("ARG", List.of("CG", "CD", "NE", "CZ")),
      Map.entry("ASN", List.of("CG", "OD1")),
      Map.entry("ASP", List.of("CG", "OD1")),
      Map.entry("ASH", List.of("CG", "OD1")),
      Map.entry("CYS", List.of("SG")),
      Map.entry("CYX", List.of("SG")),
      Map.entry("CYM", List.of("SG")),
      Map.entry("GLN", List.of("CG", "CD", "OE1")),
      Map.entry("GLU", List.of("CG", "CD", "OE1")),
      Map.entry("GLH", List.of("CG", "CD", "OE1")),
      Map.entry("HID", List.of("CG", "ND1")),
      Map.entry("HIE", List.of("CG", "ND1")),
      Map.entry("HIP", List.of("CG", "ND1")),
      Map.entry("HYP", List.of("CG", "CD")),
      Map.entry("ILE", List.of("CG1", "CD1")),
      Map.entry("LEU", List.of("CG", "CD1")),
      Map.entry("LYS", List.of("CG", "CD", "CE", "NZ")),
      Map.entry("LYN", List.of("CG", "CD", "CE", "NZ")),
      Map.entry("MET", List.of("CG", "SD", "CE")),
      Map.entry("PHE", List.of("CG", "CD1")),
      Map.entry("PRO", List.of("CG", "CD")),
      Map.entry("SER", List.of("OG")),
      Map.entry("THR", List.of("OG1")),
      Map.entry("TRP", List.of("CG", "CD1")),
      Map.entry("TYR", List.of("CG", "CD1")),
      Map.entry("VAL", List.of("CG1")));

  /** A frame for the roots C, CA, CB (Angstrom): CA at the origin, CB on x, C in the xy plane at 110 degrees. */
  private static final double[] ROOTS = {
      1.52 * Math.cos(Math.toRadians(110)), 1.52 * Math.sin(Math.toRadians(110)), 0, 0, 0, 0, 1.53, 0, 0};

  private final String type;
  private final ZMatrix z;
  private final List<String> chain;
  private final int[] atoms;
  private final double[] xyz;
  private final double[] row;

  private ChiAngles(String type, ZMatrix z, List<String> chain) {
    this.type = type;
    this.z = z;
    this.chain = chain;
    this.atoms = new int[chain.size()];
    List<String> names = z.atomNames();
    for (int i = 0; i < atoms.length; i++) {
      atoms[i] = names.indexOf(chain.get(i));
      if (atoms[i] < 0) {
        throw new IllegalStateException("atom " + chain.get(i) + " of the chi chain is not in the Z-matrix of " + type);
      }
    }
    this.xyz = new double[3 * names.size()];
    this.row = new double[z.size()];
  }

  /**
   * The chi torsions of {@code type} (none for ALA, GLY, the N-terminal types and any type without a chain).
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static ChiAngles of(String type) {
    ZMatrix z = BatLayout.zMatrix(type);
    List<String> tail = CHAINS.get(type);
    List<String> chain = new ArrayList<>(List.of("C", "CA", "CB"));
    if (tail != null && z.atomNames().subList(0, 3).equals(chain)) {
      chain.addAll(tail.subList(0, Math.min(MAX, tail.size())));
    }
    return new ChiAngles(type, z, chain.size() > 3 ? List.copyOf(chain) : List.of());
  }

  /** The residue type. */
  public String type() {
    return type;
  }

  /** Number of chi torsions (0 to {@value #MAX}). */
  public int count() {
    return Math.max(0, chain.size() - 3);
  }

  /** The four atoms of chi{@code k + 1}, e.g. {@code [C, CA, CB, CG]} for chi1. */
  public List<String> atoms(int k) {
    return chain.subList(k, k + 4);
  }

  /** Name of chi{@code k + 1}: {@code chi1}, {@code chi2}, ... */
  public String name(int k) {
    return "chi" + (k + 1);
  }

  /** Name with its atoms, for plots and tables, e.g. {@code chi1 (C-CA-CB-CG)}. */
  public String label(int k) {
    return name(k) + " (" + String.join("-", atoms(k)) + ")";
  }

  /**
   * Writes chi1 ... chi{@link #count()} of the BAT vector at {@code bat[offset ...]} (radians, in
   * {@code (-pi, pi]}) into {@code out[0 ...]}.
   */
  public void compute(double[] bat, int offset, double[] out) {
    if (count() == 0) {
      return;
    }
    System.arraycopy(ROOTS, 0, xyz, 0, ROOTS.length);
    System.arraycopy(bat, offset, row, 0, row.length); // toCartesian reads one vector from index 0
    BatConverter.toCartesian(z, row, 1, xyz);
    for (int k = 0; k < count(); k++) {
      out[k] = InternalCoordinates.torsion(xyz, 3 * atoms[k], 3 * atoms[k + 1], 3 * atoms[k + 2], 3 * atoms[k + 3]);
    }
  }

  /** chi1 ... chi{@link #count()} of one BAT vector. */
  public double[] compute(double[] bat) {
    double[] out = new double[count()];
    compute(bat, 0, out);
    return out;
  }
}
