package org.backmap.md.dataset;

/**
 * The binary layout of one example stream, shared by {@link DatasetWriter} and {@link DatasetReader}. Big-endian
 * throughout.
 *
 * <pre>
 * header:  "BMDS" (4 bytes), int version (2), UTF type, UTF group, int batDim, int environmentSize (150),
 *          int classes (112), int chunkSize
 * chunk*:  int count (1..chunkSize), then column blocks for the count examples:
 *          double bat[count][batDim], double bead[count][3], double roots[count][9] (version 3),
 *          float environment[count][environmentSize][3],
 *          byte labels[count][environmentSize], byte mask[count][environmentSize]
 * end:     int 0, long total examples (version 2)
 * </pre>
 *
 * One file holds one residue type ({@link ResidueType}) and group, so every vector has the same length; a reader
 * needs one chunk in memory at a time. The template of an example is the class of its first environment particle,
 * its own bead (at distance 0). Version 1 named a single template instead of a type and had no total after the
 * end marker; version 2 had no roots. Readers accept both (roots then NaN).
 */
final class DatasetFormat {
  static final byte[] MAGIC = {'B', 'M', 'D', 'S'};
  static final int VERSION = 3;

  private DatasetFormat() {}

  /** Bytes of a stream file with {@code examples} examples in chunks of {@code chunkSize} (version 3). */
  static long fileBytes(String type, String group, int batDim, int chunkSize, long examples) {
    long header = 4 + 4 + utfBytes(type) + utfBytes(group) + 4 * 4;
    long chunks = (examples + chunkSize - 1) / chunkSize;
    long perExample = 8L * batDim + 8 * 3 + 8 * 9 + 4L * ExampleExtractor.ENVIRONMENT_SIZE * 3 + 2L * ExampleExtractor.ENVIRONMENT_SIZE;
    return header + 4 * chunks + perExample * examples + 4 + 8;
  }

  private static long utfBytes(String s) {
    return 2 + s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length; // ASCII names only
  }
}
