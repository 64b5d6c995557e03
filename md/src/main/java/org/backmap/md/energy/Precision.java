package org.backmap.md.energy;

/**
 * The arithmetic of the O(N^2) pair loops of a {@link ForceFieldEnergy}: Lennard-Jones + Coulomb without cutoff
 * ({@link NonbondedTerm}) and the three GBn2 pair passes ({@link Gbn2Term}). Bonded terms, 1-4 pairs, the per-atom
 * Born-radius work and every sum are float64 in both.
 */
public enum Precision {
  /** Everything in float64: agrees with OpenMM's Reference platform to about 1e-13 relative. */
  DOUBLE,
  /**
   * Pair interactions in float32 over the Vector API (one vector of j atoms per step, coordinates taken relative to
   * the centroid), each pair's energy, force and Born-radius contribution accumulated in float64, as OpenMM's mixed
   * precision does. About 1e-7 relative in energies and 1e-6 in forces against {@link #DOUBLE}, several times
   * faster. Pair functions use only correctly rounded lane operations (the exponential and logarithm are
   * polynomials of them), so results do not depend on the JIT state. The energy is not smooth below float32
   * resolution: finite differences need steps above about 1e-4 nm.
   */
  MIXED
}
