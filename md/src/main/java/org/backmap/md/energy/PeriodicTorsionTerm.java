package org.backmap.md.energy;

import org.backmap.md.system.TorsionParameters;

/**
 * Periodic torsions, {@code U = sum_t k_t (1 + cos(n_t phi_t - phase_t))}, phi the IUPAC dihedral of i-j-k-l
 * (trans = pi), for proper and improper torsions alike.
 *
 * <p>Gradient of Blondel and Karplus, J. Comput. Chem. 17, 1132 (1996), eq. 27: with {@code F = x_i - x_j},
 * {@code G = x_j - x_k}, {@code H = x_l - x_k}, {@code A = F x G}, {@code B = H x G}:
 * {@code dphi/dx_i = -|G|/|A|^2 A}, {@code dphi/dx_l = |G|/|B|^2 B},
 * {@code dphi/dx_j = |G|/|A|^2 A + (F.G)/(|A|^2 |G|) A - (H.G)/(|B|^2 |G|) B} and
 * {@code dphi/dx_k = -|G|/|B|^2 B - (F.G)/(|A|^2 |G|) A + (H.G)/(|B|^2 |G|) B}.
 *
 * <p>phi itself is never formed: {@code cos phi} and {@code sin phi} come from {@code A.B} and {@code (B x A).G/|G|}
 * over {@code |A||B|}, and {@code cos(n phi - phase)}, {@code sin(n phi - phase)} from them by the angle-addition
 * recurrence, which replaces an {@code atan2}, a {@code cos} and a {@code sin} per term (most of this term's time).
 */
public final class PeriodicTorsionTerm implements EnergyTerm {
  private final int[] atoms;
  private final int[] periodicity;
  private final double[] cosPhase;
  private final double[] sinPhase;
  private final double[] k;

  /** The term of {@code torsions}, whose arrays it copies. */
  public PeriodicTorsionTerm(TorsionParameters torsions) {
    this.atoms = torsions.atoms().clone();
    this.periodicity = torsions.periodicity().clone();
    double[] phase = torsions.phase();
    this.k = torsions.k().clone();
    cosPhase = new double[phase.length];
    sinPhase = new double[phase.length];
    for (int t = 0; t < phase.length; t++) {
      cosPhase[t] = Math.cos(phase[t]);
      sinPhase[t] = Math.sin(phase[t]);
    }
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    double energy = 0;
    for (int t = 0; t < k.length; t++) {
      int i = 3 * atoms[4 * t], j = 3 * atoms[4 * t + 1], kk = 3 * atoms[4 * t + 2], l = 3 * atoms[4 * t + 3];
      double fx = x[i] - x[j], fy = x[i + 1] - x[j + 1], fz = x[i + 2] - x[j + 2];
      double gx = x[j] - x[kk], gy = x[j + 1] - x[kk + 1], gz = x[j + 2] - x[kk + 2];
      double hx = x[l] - x[kk], hy = x[l + 1] - x[kk + 1], hz = x[l + 2] - x[kk + 2];
      double ax = fy * gz - fz * gy, ay = fz * gx - fx * gz, az = fx * gy - fy * gx;
      double bx = hy * gz - hz * gy, by = hz * gx - hx * gz, bz = hx * gy - hy * gx;
      double aa = ax * ax + ay * ay + az * az, bb = bx * bx + by * by + bz * bz;
      double g = Math.sqrt(gx * gx + gy * gy + gz * gz);
      // sin(phi) |A||B| = (B x A).G / |G|, cos(phi) |A||B| = A.B
      double cx = by * az - bz * ay, cy = bz * ax - bx * az, cz = bx * ay - by * ax;
      double ab = Math.sqrt(aa * bb);
      // phi = 0 where it is undefined (A or B zero), as atan2(0, 0) gives
      double cosPhi = ab > 0 ? (ax * bx + ay * by + az * bz) / ab : 1;
      double sinPhi = ab > 0 ? (cx * gx + cy * gy + cz * gz) / (g * ab) : 0;
      double cosN = 1, sinN = 0;
      for (int m = 0; m < periodicity[t]; m++) {
        double c = cosN * cosPhi - sinN * sinPhi;
        sinN = sinN * cosPhi + cosN * sinPhi;
        cosN = c;
      }
      // cos and sin of n phi - phase
      double cosArg = cosN * cosPhase[t] + sinN * sinPhase[t];
      double sinArg = sinN * cosPhase[t] - cosN * sinPhase[t];
      energy += k[t] * (1 + cosArg);
      if (aa < 1e-24 || bb < 1e-24) {
        continue; // three collinear atoms: the dihedral and its gradient are undefined
      }
      double dEdPhi = -k[t] * periodicity[t] * sinArg;
      double fg = fx * gx + fy * gy + fz * gz, hg = hx * gx + hy * gy + hz * gz;
      double sa = g / aa, sb = g / bb;
      double ta = fg / (aa * g), tb = hg / (bb * g);
      // forces = -dE/dphi * dphi/dx
      double fix = dEdPhi * sa * ax, fiy = dEdPhi * sa * ay, fiz = dEdPhi * sa * az;
      double flx = -dEdPhi * sb * bx, fly = -dEdPhi * sb * by, flz = -dEdPhi * sb * bz;
      double cax = dEdPhi * ta * ax, cay = dEdPhi * ta * ay, caz = dEdPhi * ta * az;
      double cbx = dEdPhi * tb * bx, cby = dEdPhi * tb * by, cbz = dEdPhi * tb * bz;
      forces[i] += fix;
      forces[i + 1] += fiy;
      forces[i + 2] += fiz;
      forces[l] += flx;
      forces[l + 1] += fly;
      forces[l + 2] += flz;
      forces[j] += -fix - cax + cbx;
      forces[j + 1] += -fiy - cay + cby;
      forces[j + 2] += -fiz - caz + cbz;
      forces[kk] += -flx + cax - cbx;
      forces[kk + 1] += -fly + cay - cby;
      forces[kk + 2] += -flz + caz - cbz;
    }
    energies.add(EnergyComponent.TORSION, energy);
  }
}
