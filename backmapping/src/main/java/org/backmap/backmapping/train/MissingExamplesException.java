package org.backmap.backmapping.train;

import java.io.IOException;

/** The dataset has no training or no validation examples of the residue type asked for. */
public final class MissingExamplesException extends IOException {

  /** @param message which type and split, and which dataset */
  public MissingExamplesException(String message) {
    super(message);
  }
}
