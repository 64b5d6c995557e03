package org.backmap.md.energy;

import org.backmap.md.system.BondParameters;

/**
 * Harmonic bonds, {@code U = sum_b k_b/2 (r_b - r0_b)^2}, with {@code F_i = -k (r - r0) (x_i - x_j)/r} and
 * {@code F_j = -F_i} (OpenMM {@code ReferenceHarmonicBondIxn}).
 */
public final class HarmonicBondTerm implements EnergyTerm {
  private final int[] atoms;
  private final double[] length;
  private final double[] k;

  /** The term of {@code bonds}, whose arrays it copies. */
  public HarmonicBondTerm(BondParameters bonds) {
    this.atoms = bonds.atoms().clone();
    this.length = bonds.length().clone();
    this.k = bonds.k().clone();
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    double energy = 0;
    for (int b = 0; b < k.length; b++) {
      int i = 3 * atoms[2 * b], j = 3 * atoms[2 * b + 1];
      double dx = x[i] - x[j], dy = x[i + 1] - x[j + 1], dz = x[i + 2] - x[j + 2];
      double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
      double dr = r - length[b];
      energy += 0.5 * k[b] * dr * dr;
      double s = -k[b] * dr / r;
      forces[i] += s * dx;
      forces[i + 1] += s * dy;
      forces[i + 2] += s * dz;
      forces[j] -= s * dx;
      forces[j + 1] -= s * dy;
      forces[j + 2] -= s * dz;
    }
    energies.add(EnergyComponent.BOND, energy);
  }
}
