package org.backmap.md.energy;

import static org.backmap.md.energy.FloatLanes.DOUBLES;
import static org.backmap.md.energy.FloatLanes.FLOATS;
import static org.backmap.md.energy.FloatLanes.LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The float64 side of a {@link Precision#MIXED} pair loop, one per chunk: sums of float32 rows (see
 * {@link FloatLanes}) and the chunk's forces, per axis. Every pair value is widened to float64 before it is added,
 * and lanes are summed in lane order (not {@code reduceLanes}, whose order is the JIT's), so a result depends only
 * on the chunking.
 */
final class DoubleSums {
  private final double[] lanes = new double[DOUBLES.length()];
  private final int n;
  private final double[] fx;
  private final double[] fy;
  private final double[] fz;

  /**
   * @param n atoms
   * @param forces whether the chunk adds forces ({@link #addPairForces})
   */
  DoubleSums(int n, boolean forces) {
    this.n = n;
    fx = forces ? new double[n + LANES] : null;
    fy = forces ? new double[n + LANES] : null;
    fz = forces ? new double[n + LANES] : null;
  }

  /** The float64 sum of {@code v[from .. to-1]}. */
  double sum(float[] v, int from, int to) {
    DoubleVector sum = DoubleVector.zero(DOUBLES);
    for (int j0 = from; j0 < to; j0 += LANES) {
      FloatVector x = FloatVector.fromArray(FLOATS, v, j0, FLOATS.indexInRange(j0, to));
      sum = sum.add(x.convertShape(VectorOperators.F2D, DOUBLES, 0)).add(x.convertShape(VectorOperators.F2D, DOUBLES, 1));
    }
    return lanes(sum);
  }

  /** {@code target[j] += v[j]} in float64 for {@code j} in {@code from .. to-1}; {@code target} is padded. */
  void addInto(double[] target, float[] v, int from, int to) {
    int half = DOUBLES.length();
    for (int j0 = from; j0 < to; j0 += LANES) {
      FloatVector x = FloatVector.fromArray(FLOATS, v, j0, FLOATS.indexInRange(j0, to));
      DoubleVector.fromArray(DOUBLES, target, j0).add(x.convertShape(VectorOperators.F2D, DOUBLES, 0)).intoArray(target, j0);
      DoubleVector.fromArray(DOUBLES, target, j0 + half).add(x.convertShape(VectorOperators.F2D, DOUBLES, 1))
          .intoArray(target, j0 + half);
    }
  }

  /**
   * The pair forces of row i: {@code F_i += s_ij (x_i - x_j)}, {@code F_j -= s_ij (x_i - x_j)} for every
   * {@code j > i}, with {@code scale[j] = s_ij = -dU/dr / r}.
   */
  void addPairForces(FloatCoordinates c, int i, float[] scale) {
    int half = DOUBLES.length();
    FloatVector xi = FloatVector.broadcast(FLOATS, c.x[i]);
    FloatVector yi = FloatVector.broadcast(FLOATS, c.y[i]);
    FloatVector zi = FloatVector.broadcast(FLOATS, c.z[i]);
    DoubleVector sx = DoubleVector.zero(DOUBLES), sy = sx, sz = sx;
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      VectorMask<Float> inRange = FLOATS.indexInRange(j0, n);
      FloatVector s = FloatVector.fromArray(FLOATS, scale, j0, inRange);
      FloatVector px = xi.sub(FloatVector.fromArray(FLOATS, c.x, j0)).mul(s);
      FloatVector py = yi.sub(FloatVector.fromArray(FLOATS, c.y, j0)).mul(s);
      FloatVector pz = zi.sub(FloatVector.fromArray(FLOATS, c.z, j0)).mul(s);
      DoubleVector px0 = (DoubleVector) px.convertShape(VectorOperators.F2D, DOUBLES, 0);
      DoubleVector px1 = (DoubleVector) px.convertShape(VectorOperators.F2D, DOUBLES, 1);
      DoubleVector py0 = (DoubleVector) py.convertShape(VectorOperators.F2D, DOUBLES, 0);
      DoubleVector py1 = (DoubleVector) py.convertShape(VectorOperators.F2D, DOUBLES, 1);
      DoubleVector pz0 = (DoubleVector) pz.convertShape(VectorOperators.F2D, DOUBLES, 0);
      DoubleVector pz1 = (DoubleVector) pz.convertShape(VectorOperators.F2D, DOUBLES, 1);
      sx = sx.add(px0).add(px1);
      sy = sy.add(py0).add(py1);
      sz = sz.add(pz0).add(pz1);
      DoubleVector.fromArray(DOUBLES, fx, j0).sub(px0).intoArray(fx, j0);
      DoubleVector.fromArray(DOUBLES, fx, j0 + half).sub(px1).intoArray(fx, j0 + half);
      DoubleVector.fromArray(DOUBLES, fy, j0).sub(py0).intoArray(fy, j0);
      DoubleVector.fromArray(DOUBLES, fy, j0 + half).sub(py1).intoArray(fy, j0 + half);
      DoubleVector.fromArray(DOUBLES, fz, j0).sub(pz0).intoArray(fz, j0);
      DoubleVector.fromArray(DOUBLES, fz, j0 + half).sub(pz1).intoArray(fz, j0 + half);
    }
    fx[i] += lanes(sx);
    fy[i] += lanes(sy);
    fz[i] += lanes(sz);
  }

  /** Adds the chunk's forces into flat forces {@code [fx0, fy0, fz0, fx1, ...]}. */
  void addForcesTo(double[] flat) {
    for (int i = 0; i < n; i++) {
      flat[3 * i] += fx[i];
      flat[3 * i + 1] += fy[i];
      flat[3 * i + 2] += fz[i];
    }
  }

  private double lanes(DoubleVector v) {
    v.intoArray(lanes, 0);
    double s = 0;
    for (double x : lanes) {
      s += x;
    }
    return s;
  }
}
