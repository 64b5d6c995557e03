package org.backmap.md.system;

/**
 * Lennard-Jones and Coulomb parameters, no cutoff: per-atom charges, sigma and epsilon, the excluded near pairs,
 * and the 1-4 pairs that interact with their own scaled parameters instead. 1-4 pair {@code p} joins atoms
 * {@code pair14Atoms[2p]} and {@code pair14Atoms[2p+1]}. Arrays are shared, not copied: callers must not modify
 * them.
 *
 * @param charges partial charges (e)
 * @param sigma Lennard-Jones sigma per atom (nm)
 * @param epsilon Lennard-Jones epsilon per atom (kJ/mol)
 * @param excludedAbove for each atom i, the atoms j &gt; i, ascending, that are one, two or three bonds away: their
 *     plain Coulomb and Lennard-Jones interaction is excluded (three-bond pairs interact through the 1-4 list)
 * @param pair14Atoms atom pairs three bonds apart, flat
 * @param pair14ChargeProduct scaled charge products {@code coulomb14scale q_i q_j} of the 1-4 pairs (e^2)
 * @param pair14Sigma combined sigma {@code (sigma_i + sigma_j)/2} of the 1-4 pairs (nm)
 * @param pair14Epsilon scaled well depths {@code lj14scale sqrt(eps_i eps_j)} of the 1-4 pairs (kJ/mol)
 */
public record NonbondedParameters(double[] charges, double[] sigma, double[] epsilon, int[][] excludedAbove,
    int[] pair14Atoms, double[] pair14ChargeProduct, double[] pair14Sigma, double[] pair14Epsilon) {
  /**
   * Checks that the per-atom arrays describe the same number of atoms and the 1-4 arrays the same number of pairs.
   *
   * @throws IllegalArgumentException when the per-atom arrays do not describe the same number of atoms, or the
   *     1-4 arrays the same number of pairs
   */
  public NonbondedParameters {
    String record = "NonbondedParameters";
    int atoms = ParameterArrays.requireNonNull(record, "charges", charges).length;
    ParameterArrays.requireLength(record, "sigma", sigma, atoms);
    ParameterArrays.requireLength(record, "epsilon", epsilon, atoms);
    ParameterArrays.requireLength(record, "excludedAbove", excludedAbove, atoms);
    int pairs = ParameterArrays.requireNonNull(record, "pair14ChargeProduct", pair14ChargeProduct).length;
    ParameterArrays.requireLength(record, "pair14Sigma", pair14Sigma, pairs);
    ParameterArrays.requireLength(record, "pair14Epsilon", pair14Epsilon, pairs);
    ParameterArrays.requireAtoms(record, "pair14Atoms", pair14Atoms, 2, pairs);
  }

  /** Number of atoms. */
  public int count() {
    return charges.length;
  }

  /** Number of 1-4 pairs. */
  public int pair14Count() {
    return pair14ChargeProduct.length;
  }
}
