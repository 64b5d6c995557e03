package org.backmap.md.dynamics;

/**
 * Dynamics produced non-finite positions, velocities or energy (too large a time step, a clash, broken input):
 * the message names the step and, where known, the atom with the largest force.
 */
public final class SimulationDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long step;

  /**
   * @param message what happened, naming the step
   * @param step the step whose result was not finite
   * @param cause the failure this one explains further, or {@code null}
   */
  public SimulationDivergedException(String message, long step, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** The step whose result was not finite (1 is the first step). */
  public long step() {
    return step;
  }
}
