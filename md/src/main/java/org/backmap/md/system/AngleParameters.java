package org.backmap.md.system;

/**
 * Harmonic angles, energy {@code k/2 (theta - theta0)^2} per angle. Angle {@code a} is atoms
 * {@code atoms[3a..3a+2]}, vertex in the middle. Arrays are shared, not copied: callers must not modify them.
 *
 * @param atoms angle triples, flat, vertex in the middle
 * @param theta equilibrium angles theta0 (rad)
 * @param k force constants (kJ/mol/rad^2)
 */
public record AngleParameters(int[] atoms, double[] theta, double[] k) {
  /**
   * Checks that the arrays describe the same number of angles.
   *
   * @throws IllegalArgumentException naming the array that does not
   */
  public AngleParameters {
    String record = "AngleParameters";
    int count = ParameterArrays.requireNonNull(record, "theta", theta).length;
    ParameterArrays.requireLength(record, "k", k, count);
    ParameterArrays.requireAtoms(record, "atoms", atoms, 3, count);
  }

  /** Number of angles. */
  public int count() {
    return theta.length;
  }
}
