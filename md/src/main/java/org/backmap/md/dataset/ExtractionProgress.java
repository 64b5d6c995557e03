package org.backmap.md.dataset;

/** Told after each structure file of {@link DatasetBuilder#build}, in file order, on the calling thread. */
@FunctionalInterface
public interface ExtractionProgress {
  /** Reports nothing. */
  ExtractionProgress NONE = (done, total, examples, file) -> {};

  /**
   * File {@code file} is done (its examples written, or skipped).
   *
   * @param done files done so far
   * @param total files in all
   * @param examples examples written so far
   */
  void fileDone(int done, int total, long examples, StructureExamples file);
}
