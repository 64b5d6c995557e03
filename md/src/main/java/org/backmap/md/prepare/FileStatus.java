package org.backmap.md.prepare;

/** What became of one input file. */
public enum FileStatus {
  /** Prepared and written. */
  OK,
  /** Not prepared; the record says why. */
  SKIPPED
}
