package org.backmap.md.simulation;

/**
 * What a {@link Simulation} did.
 *
 * @param atoms atoms simulated
 * @param temperatures the replica temperatures (K), lowest first
 * @param acceptance fraction of accepted exchanges between replicas i and i+1, over the whole run (resumed
 *     parts included)
 * @param frames frames in the trajectory files
 * @param steps integration steps of each replica
 * @param seconds wall-clock time of the dynamics in this call
 * @param firstFrame frames already written when this call started (0 unless resumed)
 * @param stopped whether the run was stopped (by {@link SimulationControl}) before its last frame
 */
public record SimulationResult(int atoms, double[] temperatures, double[] acceptance, long frames, long steps, double seconds,
    long firstFrame, boolean stopped) {}
