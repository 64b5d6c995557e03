package org.backmap.md.simulation;

/**
 * A run cannot continue from its restart checkpoint: the file is missing, corrupt, of another version or kind,
 * or written for another system or other settings. The message names the file.
 */
public final class RestartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the file */
  public RestartException(String message) {
    super(message);
  }

  /** @param message what is wrong, naming the file; @param cause the failure behind it */
  public RestartException(String message, Throwable cause) {
    super(message, cause);
  }
}
