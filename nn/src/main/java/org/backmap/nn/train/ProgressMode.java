package org.backmap.nn.train;

/** How the {@link Trainer} reports progress. */
public enum ProgressMode {
  /** A progress bar on an interactive terminal, otherwise one log line per epoch. */
  AUTO,
  /** A progress bar on standard error. */
  BAR,
  /** One line per epoch on standard error. */
  LOG,
  /** Nothing (tests, embedding). */
  NONE
}
