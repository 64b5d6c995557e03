package org.backmap.md.simulation;

/**
 * What a finished {@link Simulation} did.
 *
 * @param atoms atoms simulated
 * @param temperatures the replica temperatures (K), lowest first
 * @param acceptance fraction of accepted exchanges between replicas i and i+1
 * @param frames frames written
 * @param steps integration steps of each replica
 * @param seconds wall-clock time of the dynamics
 */
public record SimulationResult(int atoms, double[] temperatures, double[] acceptance, long frames, long steps, double seconds) {}
