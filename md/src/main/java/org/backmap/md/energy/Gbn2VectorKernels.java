package org.backmap.md.energy;

import static org.backmap.md.energy.FloatLanes.FLOATS;
import static org.backmap.md.energy.FloatLanes.LANES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import org.backmap.md.forcefield.Gbn2Parameters;

/**
 * The three {@link Precision#MIXED} pair passes of {@link Gbn2Term}: descreening integrals, pair polar energy with
 * {@code dU/dB}, and the chain-rule forces through the Born radii. Same formulas as the float64 passes
 * ({@link Gbn2Term#integral}, {@link Gbn2Term#integralDerivative}), computed row by row in float32 (see
 * {@link FloatLanes} for why each row is a few short loops), summed in float64 ({@link DoubleSums}).
 *
 * <p>A descreening integral and its derivative have the form {@code v + w ln t}: a row loop writes v, w and t, then
 * {@link FloatLanes#log} and {@link FloatLanes#addProduct} finish it. Pair distances are computed once per row
 * ({@link FloatCoordinates#distances}) for both directions of a pair.
 */
final class Gbn2VectorKernels {
  private static final float NECK_SCALE = (float) Gbn2Parameters.NECK_SCALE;
  private static final float NECK_CUT = (float) Gbn2Parameters.NECK_CUT;

  private final int n;
  private final float[] or;
  private final float[] sr;
  private final float[] rho;
  private final float[] charge;
  private final float polarScale;
  private final int[] radiusIndex;
  // Per radius class a of atom i and every atom j, the neck parameters of the integral of i over j
  // (m0[a][j] = table[a, class j]) and of j over i (m0Reverse[a][j] = table[class j, a]): contiguous loads, no gathers.
  private final float[][] m0;
  private final float[][] d0;
  private final float[][] m0Reverse;
  private final float[][] d0Reverse;

  /**
   * @param or offset radii; {@code sr} scaled radii; {@code rho} intrinsic radii; {@code charge} charges (e)
   * @param polarScale {@code k (1/eps_in - 1/eps_out)}
   * @param neckM0 the neck table {@code [class_i * distinct + class_j]}, as {@code neckD0}
   */
  Gbn2VectorKernels(double[] or, double[] sr, double[] rho, double[] charge, double polarScale, int[] radiusIndex,
      double[] neckM0, double[] neckD0, int distinct) {
    n = or.length;
    this.or = FloatLanes.padded(or);
    this.sr = FloatLanes.padded(sr);
    this.rho = FloatLanes.padded(rho);
    this.charge = FloatLanes.padded(charge);
    this.polarScale = (float) polarScale;
    this.radiusIndex = radiusIndex.clone();
    m0 = new float[distinct][n + LANES];
    d0 = new float[distinct][n + LANES];
    m0Reverse = new float[distinct][n + LANES];
    d0Reverse = new float[distinct][n + LANES];
    for (int a = 0; a < distinct; a++) {
      for (int j = 0; j < n; j++) {
        int b = radiusIndex[j];
        m0[a][j] = (float) neckM0[a * distinct + b];
        d0[a][j] = (float) neckD0[a * distinct + b];
        m0Reverse[a][j] = (float) neckM0[b * distinct + a];
        d0Reverse[a][j] = (float) neckD0[b * distinct + a];
      }
    }
  }

