package org.backmap.md.energy;

import org.backmap.md.system.NonbondedParameters;

/**
 * The 1-4 pairs of the nonbonded terms: Lennard-Jones and Coulomb with their own scaled parameters, always without
 * cutoff (as OpenMM computes {@code NonbondedForce} exceptions).
 */
final class ScaledPairs {
  private final int[] atoms;
  private final double[] chargeProduct;
  private final double[] sigma;
  private final double[] epsilon;

  ScaledPairs(NonbondedParameters nonbonded) {
    atoms = nonbonded.pair14Atoms().clone();
    chargeProduct = nonbonded.pair14ChargeProduct().clone();
    sigma = nonbonded.pair14Sigma().clone();
    epsilon = nonbonded.pair14Epsilon().clone();
  }

  /** Adds the forces of every pair to {@code f}; returns {Lennard-Jones, Coulomb} energies. */
  double[] compute(double[] x, double[] f) {
    double eLj = 0, eCoulomb = 0;
    for (int p = 0; p < sigma.length; p++) {
      int i = atoms[2 * p], j = atoms[2 * p + 1];
      double dx = x[3 * i] - x[3 * j], dy = x[3 * i + 1] - x[3 * j + 1], dz = x[3 * i + 2] - x[3 * j + 2];
      double r2 = dx * dx + dy * dy + dz * dz;
      double inv2 = 1 / r2;
      double s2 = sigma[p] * sigma[p] * inv2;
      double s6 = s2 * s2 * s2;
      double eps4 = 4 * epsilon[p];
      double qq = NonbondedTerm.ONE_4PI_EPS0 * chargeProduct[p] * Math.sqrt(inv2);
      eLj += eps4 * (s6 * s6 - s6);
      eCoulomb += qq;
      double scale = (eps4 * (12 * s6 * s6 - 6 * s6) + qq) * inv2;
      f[3 * i] += scale * dx;
      f[3 * i + 1] += scale * dy;
      f[3 * i + 2] += scale * dz;
      f[3 * j] -= scale * dx;
      f[3 * j + 1] -= scale * dy;
      f[3 * j + 2] -= scale * dz;
    }
    return new double[] {eLj, eCoulomb};
  }
}
