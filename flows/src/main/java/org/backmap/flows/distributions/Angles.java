package org.backmap.flows.distributions;

/** Angles on the circle, represented in {@code (-pi, pi]}. */
public final class Angles {

  private static final double TWO_PI = 2 * Math.PI;

  private Angles() {}

  /** The representative of {@code x} in {@code (-pi, pi]}. */
  public static double wrap(double x) {
    double r = Math.PI - ((Math.PI - x) % TWO_PI + TWO_PI) % TWO_PI;
    return r == -Math.PI ? Math.PI : r;
  }
}
