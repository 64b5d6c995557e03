package org.backmap.md.geometry;

/**
 * Root-mean-square deviation of two point sets after their optimal rigid superposition (translation and proper
 * rotation, equal weights), by Horn's quaternion method: the best rotation's quaternion is the eigenvector of the
 * largest eigenvalue {@code lambda} of a symmetric 4 x 4 matrix built from the centred cross-covariance, and
 * {@code RMSD^2 = (|a|^2 + |b|^2 - 2 lambda) / n} with {@code |a|^2} the centred sum of squares. The eigenvalue
 * comes from cyclic Jacobi rotations, which converge to machine precision in a few sweeps for a 4 x 4 matrix.
 */
public final class Superposition {
  private Superposition() {}

  /**
   * The minimal RMSD of {@code a} and {@code b} (flat {@code x, y, z} per point, the same number of points, at
   * least one) over rigid motions of one of them, in their units.
   *
   * @throws IllegalArgumentException when the lengths differ or are not a positive multiple of 3
   */
  public static double rmsd(double[] a, double[] b) {
    if (a.length != b.length || a.length == 0 || a.length % 3 != 0) {
      throw new IllegalArgumentException("two sets of the same positive number of points needed, got " + a.length + " and " + b.length + " coordinates");
    }
    int n = a.length / 3;
    double[] ca = centroid(a);
    double[] cb = centroid(b);
    double ga = 0;
    double gb = 0;
    double sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0;
    for (int i = 0; i < n; i++) {
      double ax = a[3 * i] - ca[0], ay = a[3 * i + 1] - ca[1], az = a[3 * i + 2] - ca[2];
      double bx = b[3 * i] - cb[0], by = b[3 * i + 1] - cb[1], bz = b[3 * i + 2] - cb[2];
      ga += ax * ax + ay * ay + az * az;
      gb += bx * bx + by * by + bz * bz;
      sxx += ax * bx;
      sxy += ax * by;
      sxz += ax * bz;
      syx += ay * bx;
      syy += ay * by;
      syz += ay * bz;
      szx += az * bx;
      szy += az * by;
      szz += az * bz;
    }
    double[][] k = {
        {sxx + syy + szz, syz - szy, szx - sxz, sxy - syx},
        {syz - szy, sxx - syy - szz, sxy + syx, szx + sxz},
        {szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy},
        {sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz}};
    double lambda = largestEigenvalue(k);
    double msd = Math.max(0, (ga + gb - 2 * lambda) / n);
    return Math.sqrt(msd);
  }

  private static double[] centroid(double[] x) {
    int n = x.length / 3;
    double[] c = new double[3];
    for (int i = 0; i < n; i++) {
      c[0] += x[3 * i];
      c[1] += x[3 * i + 1];
      c[2] += x[3 * i + 2];
    }
    c[0] /= n;
    c[1] /= n;
    c[2] /= n;
    return c;
  }

  /** Largest eigenvalue of a symmetric 4 x 4 matrix (overwritten) by cyclic Jacobi rotations. */
  static double largestEigenvalue(double[][] m) {
    for (int sweep = 0; sweep < 50; sweep++) {
      double off = 0;
      double diag = 0;
      for (int p = 0; p < 4; p++) {
        diag += m[p][p] * m[p][p];
        for (int q = p + 1; q < 4; q++) {
          off += m[p][q] * m[p][q];
        }
      }
      if (off <= 1e-30 * Math.max(diag, Double.MIN_NORMAL)) {
        break;
      }
      for (int p = 0; p < 3; p++) {
        for (int q = p + 1; q < 4; q++) {
          double apq = m[p][q];
          if (apq == 0) {
            continue;
          }
          double theta = (m[q][q] - m[p][p]) / (2 * apq);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int r = 0; r < 4; r++) { // columns p and q
            double mrp = m[r][p];
            double mrq = m[r][q];
            m[r][p] = c * mrp - s * mrq;
            m[r][q] = s * mrp + c * mrq;
          }
          for (int r = 0; r < 4; r++) { // rows p and q
            double mpr = m[p][r];
            double mqr = m[q][r];
            m[p][r] = c * mpr - s * mqr;
            m[q][r] = s * mpr + c * mqr;
          }
        }
      }
    }
    return Math.max(Math.max(m[0][0], m[1][1]), Math.max(m[2][2], m[3][3]));
  }
}
