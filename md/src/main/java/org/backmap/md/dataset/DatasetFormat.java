package org.backmap.md.dataset;

/**
 * The binary dataset layout, shared by {@link DatasetWriter} and {@link DatasetReader}. Big-endian throughout.
 *
 * <pre>
 * header:  "BMDS" (4 bytes), int version (1), UTF template, UTF group, int batDim, int environmentSize (150),
 *          int classes (112), int chunkSize
 * chunk*:  int count (1..chunkSize), then column blocks for the count examples:
 *          double bat[count][batDim], double bead[count][3], float environment[count][environmentSize][3],
 *          byte labels[count][environmentSize], byte mask[count][environmentSize]
 * end:     int 0
 * </pre>
 *
 * One file holds one (template, group) pair, so every vector has the same length; a reader needs one chunk in
 * memory at a time.
 */
final class DatasetFormat {
  static final byte[] MAGIC = {'B', 'M', 'D', 'S'};
  static final int VERSION = 1;

  private DatasetFormat() {}
}
