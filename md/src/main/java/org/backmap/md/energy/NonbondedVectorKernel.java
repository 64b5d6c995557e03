package org.backmap.md.energy;

import static org.backmap.md.energy.FloatLanes.FLOATS;
import static org.backmap.md.energy.FloatLanes.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * The {@link Precision#MIXED} pair loop of {@link NonbondedTerm}: the same sums over {@code i < j}, each row's pair
 * energies and forces computed in float32, one vector of j atoms at a time, then summed in float64
 * ({@link DoubleSums}). Excluded pairs are computed with the rest and then zeroed, which keeps the vector loop
 * free of masks.
 */
final class NonbondedVectorKernel {
  private final int n;
  private final float[] charge;
  private final float[] halfSigma;
  private final float[] twoSqrtEpsilon;
  private final int[][] excludedAbove;

  /**
   * @param charge charges times {@code sqrt(k_e)}
   * @param halfSigma half the LJ sigma of each atom
   * @param twoSqrtEpsilon twice the square root of each atom's LJ epsilon
   * @param excludedAbove per atom i, the excluded atoms {@code j > i} (not copied)
   */
  NonbondedVectorKernel(double[] charge, double[] halfSigma, double[] twoSqrtEpsilon, int[][] excludedAbove) {
    this.n = charge.length;
    this.charge = FloatLanes.padded(charge);
    this.halfSigma = FloatLanes.padded(halfSigma);
    this.twoSqrtEpsilon = FloatLanes.padded(twoSqrtEpsilon);
    this.excludedAbove = excludedAbove;
  }

  /**
   * The rows of chunk {@code chunk} (see {@link ParallelLoop#ownsRow}).
   *
   * @param f receives the forces, added; {@code null} for energies only
   * @return {Lennard-Jones, Coulomb} energies of the rows
   */
  double[] pairRows(FloatCoordinates c, double[] f, int chunk, int chunks) {
    DoubleSums sums = new DoubleSums(n, f != null);
    float[] r2 = FloatLanes.row(n), lj = FloatLanes.row(n), coulomb = FloatLanes.row(n), scale = FloatLanes.row(n);
    double eLj = 0, eCoulomb = 0;
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      c.squaredDistances(i, r2);
      row(i, r2, lj, coulomb, scale);
      eLj += sums.sum(lj, i + 1, n);
      eCoulomb += sums.sum(coulomb, i + 1, n);
      if (f != null) {
        sums.addPairForces(c, i, scale);
      }
    }
    if (f != null) {
      sums.addForcesTo(f);
    }
    return new double[] {eLj, eCoulomb};
  }

  /**
   * Row i, given {@code r2[j] = r_ij^2}: the pair energies and {@code -dU/dr / r} for every {@code j > i}, 0 for
   * excluded pairs.
   */
  private void row(int i, float[] r2, float[] lj, float[] coulomb, float[] scale) {
    FloatVector one = FloatVector.broadcast(FLOATS, 1f);
    float qi = charge[i], si = halfSigma[i], ei = twoSqrtEpsilon[i];
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      FloatVector inv2 = one.div(FloatVector.fromArray(FLOATS, r2, j0));
      FloatVector s = FloatVector.fromArray(FLOATS, halfSigma, j0).add(si);
      // Products of per-atom parameters are never rounded on their own: the rounding of q_i q_j, s_ij^2 or
      // eps_i eps_j would repeat over every pair of the same two atom types and add up (25x the error otherwise).
      FloatVector s2 = s.mul(inv2).mul(s);
      FloatVector s6 = s2.mul(s2).mul(s2);
      FloatVector s12 = s6.mul(s6);
      FloatVector epsJ = FloatVector.fromArray(FLOATS, twoSqrtEpsilon, j0);
      FloatVector qq = FloatVector.fromArray(FLOATS, charge, j0).mul(inv2.sqrt()).mul(qi);
      epsJ.mul(s12.sub(s6)).mul(ei).intoArray(lj, j0);
      qq.intoArray(coulomb, j0);
      epsJ.mul(s12.mul(12f).sub(s6.mul(6f))).mul(ei).add(qq).mul(inv2).intoArray(scale, j0);
    }
    // assignments, not products: an excluded pair on top of its partner (inf) still adds nothing
    for (int j : excludedAbove[i]) {
      lj[j] = 0;
      coulomb[j] = 0;
      scale[j] = 0;
    }
  }
}
