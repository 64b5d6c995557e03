package org.backmap.md.simulation;

/** Told after every frame of a {@link Simulation}. */
@FunctionalInterface
public interface SimulationProgress {
  /** Tells nothing. */
  SimulationProgress NONE = (frame, frames, timePs, seconds, kineticTemperature) -> {};

  /**
   * Told once, before the first step (after any minimisation).
   *
   * @param frame frames already written (0 unless resumed)
   * @param frames frames in the run
   * @param timePs simulated time already done (ps)
   */
  default void started(long frame, long frames, double timePs) {}

  /**
   * @param frame frames done
   * @param frames frames in the run
   * @param timePs simulated time so far (ps)
   * @param seconds wall-clock time since the dynamics of this call started
   * @param kineticTemperature instantaneous kinetic temperature of the lowest replica (K)
   */
  void frameDone(long frame, long frames, double timePs, double seconds, double kineticTemperature);
}
