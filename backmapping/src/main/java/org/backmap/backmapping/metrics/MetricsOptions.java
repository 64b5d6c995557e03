package org.backmap.backmapping.metrics;

/**
 * What {@link StructureMetrics} measures with.
 *
 * @param bootstrap resamples of the generated set for the diversity score (at least 1)
 * @param seed seed of the resamples
 * @param bondTolerance a bond counts as right when its length is within this fraction of the reference's (0.10)
 * @param clashDistance a side-chain atom closer than this (Angstrom) to an atom of another residue is a clash (1.2)
 */
public record MetricsOptions(int bootstrap, long seed, double bondTolerance, double clashDistance) {

  /** Validates. */
  public MetricsOptions {
    if (bootstrap < 1 || !(bondTolerance > 0 && bondTolerance < 1) || !(clashDistance > 0 && Double.isFinite(clashDistance))) {
      throw new IllegalArgumentException("invalid metrics options: " + this
          + " (bootstrap at least 1, bond tolerance in (0, 1), clash distance finite and positive)");
    }
  }

  /** Jones et al.'s settings: 100 resamples, seed 1, bonds within 10 %, clashes closer than 1.2 Angstrom. */
  public static MetricsOptions defaults() {
    return new MetricsOptions(100, 1, 0.10, 1.2);
  }

  /** A copy with another number of resamples. */
  public MetricsOptions withBootstrap(int n) {
    return new MetricsOptions(n, seed, bondTolerance, clashDistance);
  }

  /** A copy with another seed. */
  public MetricsOptions withSeed(long s) {
    return new MetricsOptions(bootstrap, s, bondTolerance, clashDistance);
  }
}
