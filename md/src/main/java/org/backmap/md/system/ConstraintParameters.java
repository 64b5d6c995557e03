package org.backmap.md.system;

/**
 * Fixed-length distance constraints of dynamics: the bonds to hydrogen at their ff14SB equilibrium lengths.
 * Constraint {@code c} joins atoms {@code atoms[2c]} and {@code atoms[2c+1]}. Arrays are shared, not copied:
 * callers must not modify them.
 *
 * @param atoms constrained atom pairs, flat
 * @param length constrained distances (nm)
 */
public record ConstraintParameters(int[] atoms, double[] length) {
  /**
   * Checks that the arrays describe the same number of constraints.
   *
   * @throws IllegalArgumentException naming the array that does not
   */
  public ConstraintParameters {
    String record = "ConstraintParameters";
    int count = ParameterArrays.requireNonNull(record, "length", length).length;
    ParameterArrays.requireAtoms(record, "atoms", atoms, 2, count);
  }

  /** Number of constraints. */
  public int count() {
    return length.length;
  }
}
