package org.backmap.md.energy;

import java.util.Arrays;
import org.backmap.md.forcefield.Gbn2Parameters;
import org.backmap.md.system.GbParameters;

/**
 * GBn2 generalized-Born solvation with the ACE surface-area term (Amber {@code igb=8}; Nguyen, Roe and Simmerling,
 * J. Chem. Theory Comput. 9, 2020 (2013); neck correction of Mongan et al., J. Chem. Theory Comput. 3, 156
 * (2007)), as OpenMM 7.7's {@code GBSAGBn2Force} defines it, no cutoff, no salt.
 *
 * <p>With intrinsic radius {@code rho_i}, offset radius {@code or_i = rho_i - 0.0195141 nm} and scaled radius
 * {@code sr_i = screen_i or_i}, the descreening integral of atom i is
 * <pre>
 *   I_i    = sum_{j != i} [ Ivdw(i,j) + 0.826836 Ineck(i,j) ]
 *   Ivdw   = 1/2 [ 1/L - 1/U + (r - sr_j^2/r)(1/U^2 - 1/L^2)/4 + ln(L/U)/(2r) ]  if r + sr_j &gt;= or_i, else 0
 *            U = r + sr_j,  L = max(or_i, |r - sr_j|)
 *   Ineck  = m0_ij / (1 + 100 (r - d0_ij)^2 + 3e5 (r - d0_ij)^6)               if r &lt;= rho_i + rho_j + 0.68 nm
 * </pre>
 * and its Born radius {@code B_i = 1/(1/or_i - tanh(alpha_i psi_i - beta_i psi_i^2 + gamma_i psi_i^3)/rho_i)}
 * with {@code psi_i = I_i or_i}. The energies are
 * <pre>
 *   U_polar = -k/2 (1/eps_in - 1/eps_out) [ sum_i q_i^2/B_i + 2 sum_{i&lt;j} q_i q_j / f_ij ],
 *             f_ij = sqrt(r^2 + B_i B_j exp(-r^2/(4 B_i B_j)))          (Still et al. 1990)
 *   U_ACE   = sum_i 28.3919551 (rho_i + 0.14)^2 (rho_i/B_i)^6              (Schaefer and Karplus 1996)
 * </pre>
 * with k = 138.935485 kJ nm/mol/e^2. Forces follow OpenMM's {@code ReferenceObc} scheme: the explicit pair
 * derivative, then {@code dU/dB_i} accumulated and pushed through {@code dB_i/dI_i} and {@code dI_i/dr_ij}
 * in a third pair pass. With {@link Precision#MIXED} the three pair passes run in float32
 * ({@link Gbn2VectorKernels}); the Born radii, self and surface terms are always float64.
 */
public final class Gbn2Term implements EnergyTerm {
  private final int n;
  private final double[] charge;
  private final double[] or;
  private final double[] sr;
  private final double[] rho;
  private final double[] alpha;
  private final double[] beta;
  private final double[] gamma;
  private final int[] radiusIndex;
  private final double[] m0;
  private final double[] d0;
  private final int distinct;
  private final double polarScale;
  /** The float32 pair passes, or {@code null} in float64. */
  private final Gbn2VectorKernels mixed;

  /** The term of {@code gb} in float64: {@code Gbn2Term(charge, gb, Precision.DOUBLE)}. */
  public Gbn2Term(double[] charge, GbParameters gb) {
    this(charge, gb, Precision.DOUBLE);
  }

  /**
   * The term of {@code gb} with its pair passes in {@code precision}, whose arrays it copies. The neck tables are
   * read {@code [index_i * n + index_j]} for the integral of atom i.
   *
   * @param charge partial charges (e), one per atom of {@code gb}: the nonbonded charges
   * @param gb the GBn2 parameters
   * @param precision the arithmetic of the pair passes
   * @throws IllegalArgumentException when there are not as many charges as atoms
   */
  public Gbn2Term(double[] charge, GbParameters gb, Precision precision) {
    n = gb.count();
    if (charge.length != n) {
      throw new IllegalArgumentException("Gbn2Term: " + charge.length + " charges for " + n + " atoms");
    }
    this.charge = charge.clone();
    this.or = gb.offsetRadius().clone();
    this.sr = gb.scaledRadius().clone();
    this.rho = new double[n];
    for (int i = 0; i < n; i++) {
      rho[i] = or[i] + Gbn2Parameters.OFFSET;
    }
    this.alpha = gb.alpha().clone();
    this.beta = gb.beta().clone();
    this.gamma = gb.gamma().clone();
    this.radiusIndex = gb.radiusIndex().clone();
    this.m0 = gb.neckM0().clone();
    this.d0 = gb.neckD0().clone();
    this.distinct = gb.distinctRadii();
    this.polarScale = Gbn2Parameters.GB_COULOMB * (1 / Gbn2Parameters.SOLUTE_DIELECTRIC - 1 / Gbn2Parameters.SOLVENT_DIELECTRIC);
    this.mixed = precision == Precision.MIXED
        ? new Gbn2VectorKernels(or, sr, rho, this.charge, polarScale, radiusIndex, m0, d0, distinct) : null;
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    evaluate(x, forces, energies, loop);
  }

