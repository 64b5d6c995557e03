package org.backmap.md.forcefield;

import org.backmap.md.structure.Element;

/**
 * Per-atom parameters and constants of the GBn2 implicit-solvent model (Amber {@code igb=8}; Nguyen, Roe and
 * Simmerling, J. Chem. Theory Comput. 9, 2020 (2013)) exactly as OpenMM 7.7 sets them up
 * ({@code customgbforces.py}, class {@code GBSAGBn2Force} with {@code SA='ACE'}).
 *
 * <p>Intrinsic radii are mbondi3: C 1.7, N 1.55, O 1.5, S 1.8 Angstrom; H 1.3 when bonded to N, else 1.2; the
 * HH* and HE hydrogens of arginine 1.17. mbondi3 also gives carboxylate oxygens 1.4 Angstrom, but OpenMM 7.7's
 * carboxylate test compares an atom object with an element and is never true, so OpenMM 7.7 (and therefore this
 * class, which reproduces it) keeps them at 1.5.
 *
 * <p>With {@code rho} the intrinsic radius, OpenMM stores the offset radius {@code or = rho - OFFSET} and the
 * scaled radius {@code sr = screen * or}.
 */
public final class Gbn2Parameters {
  /** Radius offset (nm). */
  public static final double OFFSET = 0.0195141;
  /** Neck integral scale. */
  public static final double NECK_SCALE = 0.826836;
  /** Neck cutoff (nm): the neck term vanishes beyond {@code rho_i + rho_j + NECK_CUT}. */
  public static final double NECK_CUT = 0.68;
  /** Solute dielectric. */
  public static final double SOLUTE_DIELECTRIC = 1.0;
  /** Solvent dielectric. */
  public static final double SOLVENT_DIELECTRIC = 78.5;
  /** Coulomb constant of OpenMM's GB expressions (kJ nm / mol / e^2). */
  public static final double GB_COULOMB = 138.935485;
  /** ACE surface-area prefactor 4 pi 0.0054 kcal/mol/A^2 in kJ/mol/nm^2 (OpenMM's literal). */
  public static final double ACE_PREFACTOR = 28.3919551;
  /** ACE probe radius (nm). */
  public static final double ACE_PROBE = 0.14;

  private Gbn2Parameters() {}

  /**
   * mbondi3 intrinsic radius in nm.
   *
   * @param element the atom's element
   * @param bondedElement for a hydrogen, the element of its bonded atom (ignored otherwise)
   * @param residueName residue name as in the file ({@code ARG}, ...)
   * @param atomName atom name
   */
  public static double radius(Element element, Element bondedElement, String residueName, String atomName) {
    double angstrom = switch (element) {
      case H -> residueName.equals("ARG") && (atomName.startsWith("HH") || atomName.startsWith("HE")) ? 1.17
          : bondedElement == Element.N ? 1.3 : 1.2;
      case C -> 1.7;
      case N -> 1.55;
      case O -> 1.5;
      case S -> 1.8;
    };
    return angstrom / 10;
  }

  /** GBn2 screening parameter of an element (protein set). */
  public static double screen(Element element) {
    return switch (element) {
      case H -> 1.425952;
      case C -> 1.058554;
      case N -> 0.733599;
      case O -> 1.061039;
      case S -> -0.703469;
    };
  }

  /** The (alpha, beta, gamma) of the Born-radius rescaling {@code tanh(alpha psi - beta psi^2 + gamma psi^3)}. */
  public static double[] alphaBetaGamma(Element element) {
    return switch (element) {
      case H -> new double[] {0.788440, 0.798699, 0.437334};
      case C -> new double[] {0.733756, 0.506378, 0.205844};
      case N -> new double[] {0.503364, 0.316828, 0.192915};
      case O, S -> new double[] {0.867814, 0.876635, 0.387882};
    };
  }

  /**
   * Neck parameters for every ordered pair of the distinct offset radii {@code uniqueOr}: for atoms with radius
   * indices {@code a} (the atom whose integral is summed) and {@code b}, {@code m0[a * n + b]} (1/nm) and
   * {@code d0[a * n + b]} (nm). As in OpenMM, each radius is placed on the table grid at
   * {@code p = (or + OFFSET - 0.1) * 200}, the table is interpolated bilinearly, and the lookup
   * {@code getm0(radindex1, radindex2)} reads table row {@code radindex2}, column {@code radindex1}.
   *
   * @return {@code {m0, d0}}, each of length {@code n * n}
   */
  public static double[][] neckTables(double[] uniqueOr) {
    int n = uniqueOr.length;
    int[] index1 = new int[n];
    int[] index2 = new int[n];
    double[] weight1 = new double[n];
    double[] weight2 = new double[n];
    for (int i = 0; i < n; i++) {
      double p = (uniqueOr[i] + OFFSET - 0.1) * 200;
      if (p <= 0) {
        weight1[i] = 1.0;
      } else if (p >= GbNeckTables.SIZE - 1) {
        index1[i] = GbNeckTables.SIZE - 1;
        weight1[i] = 1.0;
      } else {
        index1[i] = (int) Math.floor(p);
        index2[i] = index1[i] + 1;
        weight1[i] = index2[i] - p;
        weight2[i] = 1.0 - weight1[i];
      }
    }
    double[] m0Table = new double[GbNeckTables.M0_PER_ANGSTROM.length];
    double[] d0Table = new double[GbNeckTables.D0_ANGSTROM.length];
    for (int k = 0; k < m0Table.length; k++) {
      m0Table[k] = GbNeckTables.M0_PER_ANGSTROM[k] * 10.0;
      d0Table[k] = GbNeckTables.D0_ANGSTROM[k] / 10.0;
    }
    double[] m0 = new double[n * n];
    double[] d0 = new double[n * n];
    int s = GbNeckTables.SIZE;
    for (int row = 0; row < n; row++) {
      for (int col = 0; col < n; col++) {
        // OpenMM's table entry (row, col) is stored at values[row * n + col] and read as f(x = col, y = row).
        double[] both = {0, 0};
        double[][] tables = {m0Table, d0Table};
        for (int t = 0; t < 2; t++) {
          double[] full = tables[t];
          both[t] = weight1[row] * weight1[col] * full[index1[row] * s + index1[col]]
              + weight1[row] * weight2[col] * full[index1[row] * s + index2[col]]
              + weight2[row] * weight1[col] * full[index2[row] * s + index1[col]]
              + weight2[row] * weight2[col] * full[index2[row] * s + index2[col]];
        }
        // getm0(radindex1 = col, radindex2 = row): the summed atom a is the column.
        m0[col * n + row] = both[0];
        d0[col * n + row] = both[1];
      }
    }
    return new double[][] {m0, d0};
  }
}
