package org.backmap.md.simulation;

/**
 * Lets another thread (a signal handler, a test) stop a running {@link Simulation}: the run stops at the next
 * frame boundary, finishes its trajectory files and writes its restart checkpoint. Thread-safe.
 */
public final class SimulationControl {
  private volatile boolean stop;

  /** Asks the run to stop at the next frame boundary; returns at once. */
  public void requestStop() {
    stop = true;
  }

  /** Whether a stop was requested. */
  public boolean stopRequested() {
    return stop;
  }
}
