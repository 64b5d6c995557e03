package org.backmap.autodiff;

/**
 * Whether ops record the tape on the current thread. {@code try (var scope = GradMode.noGrad()) { ... }}
 * evaluates without recording, e.g. for sampling, validation and optimiser updates.
 */
public final class GradMode {

  private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

  private GradMode() {}

  /** A scope that restores the previous mode when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Whether ops currently record gradients on this thread. */
  public static boolean isEnabled() {
    return ENABLED.get();
  }

  /** Disables recording until the returned scope is closed. */
  public static Scope noGrad() {
    boolean previous = ENABLED.get();
    ENABLED.set(Boolean.FALSE);
    return () -> ENABLED.set(previous);
  }
}
