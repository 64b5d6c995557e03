package org.backmap.md.minimize;

/** A minimization met a non-finite value or gradient; the message names the iteration. */
public final class MinimizationDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int iteration;
  private final String reason;

  /**
   * @param message the whole message
   * @param iteration the iteration under way (0: the start point)
   * @param reason what was not finite, e.g. {@code "non-finite energy"}
   */
  public MinimizationDivergedException(String message, int iteration, String reason) {
    super(message);
    this.iteration = iteration;
    this.reason = reason;
  }

  /** The iteration under way when it happened; 0 is the start point. */
  public int iteration() {
    return iteration;
  }

  /** What was not finite, e.g. {@code "non-finite energy"}. */
  public String reason() {
    return reason;
  }
}
