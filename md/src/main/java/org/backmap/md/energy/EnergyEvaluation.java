package org.backmap.md.energy;

/**
 * The energy of one configuration with its forces.
 *
 * @param energies the energy per component (kJ/mol)
 * @param forces {@code -dU/dx}, flat (kJ/mol/nm)
 */
public record EnergyEvaluation(EnergyBreakdown energies, double[] forces) {

  /** Total potential energy (kJ/mol). */
  public double total() {
    return energies.total();
  }

  /** Root mean square of the force components, {@code sqrt(sum f_k^2 / 3N)} (kJ/mol/nm). */
  public double rmsForce() {
    double sum = 0;
    for (double f : forces) {
      sum += f * f;
    }
    return forces.length == 0 ? 0 : Math.sqrt(sum / forces.length);
  }

  /** The largest force on one atom, {@code max_i |F_i|} (kJ/mol/nm). */
  public double maxAtomForce() {
    double max = 0;
    for (int i = 0; i + 2 < forces.length; i += 3) {
      max = Math.max(max, Math.sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
    }
    return max;
  }
}
