package org.backmap.md.dynamics;

/**
 * Everything a {@link LangevinMiddleIntegrator} needs to continue exactly where it was (forces are recomputed
 * from the positions).
 *
 * @param positions positions (nm, flat)
 * @param velocities velocities (nm/ps, flat)
 * @param steps steps taken
 * @param temperature bath temperature (K)
 * @param random state of the noise generator ({@link RestorableRandom#state()})
 */
public record IntegratorState(double[] positions, double[] velocities, long steps, double temperature, long[] random) {
  public IntegratorState {
    if (positions.length != velocities.length) {
      throw new IllegalArgumentException(positions.length + " positions but " + velocities.length + " velocities");
    }
    positions = positions.clone();
    velocities = velocities.clone();
    random = random.clone();
  }
}
