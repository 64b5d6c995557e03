package org.backmap.md.system;

/**
 * Periodic torsions, energy {@code k (1 + cos(n phi - phase))} per term, one entry per periodic term (propers,
 * then impropers). Term {@code t} is atoms {@code atoms[4t..4t+3]}. Arrays are shared, not copied: callers must
 * not modify them.
 *
 * @param atoms torsion quadruples, flat
 * @param periodicity periodicities n
 * @param phase phases (rad)
 * @param k barrier constants (kJ/mol)
 */
public record TorsionParameters(int[] atoms, int[] periodicity, double[] phase, double[] k) {
  /**
   * Checks that the arrays describe the same number of terms.
   *
   * @throws IllegalArgumentException naming the array that does not
   */
  public TorsionParameters {
    String record = "TorsionParameters";
    int count = ParameterArrays.requireNonNull(record, "periodicity", periodicity).length;
    ParameterArrays.requireLength(record, "phase", phase, count);
    ParameterArrays.requireLength(record, "k", k, count);
    ParameterArrays.requireAtoms(record, "atoms", atoms, 4, count);
  }

  /** Number of periodic terms. */
  public int count() {
    return periodicity.length;
  }
}
