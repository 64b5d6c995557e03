package org.backmap.md.energy;

import org.backmap.md.system.AngleParameters;

/**
 * Harmonic angles, {@code U = sum_a k_a/2 (theta_a - theta0_a)^2}, theta the angle i-j-k at vertex j.
 *
 * <p>With {@code u = x_i - x_j}, {@code v = x_k - x_j} and {@code p = u x v}: {@code theta = atan2(|p|, u.v)},
 * {@code dtheta/dx_i = (u x p)/(|u|^2 |p|)}, {@code dtheta/dx_k = (p x v)/(|v|^2 |p|)} and
 * {@code dtheta/dx_j = -(dtheta/dx_i + dtheta/dx_k)} (OpenMM {@code ReferenceAngleBondIxn}).
 */
public final class HarmonicAngleTerm implements EnergyTerm {
  private final int[] atoms;
  private final double[] theta0;
  private final double[] k;

  /** The term of {@code angles}, whose arrays it copies. */
  public HarmonicAngleTerm(AngleParameters angles) {
    this.atoms = angles.atoms().clone();
    this.theta0 = angles.theta().clone();
    this.k = angles.k().clone();
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    double energy = 0;
    for (int a = 0; a < k.length; a++) {
      int i = 3 * atoms[3 * a], j = 3 * atoms[3 * a + 1], l = 3 * atoms[3 * a + 2];
      double ux = x[i] - x[j], uy = x[i + 1] - x[j + 1], uz = x[i + 2] - x[j + 2];
      double vx = x[l] - x[j], vy = x[l + 1] - x[j + 1], vz = x[l + 2] - x[j + 2];
      double px = uy * vz - uz * vy, py = uz * vx - ux * vz, pz = ux * vy - uy * vx;
      double pn = Math.sqrt(px * px + py * py + pz * pz);
      double theta = Math.atan2(pn, ux * vx + uy * vy + uz * vz);
      double d = theta - theta0[a];
      energy += 0.5 * k[a] * d * d;
      if (pn < 1e-12) {
        continue; // collinear: the gradient direction is undefined and its magnitude is k*d*0 in the limit
      }
      double dEdTheta = k[a] * d;
      double uu = ux * ux + uy * uy + uz * uz, vv = vx * vx + vy * vy + vz * vz;
      // dtheta/dx_i = (u x p) / (|u|^2 |p|), dtheta/dx_k = (p x v) / (|v|^2 |p|)
      double si = -dEdTheta / (uu * pn), sk = -dEdTheta / (vv * pn);
      double fix = si * (uy * pz - uz * py), fiy = si * (uz * px - ux * pz), fiz = si * (ux * py - uy * px);
      double fkx = sk * (py * vz - pz * vy), fky = sk * (pz * vx - px * vz), fkz = sk * (px * vy - py * vx);
      forces[i] += fix;
      forces[i + 1] += fiy;
      forces[i + 2] += fiz;
      forces[l] += fkx;
      forces[l + 1] += fky;
      forces[l + 2] += fkz;
      forces[j] -= fix + fkx;
      forces[j + 1] -= fiy + fky;
      forces[j + 2] -= fiz + fkz;
    }
    energies.add(EnergyComponent.ANGLE, energy);
  }
}
