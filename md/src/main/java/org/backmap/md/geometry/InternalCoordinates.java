package org.backmap.md.geometry;

/**
 * Bond length, bond angle and torsion of points stored as consecutive (x, y, z) triples in flat arrays,
 * and the inverse: placing a point from its internal coordinates (the natural extension reference frame,
 * NeRF).
 *
 * <p>Conventions: {@code angle(a, b, c)} is the angle at {@code b} in [0, pi]; {@code torsion(a, b, c, d)} is
 * the IUPAC dihedral a-b-c-d in (-pi, pi], positive when, looking along b to c, a must turn clockwise onto d.
 * {@link #place} is the exact inverse: it puts {@code x} at distance {@code bond} from {@code p}, angle
 * x-p-a equal to {@code angle} and torsion x-p-a-t equal to {@code torsion}.
 */
public final class InternalCoordinates {
  private InternalCoordinates() {}

  /** Distance between the points at offsets {@code i} and {@code j} of {@code xyz}. */
  public static double distance(double[] xyz, int i, int j) {
    double dx = xyz[i] - xyz[j];
    double dy = xyz[i + 1] - xyz[j + 1];
    double dz = xyz[i + 2] - xyz[j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** Angle a-b-c at b, in radians; arguments are array offsets of the three points. */
  public static double angle(double[] xyz, int a, int b, int c) {
    double ux = xyz[a] - xyz[b], uy = xyz[a + 1] - xyz[b + 1], uz = xyz[a + 2] - xyz[b + 2];
    double vx = xyz[c] - xyz[b], vy = xyz[c + 1] - xyz[b + 1], vz = xyz[c + 2] - xyz[b + 2];
    double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
    // atan2 of |u x v| and u.v stays accurate near 0 and pi, unlike acos.
    return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), ux * vx + uy * vy + uz * vz);
  }

  /** Dihedral a-b-c-d in (-pi, pi]; arguments are array offsets of the four points. */
  public static double torsion(double[] xyz, int a, int b, int c, int d) {
    double b1x = xyz[b] - xyz[a], b1y = xyz[b + 1] - xyz[a + 1], b1z = xyz[b + 2] - xyz[a + 2];
    double b2x = xyz[c] - xyz[b], b2y = xyz[c + 1] - xyz[b + 1], b2z = xyz[c + 2] - xyz[b + 2];
    double b3x = xyz[d] - xyz[c], b3y = xyz[d + 1] - xyz[c + 1], b3z = xyz[d + 2] - xyz[c + 2];
    double n1x = b1y * b2z - b1z * b2y, n1y = b1z * b2x - b1x * b2z, n1z = b1x * b2y - b1y * b2x;
    double n2x = b2y * b3z - b2z * b3y, n2y = b2z * b3x - b2x * b3z, n2z = b2x * b3y - b2y * b3x;
    double b2n = Math.sqrt(b2x * b2x + b2y * b2y + b2z * b2z);
    // atan2(|b2| b1.(b2 x b3), (b1 x b2).(b2 x b3)): the IUPAC sign, well conditioned everywhere.
    double y = b2n * (b1x * n2x + b1y * n2y + b1z * n2z);
    double x = n1x * n2x + n1y * n2y + n1z * n2z;
    return Math.atan2(y, x);
  }

  /**
   * Writes into {@code xyz[x..x+2]} the point at {@code bond} from p, with angle x-p-a = {@code angle} and
   * torsion x-p-a-t = {@code torsion}. Only {@code xyz[x..x+2]} is modified.
   */
  public static void place(double[] xyz, int x, int p, int a, int t, double bond, double angle, double torsion) {
    // Frame on p: e1 along a->p, e3 normal to the plane (t, a, p), e2 = e3 x e1.
    double e1x = xyz[p] - xyz[a], e1y = xyz[p + 1] - xyz[a + 1], e1z = xyz[p + 2] - xyz[a + 2];
    double n1 = Math.sqrt(e1x * e1x + e1y * e1y + e1z * e1z);
    e1x /= n1;
    e1y /= n1;
    e1z /= n1;
    double ux = xyz[a] - xyz[t], uy = xyz[a + 1] - xyz[t + 1], uz = xyz[a + 2] - xyz[t + 2];
    double e3x = uy * e1z - uz * e1y;
    double e3y = uz * e1x - ux * e1z, e3z = ux * e1y - uy * e1x;
    double n3 = Math.sqrt(e3x * e3x + e3y * e3y + e3z * e3z);
    e3x /= n3;
    e3y /= n3;
    e3z /= n3;
    double e2x = e3y * e1z - e3z * e1y, e2y = e3z * e1x - e3x * e1z, e2z = e3x * e1y - e3y * e1x;
    double c1 = -bond * Math.cos(angle);
    double s = bond * Math.sin(angle);
    double c2 = s * Math.cos(torsion);
    double c3 = s * Math.sin(torsion);
    xyz[x] = xyz[p] + c1 * e1x + c2 * e2x + c3 * e3x;
    xyz[x + 1] = xyz[p + 1] + c1 * e1y + c2 * e2y + c3 * e3y;
    xyz[x + 2] = xyz[p + 2] + c1 * e1z + c2 * e2z + c3 * e3z;
  }

  /** {@code value} wrapped into (-pi, pi]. */
  public static double wrap(double value) {
    double w = Math.IEEEremainder(value, 2 * Math.PI);
    return w <= -Math.PI ? w + 2 * Math.PI : w;
  }
}
