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

  /** The first {@code n} examples ({@code this} when it has no more). */
  public ExampleBatch head(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a batch cannot hold " + n + " examples");
    }
    return slice(0, Math.min(n, size));
  }

  /** Examples {@code [from, to)} ({@code this} when that is all of them). */
  public ExampleBatch slice(int from, int to) {
    if (from < 0 || to > size || from > to) {
      throw new IllegalArgumentException("examples " + from + " to " + to + " of a batch of " + size);
    }
    if (from == 0 && to == size) {
      return this;
    }
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    return new ExampleBatch(template, group, to - from, batDim, java.util.Arrays.copyOfRange(bat, from * batDim, to * batDim),
        java.util.Arrays.copyOfRange(bead, 3 * from, 3 * to), java.util.Arrays.copyOfRange(roots, 9 * from, 9 * to),
        java.util.Arrays.copyOfRange(environment, 3 * env * from, 3 * env * to),
        java.util.Arrays.copyOfRange(labels, env * from, env * to), java.util.Arrays.copyOfRange(mask, env * from, env * to));
  }

  /**
   * The batch of {@code examples} (at least one, all of one template, group and BAT length), in their order.
   *
   * @throws IllegalArgumentException when the list is empty or mixes templates, groups or lengths
   */
  public static ExampleBatch of(java.util.List<TrainingExample> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one example");
    }
    TrainingExample first = examples.getFirst();
    int n = examples.size();
    int d = first.bat().length;
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    double[] bat = new double[n * d];
    double[] bead = new double[3 * n];
    double[] roots = new double[9 * n];
    float[] environment = new float[3 * env * n];
    byte[] labels = new byte[env * n];
    byte[] mask = new byte[env * n];
    for (int i = 0; i < n; i++) {
      TrainingExample e = examples.get(i);
      if (!e.template().equals(first.template()) || e.group() != first.group() || e.bat().length != d) {
        throw new IllegalArgumentException("a batch holds examples of one template, group and BAT length: "
            + first.template() + " " + first.group() + " " + d + " and " + e.template() + " " + e.group() + " "
            + e.bat().length);
      }
      System.arraycopy(e.bat(), 0, bat, i * d, d);
      System.arraycopy(e.bead(), 0, bead, 3 * i, 3);
      System.arraycopy(e.roots(), 0, roots, 9 * i, 9);
      System.arraycopy(e.environment(), 0, environment, 3 * env * i, 3 * env);
      System.arraycopy(e.labels(), 0, labels, env * i, env);
      System.arraycopy(e.mask(), 0, mask, env * i, env);
    }
    return new ExampleBatch(first.template(), first.group(), n, d, bat, bead, roots, environment, labels, mask);
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
