package org.backmap.md.dynamics;

/**
 * One member of a temperature replica-exchange ensemble: a sampler at a fixed bath temperature whose
 * configuration can be swapped with another of the same kind. Units: K and kJ/mol.
 *
 * @param <R> the kind of replica it swaps configurations with
 */
public interface Replica<R extends Replica<R>> {

  /** Bath temperature (K); it stays with the replica when configurations are swapped. */
  double temperature();

  /** Potential energy of the current configuration (kJ/mol). */
  double potentialEnergy();

  /** Advances the sampler by {@code count} steps at its own temperature. */
  void step(int count);

  /**
   * Exchanges configurations with {@code other}: afterwards each holds the configuration the other held, at its
   * own temperature (momenta, where there are any, rescaled to it).
   */
  void swapConfigurations(R other);
}
