package org.backmap.md.energy;

import static org.backmap.md.energy.FloatLanes.FLOATS;
import static org.backmap.md.energy.FloatLanes.LANES;

import jdk.incubator.vector.FloatVector;

/**
 * float32 structure-of-arrays positions for the {@link Precision#MIXED} pair kernels. Positions are taken relative to the centroid, computed in float64: pair vectors are differences, so
 * this changes nothing but halves the rounding of a protein's coordinates (a coordinate of 3 nm rounds to 1.2e-7 nm
 * in float32, one of 6 nm to twice that).
 */
final class FloatCoordinates {
  /** Atoms. */
  final int n;
  /** Coordinates (nm), padded by {@link FloatLanes#LANES} far-away entries so a vector may start at any atom. */
  final float[] x;
  final float[] y;
  final float[] z;

  private FloatCoordinates(int n) {
    this.n = n;
    x = new float[n + LANES];
    y = new float[n + LANES];
    z = new float[n + LANES];
  }

  /** The float32 copy of flat positions {@code [x0, y0, z0, x1, ...]} (nm). */
  static FloatCoordinates of(double[] flat) {
    int n = flat.length / 3;
    double cx = 0, cy = 0, cz = 0;
    for (int i = 0; i < n; i++) {
      cx += flat[3 * i];
      cy += flat[3 * i + 1];
      cz += flat[3 * i + 2];
    }
    cx /= Math.max(1, n);
    cy /= Math.max(1, n);
    cz /= Math.max(1, n);
    FloatCoordinates c = new FloatCoordinates(n);
    for (int i = 0; i < n; i++) {
      c.x[i] = (float) (flat[3 * i] - cx);
      c.y[i] = (float) (flat[3 * i + 1] - cy);
      c.z[i] = (float) (flat[3 * i + 2] - cz);
    }
    // Padding lanes are masked out of every sum; far away they keep every intermediate finite.
    for (int k = n; k < c.x.length; k++) {
      c.x[k] = 1000f + k;
    }
    return c;
  }

  /** Row i: {@code out[j] = |x_i - x_j|^2} for {@code j > i}, a whole vector at a time (see {@link FloatLanes}). */
  void squaredDistances(int i, float[] out) {
    FloatVector xi = FloatVector.broadcast(FLOATS, x[i]);
    FloatVector yi = FloatVector.broadcast(FLOATS, y[i]);
    FloatVector zi = FloatVector.broadcast(FLOATS, z[i]);
    for (int j0 = i + 1; j0 < n; j0 += LANES) {
      FloatVector dx = xi.sub(FloatVector.fromArray(FLOATS, x, j0));
      FloatVector dy = yi.sub(FloatVector.fromArray(FLOATS, y, j0));
      FloatVector dz = zi.sub(FloatVector.fromArray(FLOATS, z, j0));
      dx.mul(dx).add(dy.mul(dy)).add(dz.mul(dz)).intoArray(out, j0);
    }
  }

  /** Row i: {@code out[j] = |x_i - x_j|} for {@code j > i}. */
  void distances(int i, float[] out) {
    squaredDistances(i, out);
    FloatLanes.sqrt(out, i + 1, n);
  }
}