  @Override
  public void energy(double[] x, EnergyBreakdown energies, ParallelLoop loop) {
    evaluate(x, null, energies, loop);
  }

  /** {@link #compute}, or with {@code forces == null} the energies only: no {@code dU/dB}, no pass 3. */
  private void evaluate(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    int chunks = loop.chunks();
    FloatCoordinates xf = mixed == null ? null : FloatCoordinates.of(x);
    // Pass 1: descreening integrals I_i.
    double[][] partial = new double[chunks][];
    loop.run(c -> partial[c] = mixed == null ? integrals(x, c, chunks) : mixed.integrals(xf, c, chunks));
    double[] integral = sum(partial, n);
    double[] born = new double[n];
    double[] dBornDIntegral = new double[n];
    double[] dEdB = new double[n];
    double eSelf = 0, eSurface = 0;
    for (int i = 0; i < n; i++) {
      double psi = integral[i] * or[i];
      double t = alpha[i] * psi - beta[i] * psi * psi + gamma[i] * psi * psi * psi;
      double tanh = Math.tanh(t);
      double b = 1 / (1 / or[i] - tanh / rho[i]);
      born[i] = b;
      dBornDIntegral[i] = b * b * (1 - tanh * tanh) * (alpha[i] - 2 * beta[i] * psi + 3 * gamma[i] * psi * psi) * or[i] / rho[i];
      double self = -0.5 * polarScale * charge[i] * charge[i] / b;
      eSelf += self;
      dEdB[i] -= self / b;
      double ratio = rho[i] / b;
      double ratio3 = ratio * ratio * ratio;
      double ace = Gbn2Parameters.ACE_PREFACTOR * (rho[i] + Gbn2Parameters.ACE_PROBE) * (rho[i] + Gbn2Parameters.ACE_PROBE) * ratio3 * ratio3;
      eSurface += ace;
      dEdB[i] -= 6 * ace / b;
    }
    // Pass 2: pair polar energy, its explicit forces and dU/dB.
    double[][] pairForces = new double[chunks][];
    double[][] pairDEdB = new double[chunks][];
    double[] pairEnergy = new double[chunks];
    float[] bornF = mixed == null ? null : paddedWithOnes(born);
    loop.run(c -> {
      if (mixed == null) {
        // the float64 pass always computes forces and dU/dB
        pairForces[c] = chunks == 1 && forces != null ? forces : new double[3 * n];
        pairDEdB[c] = new double[n];
        pairEnergy[c] = polarPairs(x, born, pairForces[c], pairDEdB[c], c, chunks);
      } else {
        pairForces[c] = chunks == 1 || forces == null ? forces : new double[3 * n];
        pairDEdB[c] = new double[n + FloatLanes.LANES];
        pairEnergy[c] = mixed.polarPairs(xf, bornF, pairForces[c], pairDEdB[c], c, chunks);
      }
    });
    double ePairs = 0;
    for (int c = 0; c < chunks; c++) {
      ePairs += pairEnergy[c];
      for (int i = 0; i < n; i++) {
        dEdB[i] += pairDEdB[c][i];
      }
    }
    energies.add(EnergyComponent.GB_POLAR, eSelf + ePairs);
    energies.add(EnergyComponent.GB_SURFACE, eSurface);
    if (forces == null) {
      return;
    }
    // Pass 3: chain rule through the Born radii.
    double[] chain = new double[n];
    for (int i = 0; i < n; i++) {
      chain[i] = dEdB[i] * dBornDIntegral[i];
    }
    float[] chainF = mixed == null ? null : FloatLanes.padded(chain);
    double[][] chainForces = new double[chunks][];
    loop.run(c -> {
      chainForces[c] = chunks == 1 ? forces : new double[3 * n];
      if (mixed == null) {
        integralForces(x, chain, chainForces[c], c, chunks);
      } else {
        mixed.integralForces(xf, chainF, chainForces[c], c, chunks);
      }
    });
    if (chunks > 1) {
      for (int c = 0; c < chunks; c++) {
        for (int k = 0; k < 3 * n; k++) {
          forces[k] += pairForces[c][k] + chainForces[c][k];
        }
      }
    }
  }

  /** Born radii for the float32 pass 2, padded with radii of 1 nm that keep the masked lanes finite. */
  private static float[] paddedWithOnes(double[] born) {
    float[] out = FloatLanes.padded(born);
    Arrays.fill(out, born.length, out.length, 1f);
    return out;
  }

