package org.backmap.md.system;

/**
 * Harmonic bonds, energy {@code k/2 (r - r0)^2} per bond. Bond {@code b} joins atoms {@code atoms[2b]} and
 * {@code atoms[2b+1]}. Arrays are shared, not copied: callers must not modify them.
 *
 * @param atoms bonded atom pairs, flat
 * @param length equilibrium lengths r0 (nm)
 * @param k force constants (kJ/mol/nm^2)
 */
public record BondParameters(int[] atoms, double[] length, double[] k) {
  /**
   * Checks that the arrays describe the same number of bonds.
   *
   * @throws IllegalArgumentException naming the array that does not
   */
  public BondParameters {
    String record = "BondParameters";
    int count = ParameterArrays.requireNonNull(record, "length", length).length;
    ParameterArrays.requireLength(record, "k", k, count);
    ParameterArrays.requireAtoms(record, "atoms", atoms, 2, count);
  }

  /** Number of bonds. */
  public int count() {
    return length.length;
  }
}
