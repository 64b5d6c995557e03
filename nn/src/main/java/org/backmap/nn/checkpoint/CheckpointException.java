package org.backmap.nn.checkpoint;

import java.io.IOException;

/** A checkpoint cannot be read or does not fit: the message names the file and what is wrong. */
public final class CheckpointException extends IOException {

  /** With a message naming the file and the problem. */
  public CheckpointException(String message) {
    super(message);
  }

  /** With a message naming the file and the problem, and the underlying cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
