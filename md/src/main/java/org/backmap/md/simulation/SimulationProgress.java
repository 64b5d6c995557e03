package org.backmap.md.simulation;

/** Told after every frame of a {@link Simulation}. */
@FunctionalInterface
public interface SimulationProgress {
  /** Tells nothing. */
  SimulationProgress NONE = (frame, frames, timePs, seconds, kineticTemperature) -> {};

  /**
   * @param frame frames done
   * @param frames frames in the run
   * @param timePs simulated time so far (ps)
   * @param seconds wall-clock time so far
   * @param kineticTemperature instantaneous kinetic temperature of the lowest replica (K)
   */
  void frameDone(long frame, long frames, double timePs, double seconds, double kineticTemperature);
}