  /** Pass 1: the integrals I of the rows of chunk {@code chunk}, {@code n + LANES} long (the tail is unused). */
  double[] integrals(FloatCoordinates c, int chunk, int chunks) {
    double[] out = new double[n + LANES];
    DoubleSums sums = new DoubleSums(n, false);
    float[] r = FloatLanes.row(n), v = FloatLanes.row(n), w = FloatLanes.row(n), t = FloatLanes.row(n);
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      c.distances(i, r);
      descreening(i, false, null, r, v, w, t);
      out[i] += sums.sum(v, i + 1, n);
      descreening(i, true, null, r, v, w, t);
      sums.addInto(out, v, i + 1, n);
    }
    return out;
  }

  /**
   * Pass 2: the pair polar energy of the rows of chunk {@code chunk}.
   *
   * @param born Born radii (nm), padded by {@link FloatLanes#LANES} ones
   * @param f receives the explicit pair forces, added; {@code null} for the energy only (then {@code dEdB} is unused)
   * @param dEdB receives {@code dU/dB}, added, {@code n + LANES} long
   */
  double polarPairs(FloatCoordinates c, float[] born, double[] f, double[] dEdB, int chunk, int chunks) {
    DoubleSums sums = new DoubleSums(n, f != null);
    float[] r2 = FloatLanes.row(n), quarter = FloatLanes.row(n), e = FloatLanes.row(n), u = FloatLanes.row(n);
    float[] scale = FloatLanes.row(n), dBi = FloatLanes.row(n), dBj = FloatLanes.row(n);
    double energy = 0;
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      c.squaredDistances(i, r2);
      polarExponents(i, born, r2, quarter, e);
      FloatLanes.exp(e, i + 1, n);
      polarRow(i, born, r2, quarter, e, u, scale, dBi, dBj);
      energy += sums.sum(u, i + 1, n);
      if (f != null) {
        sums.addPairForces(c, i, scale);
        dEdB[i] += sums.sum(dBi, i + 1, n);
        sums.addInto(dEdB, dBj, i + 1, n);
      }
    }
    if (f != null) {
      sums.addForcesTo(f);
    }
    return energy;
  }

  /**
   * Pass 3: the forces {@code -chain_i dI_i/dx - chain_j dI_j/dx} of the rows of chunk {@code chunk}, added to
   * {@code f}.
   *
   * @param chain {@code dU/dB_i dB_i/dI_i}, padded by {@link FloatLanes#LANES} zeros
   */
  void integralForces(FloatCoordinates c, float[] chain, double[] f, int chunk, int chunks) {
    DoubleSums sums = new DoubleSums(n, true);
    float[] r = FloatLanes.row(n), scale = FloatLanes.row(n), w = FloatLanes.row(n), t = FloatLanes.row(n);
    for (int i = 0; i < n; i++) {
      if (!ParallelLoop.ownsRow(i, chunk, chunks)) {
        continue;
      }
      c.distances(i, r);
      descreening(i, false, chain, r, scale, w, t);
      descreening(i, true, chain, r, scale, w, t);
      sums.addPairForces(c, i, scale);
    }
    sums.addForcesTo(f);
  }

  /**
   * Row i of pass 1 or 3 into {@code v}, given {@code r[j] = r_ij}: the descreening integral of i over each j
   * ({@code reverse == false}) or of j over i ({@link Gbn2Term#integral}); with a {@code chain}, instead
   * {@code -chain dI/dr / r} with chain_i (chain_j when {@code reverse}, then added to {@code v})
   * ({@link Gbn2Term#integralDerivative}). {@code w} and {@code t} are work rows.
   */
  private void descreening(int i, boolean reverse, float[] chain, float[] r, float[] v, float[] w, float[] t) {
    descreeningRow(i, reverse, chain, r, v, w, t);
    FloatLanes.log(t, i + 1, n);
    FloatLanes.addProduct(v, w, t, i + 1, n);
  }

  /** {@link #descreening} up to the logarithm: {@code v}, {@code w} and {@code t} of {@code v + w ln t}. */
  private void descreeningRow(int i, boolean reverse, float[] chain, float[] r, float[] v, float[] w, float[] t) {
    boolean derivative = chain != null;
    FloatVector one = FloatVector.broadcast(FLOATS, 1f);
    FloatVector orI = FloatVector.broadcast(FLOATS, or[i]), srI = FloatVector.broadcast(FLOATS, sr[i]);
    FloatVector chainI = FloatVector.broadcast(FLOATS, derivative ? chain[i] : 0f);
    float rhoI = rho[i];
    float[] m0Row = reverse ? m0Reverse[radiusIndex[i]] : m0[radiusIndex[i]];
    float[] d0Row = reverse ? d0Reverse[radiusIndex[i]] : d0[radiusIndex[i]];
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      FloatVector rj = FloatVector.fromArray(FLOATS, r, j0);
      FloatVector invR = one.div(rj);
      FloatVector orA = reverse ? FloatVector.fromArray(FLOATS, or, j0) : orI;
      FloatVector srB = reverse ? srI : FloatVector.fromArray(FLOATS, sr, j0);
      FloatVector u = rj.add(srB);
      FloatVector dist = rj.sub(srB);
      FloatVector absD = dist.abs();
      // L = or_A (dL/dr = 0) inside, else |r - sr_B| (dL/dr = sign)
      VectorMask<Float> inside = orA.compare(VectorOperators.GE, absD);
      FloatVector l = absD.blend(orA, inside);
      FloatVector invUl = one.div(u.mul(l));  // one division for 1/U and 1/L
      FloatVector invU = l.mul(invUl), invL = u.mul(invUl);
      VectorMask<Float> apart = u.compare(VectorOperators.LT, orA);
      FloatVector d = rj.sub(FloatVector.fromArray(FLOATS, d0Row, j0));
      FloatVector d2 = d.mul(d);
      FloatVector d4 = d2.mul(d2);
      FloatVector den = d4.mul(d2).mul(300000f).add(d2.mul(100f)).add(1f);
      FloatVector m0Scaled = FloatVector.fromArray(FLOATS, m0Row, j0).mul(NECK_SCALE);
      VectorMask<Float> noNeck = rj.compare(VectorOperators.GT, FloatVector.fromArray(FLOATS, rho, j0).add(rhoI + NECK_CUT));
      FloatVector invU2 = invU.mul(invU), invL2 = invL.mul(invL);
      FloatVector s2 = srB.mul(srB);
      if (!derivative) {
        FloatVector vdw = invL.sub(invU).add(rj.sub(s2.mul(invR)).mul(0.25f).mul(invU2.sub(invL2))).mul(0.5f).blend(0f, apart);
        vdw.add(m0Scaled.div(den).blend(0f, noNeck)).intoArray(v, j0);
        invR.mul(0.25f).blend(0f, apart).intoArray(w, j0);
      } else {
        // -chain / r: turns dI/dr into this pair's -dU/dr / r
        FloatVector factor = (reverse ? FloatVector.fromArray(FLOATS, chain, j0) : chainI).mul(invR).neg();
        FloatVector dl = one.blend(-1f, dist.compare(VectorOperators.LT, 0f)).blend(0f, inside);
        FloatVector invR2 = invR.mul(invR);
        FloatVector vdw = invU2.sub(dl.mul(invL2))
            .add(s2.mul(invR2).add(1f).mul(0.25f).mul(invU2.sub(invL2)))
            .add(rj.sub(s2.mul(invR)).mul(0.5f).mul(dl.mul(invL2).mul(invL).sub(invU2.mul(invU))))
            .add(dl.mul(invL).sub(invU).mul(invR).mul(0.5f))
            .mul(0.5f)
            .blend(0f, apart);
        FloatVector neck = m0Scaled.mul(d4.mul(d).mul(1800000f).add(d.mul(200f))).div(den.mul(den)).blend(0f, noNeck);
        FloatVector value = vdw.sub(neck).mul(factor);
        (reverse ? value.add(FloatVector.fromArray(FLOATS, v, j0)) : value).intoArray(v, j0);
        invR2.mul(-0.25f).mul(factor).blend(0f, apart).intoArray(w, j0);
      }
      l.mul(invU).intoArray(t, j0);
    }
  }

  /** Row i of pass 2, first part: {@code r^2 / (4 B_i B_j)} into {@code quarter}, its negative into {@code e}. */
  private void polarExponents(int i, float[] born, float[] r2, float[] quarter, float[] e) {
    float fourBi = 4 * born[i];
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      FloatVector q = FloatVector.fromArray(FLOATS, r2, j0).div(FloatVector.fromArray(FLOATS, born, j0).mul(fourBi));
      q.intoArray(quarter, j0);
      q.neg().intoArray(e, j0);
    }
  }

  /**
   * Row i of pass 2, given {@code e = exp(-r^2/(4 B_i B_j))}: the pair energies {@code u}, {@code -dU/dr / r} and the
   * contributions to {@code dU/dB_i} and {@code dU/dB_j}.
   */
  private void polarRow(int i, float[] born, float[] r2, float[] quarter, float[] e, float[] u, float[] scale,
      float[] dBi, float[] dBj) {
    FloatVector one = FloatVector.broadcast(FLOATS, 1f);
    float qi = polarScale * charge[i], bi = born[i];
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      FloatVector bj = FloatVector.fromArray(FLOATS, born, j0);
      FloatVector ej = FloatVector.fromArray(FLOATS, e, j0);
      FloatVector invF = one.div(FloatVector.fromArray(FLOATS, r2, j0).add(bj.mul(bi).mul(ej)).sqrt());
      // q_j / f first: see NonbondedVectorKernel on rounding products of parameters
      FloatVector qqOverF = FloatVector.fromArray(FLOATS, charge, j0).mul(invF).mul(qi);
      qqOverF.neg().intoArray(u, j0);
      // dU/df = qq / f^2;  df/dr = r (1 - e/4) / f;  df/dB_i = B_j e (1 + r^2/(4 B_i B_j)) / (2 f)
      FloatVector dUdfOverF = qqOverF.mul(invF.mul(invF));
      dUdfOverF.mul(ej.mul(0.25f).sub(1f)).intoArray(scale, j0);
      FloatVector common = dUdfOverF.mul(0.5f).mul(ej).mul(FloatVector.fromArray(FLOATS, quarter, j0).add(1f));
      common.mul(bj).intoArray(dBi, j0);
      common.mul(bi).intoArray(dBj, j0);
    }
  }
}
