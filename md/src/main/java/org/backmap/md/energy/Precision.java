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
   * Pair interactions in float32 over the Vector API (one vector of j atoms at a time, coordinates taken relative to
   * the centroid), each pair's energy, force and Born-radius contribution added in float64, as OpenMM's mixed
   * precision does. Against {@link #DOUBLE}: terms within about 1e-7 relative (at most 1e-6, the Lennard-Jones sum
   * of chignolin, whose terms cancel), forces within about 5e-7 relative RMS; 4 to 6 times faster. Pair functions
   * use only correctly rounded lane operations (the exponential and logarithm are polynomials of them), so results
   * depend only on the thread count, as in {@link #DOUBLE}, not on the JIT state. The energy jitters at float32
   * resolution (about 1e-7 of the total), so central differences need steps of about 1e-3 nm.
   */
  MIXED
}
