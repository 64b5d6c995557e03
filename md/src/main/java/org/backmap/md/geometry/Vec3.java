package org.backmap.md.geometry;

/**
 * Arithmetic on 3-vectors held as {@code double[3]}; every operation returns a new array and leaves its
 * arguments unchanged.
 */
public final class Vec3 {
  private Vec3() {}

  /** Point {@code i} of a flat array of (x, y, z) triples. */
  public static double[] at(double[] xyz, int i) {
    return new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]};
  }

  /** {@code a - b}. */
  public static double[] sub(double[] a, double[] b) {
    return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
  }

  /** {@code a + b}. */
  public static double[] add(double[] a, double[] b) {
    return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  /** {@code s a}. */
  public static double[] scale(double[] a, double s) {
    return new double[] {a[0] * s, a[1] * s, a[2] * s};
  }

  /** The scalar product. */
  public static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  /** The vector product {@code a x b}. */
  public static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  /** {@code a / |a|}. */
  public static double[] unit(double[] a) {
    return scale(a, 1 / Math.sqrt(dot(a, a)));
  }
}
