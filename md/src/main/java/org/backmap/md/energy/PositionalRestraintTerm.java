package org.backmap.md.energy;

/**
 * Harmonic positional restraints, {@code U = sum_a k/2 |x_a - x0_a|^2} over the chosen atoms, with
 * {@code F_a = -k (x_a - x0_a)}.
 */
public final class PositionalRestraintTerm implements EnergyTerm {
  private final int[] atoms;
  private final double[] reference;
  private final double k;

  /**
   * @param atoms restrained atom indices
   * @param positions reference positions of all atoms, flat (nm); only those of {@code atoms} are used
   * @param k force constant (kJ/mol/nm^2)
   */
  public PositionalRestraintTerm(int[] atoms, double[] positions, double k) {
    if (!(k >= 0)) {
      throw new IllegalArgumentException("restraint force constant must be >= 0, got " + k);
    }
    this.atoms = atoms.clone();
    this.reference = new double[3 * atoms.length];
    for (int a = 0; a < atoms.length; a++) {
      System.arraycopy(positions, 3 * atoms[a], reference, 3 * a, 3);
    }
    this.k = k;
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    double energy = 0;
    for (int a = 0; a < atoms.length; a++) {
      int i = 3 * atoms[a];
      for (int d = 0; d < 3; d++) {
        double dx = x[i + d] - reference[3 * a + d];
        energy += 0.5 * k * dx * dx;
        forces[i + d] -= k * dx;
      }
    }
    energies.add(EnergyComponent.RESTRAINT, energy);
  }
}
