package org.backmap.md.system;

/**
 * Per-atom GBn2 parameters and the neck-integral tables over the distinct offset radii. The atoms' charges are
 * those of {@link NonbondedParameters#charges()}. Arrays are shared, not copied: callers must not modify them.
 *
 * @param radius intrinsic radius rho (nm)
 * @param offsetRadius {@code or = rho - offset} (nm)
 * @param scaledRadius {@code sr = screen * or} (nm)
 * @param alpha Born-radius rescaling alpha
 * @param beta Born-radius rescaling beta
 * @param gamma Born-radius rescaling gamma
 * @param radiusIndex index of the atom's offset radius among the distinct ones
 * @param neckM0 neck heights (1/nm), {@code [radiusIndex_a * n + radiusIndex_b]}
 * @param neckD0 neck positions (nm), same layout
 * @param distinctRadii n, the number of distinct offset radii
 */
public record GbParameters(double[] radius, double[] offsetRadius, double[] scaledRadius, double[] alpha,
    double[] beta, double[] gamma, int[] radiusIndex, double[] neckM0, double[] neckD0, int distinctRadii) {
  /**
   * Checks that the per-atom arrays describe the same number of atoms and the neck tables are n x n.
   *
   * @throws IllegalArgumentException when the per-atom arrays do not describe the same number of atoms, or the
   *     neck tables are not n x n
   */
  public GbParameters {
    String record = "GbParameters";
    int atoms = ParameterArrays.requireNonNull(record, "radius", radius).length;
    ParameterArrays.requireLength(record, "offsetRadius", offsetRadius, atoms);
    ParameterArrays.requireLength(record, "scaledRadius", scaledRadius, atoms);
    ParameterArrays.requireLength(record, "alpha", alpha, atoms);
    ParameterArrays.requireLength(record, "beta", beta, atoms);
    ParameterArrays.requireLength(record, "gamma", gamma, atoms);
    ParameterArrays.requireLength(record, "radiusIndex", radiusIndex, atoms);
    if (distinctRadii < 0) {
      throw new IllegalArgumentException(record + ": distinctRadii is negative: " + distinctRadii);
    }
    ParameterArrays.requireLength(record, "neckM0", neckM0, distinctRadii * distinctRadii);
    ParameterArrays.requireLength(record, "neckD0", neckD0, distinctRadii * distinctRadii);
  }

  /** Number of atoms. */
  public int count() {
    return radius.length;
  }
}
