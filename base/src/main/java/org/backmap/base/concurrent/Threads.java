package org.backmap.base.concurrent;

/** The default thread count of the project (see the package description for the policy). */
public final class Threads {
  /** System property that overrides the default thread count. */
  public static final String PROPERTY = "backmap.threads";

  private Threads() {}

  /**
   * The default thread count: the system property {@value #PROPERTY}, read at every call so a later setting is
   * seen, else {@link Runtime#availableProcessors()}.
   *
   * @throws IllegalArgumentException if the property is set but is not an integer of at least 1
   */
  public static int defaultCount() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      return requirePositive(Integer.parseInt(value.strip()), PROPERTY);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + " must be an integer of at least 1, got \"" + value + "\"", e);
    }
  }

  /**
   * Returns {@code count} if it is at least 1.
   *
   * @param what the name of the setting, for the error message
   * @throws IllegalArgumentException otherwise
   */
  public static int requirePositive(int count, String what) {
    if (count < 1) {
      throw new IllegalArgumentException(what + " must be an integer of at least 1, got " + count);
    }
    return count;
  }
}
