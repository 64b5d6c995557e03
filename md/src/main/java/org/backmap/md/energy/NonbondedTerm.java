package org.backmap.md.energy;

import org.backmap.md.system.NonbondedParameters;

/**
 * Lennard-Jones and Coulomb interactions without cutoff (OpenMM {@code NonbondedForce} with {@code NoCutoff}):
 *
 * <pre>
 *   U_LJ = sum_{i&lt;j} 4 eps_ij ((sigma_ij/r)^12 - (sigma_ij/r)^6),  sigma_ij = (s_i + s_j)/2, eps_ij = sqrt(e_i e_j)
 *   U_C  = sum_{i&lt;j} k_e q_i q_j / r,                                k_e = 1/(4 pi eps0)
 * </pre>
 *
 * over all pairs except those one, two or three bonds apart; pairs three bonds apart (1-4) interact with their own
 * scaled parameters (charge product times 5/6, well depth times 1/2). {@code k_e} is OpenMM's
 * {@code ONE_4PI_EPS0} from CODATA 2018. With {@link Precision#MIXED} the sum over pairs runs in float32
 * ({@link NonbondedVectorKernel}); the 1-4 pairs are always float64.
 */
public final class NonbondedTerm implements EnergyTerm {
  /** {@code 1/(4 pi eps0)} in kJ nm / mol / e^2, computed as OpenMM's {@code SimTKOpenMMRealType.h} does. */
  public static final double ONE_4PI_EPS0;

  static {
    double eCharge = 1.602176634e-19;
    double avogadro = 6.02214076e23;
    double epsilon0 = 1e-6 * 8.8541878128e-12 / (eCharge * eCharge * avogadro);
    ONE_4PI_EPS0 = 1 / (4 * Math.PI * epsilon0);
  }

  private final int n;
  private final double[] charge;
  private final double[] halfSigma;
  private final double[] twoSqrtEpsilon;
  private final int[][] excludedAbove;
  private final ScaledPairs pairs14;
  /** The float32 pair loop, or {@code null} in float64. */
  private final NonbondedVectorKernel mixed;

  /** The term of {@code nonbonded} in float64, whose arrays it copies. */
  public NonbondedTerm(NonbondedParameters nonbonded) {
    this(nonbonded, Precision.DOUBLE);
  }

  /** The term of {@code nonbonded} with its pair loop in {@code precision}, whose arrays it copies. */
  public NonbondedTerm(NonbondedParameters nonbonded, Precision precision) {
    double[] charge = nonbonded.charges(), sigma = nonbonded.sigma(), epsilon = nonbonded.epsilon();
    n = charge.length;
    this.charge = new double[n];
    halfSigma = new double[n];
    twoSqrtEpsilon = new double[n];
    for (int i = 0; i < n; i++) {
      this.charge[i] = charge[i] * Math.sqrt(ONE_4PI_EPS0);
      halfSigma[i] = 0.5 * sigma[i];
      twoSqrtEpsilon[i] = 2 * Math.sqrt(epsilon[i]);
    }
    this.excludedAbove = nonbonded.excludedAbove().clone();
    this.pairs14 = new ScaledPairs(nonbonded);
    this.mixed = precision == Precision.MIXED ? new NonbondedVectorKernel(this.charge, halfSigma, twoSqrtEpsilon, excludedAbove) : null;
  }

  @Override
  public void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    evaluate(x, forces, energies, loop);
  }

  @Override
  public void energy(double[] x, EnergyBreakdown energies, ParallelLoop loop) {
    // the float64 loop always adds forces; the float32 one can skip them
    evaluate(x, mixed == null ? new double[x.length] : null, energies, loop);
  }

  /** {@link #compute} with {@code forces == null} for energies only (float32 loop only). */
  private void evaluate(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop) {
    double[] e;
    if (mixed == null) {
      e = loop.runPairChunks(forces, (fc, c, chunks) -> pairRows(x, fc, c, chunks));
    } else {
      FloatCoordinates xf = FloatCoordinates.of(x);
      e = loop.runPairChunks(forces, (fc, c, chunks) -> mixed.pairRows(xf, fc, c, chunks));
    }
    double[] e14 = pairs14.compute(x, forces == null ? new double[x.length] : forces);
    energies.add(EnergyComponent.LENNARD_JONES, e[0] + e14[0]);
    energies.add(EnergyComponent.COULOMB, e[1] + e14[1]);
  }

  private double[] pairRows(double[] x, double[] f, int chunk, int chunks) {
    double eLj = 0, eCoulomb = 0;
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      int[] excluded = excludedAbove[i];
      int next = 0;
      int nextExcluded = excluded.length > 0 ? excluded[0] : Integer.MAX_VALUE;
      double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
      double qi = charge[i], si = halfSigma[i], ei = twoSqrtEpsilon[i];
      double fxi = 0, fyi = 0, fzi = 0;
      for (int j = i + 1; j < n; j++) {
        if (j == nextExcluded) {
          next++;
          nextExcluded = next < excluded.length ? excluded[next] : Integer.MAX_VALUE;
          continue;
        }
        double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
        double r2 = dx * dx + dy * dy + dz * dz;
        double inv2 = 1 / r2;
        double invR = Math.sqrt(inv2);
        double s = si + halfSigma[j];
        double s2 = s * s * inv2;
        double s6 = s2 * s2 * s2;
        double eps4 = ei * twoSqrtEpsilon[j];
        double qq = qi * charge[j] * invR;
        eLj += eps4 * (s6 * s6 - s6);
        eCoulomb += qq;
        // -dU/dr / r
        double scale = (eps4 * (12 * s6 * s6 - 6 * s6) + qq) * inv2;
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
    return new double[] {eLj, eCoulomb};
  }
}
