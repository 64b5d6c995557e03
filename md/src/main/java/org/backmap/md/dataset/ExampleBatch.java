package org.backmap.md.dataset;

import org.backmap.md.bat.BatGroup;

/**
 * A batch of examples in flat row-major arrays.
 *
 * @param template template of every example
 * @param group group of every example
 * @param size number of examples
 * @param batDim BAT vector length
 * @param bat [size][batDim]
 * @param bead [size][3]
 * @param roots [size][9], the three Z-matrix roots of each example (NaN when the file predates them)
 * @param environment [size][150][3]
 * @param labels [size][150]
 * @param mask [size][150]
 */
public record ExampleBatch(String template, BatGroup group, int size, int batDim, double[] bat, double[] bead,
    double[] roots, float[] environment, byte[] labels, byte[] mask) {

  /** One-hot labels [size][150][classes], zero rows for masked particles. */
  public float[] oneHot(int classes) {
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    float[] out = new float[size * env * classes];
    for (int i = 0; i < size * env; i++) {
      if (mask[i] != 0) {
        out[i * classes + labels[i]] = 1f;
      }
    }
    return out;
  }

  /** Example {@code i} as a record. */
  public TrainingExample example(int i) {
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    return new TrainingExample(template, group,
        java.util.Arrays.copyOfRange(bat, i * batDim, (i + 1) * batDim),
        java.util.Arrays.copyOfRange(bead, 3 * i, 3 * i + 3),
        java.util.Arrays.copyOfRange(roots, 9 * i, 9 * i + 9),
        java.util.Arrays.copyOfRange(environment, 3 * env * i, 3 * env * (i + 1)),
        java.util.Arrays.copyOfRange(labels, env * i, env * (i + 1)),
        java.util.Arrays.copyOfRange(mask, env * i, env * (i + 1)));
  }
}
