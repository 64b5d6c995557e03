package org.backmap.md.prepare;

/** Told as files finish, from the worker that finished them (one call at a time). */
@FunctionalInterface
public interface PrepareProgress {
  /** Progress that shows nothing. */
  PrepareProgress NONE = (file, done, total, elapsedSeconds, etaSeconds) -> {};

  /**
   * One more file is finished.
   *
   * @param file its record (skipped, prepared, or found finished in the manifest)
   * @param done files finished so far in this run, those found in the manifest included
   * @param total files of the run
   * @param elapsedSeconds since the run started
   * @param etaSeconds estimated seconds until the last file, from the files prepared in this run ({@code NaN}
   *     until one is)
   */
  void fileDone(PreparedFile file, int done, int total, double elapsedSeconds, double etaSeconds);
}