  private double[] integrals(double[] x, int chunk, int chunks) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      int ri = radiusIndex[i] * distinct;
      double sum = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        int rj = radiusIndex[j] * distinct;
        sum += integral(or[i], sr[j], rho[i] + rho[j], m0[ri + radiusIndex[j]], d0[ri + radiusIndex[j]], r);
        out[j] += integral(or[j], sr[i], rho[i] + rho[j], m0[rj + radiusIndex[i]], d0[rj + radiusIndex[i]], r);
      }
      out[i] += sum;
    }
    return out;
  }

  private double polarPairs(double[] x, double[] born, double[] f, double[] dEdB, int chunk, int chunks) {
    double energy = 0;
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      double qi = polarScale * charge[i], bi = born[i];
      double fxi = 0, fyi = 0, fzi = 0, dbi = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
        double r2 = dx * dx + dy * dy + dz * dz;
        double bb = bi * born[j];
        double e = Math.exp(-r2 / (4 * bb));
        double f2 = r2 + bb * e;
        double invF = 1 / Math.sqrt(f2);
        double qq = qi * charge[j];
        double u = -qq * invF;
        energy += u;
        // dU/df = qq / f^2;  df/dr = r (1 - e/4) / f;  df/dB_i = B_j e (1 + r^2/(4 B_i B_j)) / (2 f)
        double dUdfOverF = qq * invF * invF * invF;
        double scale = -dUdfOverF * (1 - 0.25 * e);
        fxi += scale * dx;
        fyi += scale * dy;
        fzi += scale * dz;
        f[3 * j] -= scale * dx;
        f[3 * j + 1] -= scale * dy;
        f[3 * j + 2] -= scale * dz;
        double common = 0.5 * dUdfOverF * e * (1 + r2 / (4 * bb));
        dbi += common * born[j];
        dEdB[j] += common * bi;
      }
      f[3 * i] += fxi;
      f[3 * i + 1] += fyi;
      f[3 * i + 2] += fzi;
      dEdB[i] += dbi;
    }
    return energy;
  }

  private void integralForces(double[] x, double[] chain, double[] f, int chunk, int chunks) {
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      int ri = radiusIndex[i] * distinct;
      double fxi = 0, fyi = 0, fzi = 0;
      for (int j = i + 1; j < n; j++) {
        double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        int rj = radiusIndex[j] * distinct;
        double dUdr = chain[i] * integralDerivative(or[i], sr[j], rho[i] + rho[j], m0[ri + radiusIndex[j]], d0[ri + radiusIndex[j]], r)
            + chain[j] * integralDerivative(or[j], sr[i], rho[i] + rho[j], m0[rj + radiusIndex[i]], d0[rj + radiusIndex[i]], r);
        double scale = -dUdr / r;
        fxi += scale * dx;
        fyi += scale * dy;
        fzi += scale * dz;
        f[3 * j] -= scale * dx;
        f[3 * j + 1] -= scale * dy;
        f[3 * j + 2] -= scale * dz;
      }
      f[3 * i] += fxi;
      f[3 * i + 1] += fyi;
      f[3 * i + 2] += fzi;
    }
  }

  /** The contribution of atom b (scaled radius {@code srB}) to the integral of atom a (offset radius {@code orA}). */
  static double integral(double orA, double srB, double rhoSum, double m0, double d0, double r) {
    double value = 0;
    if (r + srB - orA >= 0) {
      double u = r + srB;
      double l = Math.max(orA, Math.abs(r - srB));
      double invU = 1 / u, invL = 1 / l;
      value = 0.5 * (invL - invU + 0.25 * (r - srB * srB / r) * (invU * invU - invL * invL) + 0.5 * Math.log(l * invU) / r);
    }
    if (rhoSum + Gbn2Parameters.NECK_CUT - r >= 0) {
      double d = r - d0;
      double d2 = d * d;
      value += Gbn2Parameters.NECK_SCALE * m0 / (1 + 100 * d2 + 0.3 * 1000000 * d2 * d2 * d2);
    }
    return value;
  }

  /** {@code d/dr} of {@link #integral}. */
  static double integralDerivative(double orA, double srB, double rhoSum, double m0, double d0, double r) {
    double value = 0;
    if (r + srB - orA >= 0) {
      double u = r + srB;
      double dist = r - srB;
      double absD = Math.abs(dist);
      double l, dl;
      if (orA >= absD) {
        l = orA;
        dl = 0;
      } else {
        l = absD;
        dl = dist >= 0 ? 1 : -1;
      }
      double invU = 1 / u, invL = 1 / l, invR = 1 / r;
      double s2 = srB * srB;
      value = 0.5 * (-dl * invL * invL + invU * invU
          + 0.25 * (1 + s2 * invR * invR) * (invU * invU - invL * invL)
          + 0.25 * (r - s2 * invR) * (-2 * invU * invU * invU + 2 * dl * invL * invL * invL)
          + 0.5 * (dl * invL - invU) * invR
          - 0.5 * Math.log(l * invU) * invR * invR);
    }
    if (rhoSum + Gbn2Parameters.NECK_CUT - r >= 0) {
      double d = r - d0;
      double d2 = d * d;
      double d4 = d2 * d2;
      double den = 1 + 100 * d2 + 0.3 * 1000000 * d4 * d2;
      value -= Gbn2Parameters.NECK_SCALE * m0 * (200 * d + 6 * 0.3 * 1000000 * d4 * d) / (den * den);
    }
    return value;
  }

  private static double[] sum(double[][] parts, int length) {
    if (parts.length == 1) {
      return parts[0];
    }
    double[] out = new double[length];
    for (double[] p : parts) {
      for (int i = 0; i < length; i++) {
        out[i] += p[i];
      }
    }
    return out;
  }
}
