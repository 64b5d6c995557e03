package org.backmap.md.dataset;

import java.io.Closeable;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.backmap.md.bat.BatGroup;

/**
 * Batches of one stream in a random order, in bounded memory: a buffer of {@code bufferSize} examples is filled
 * from the file; each example given out is a uniformly random one of the buffer, and its slot is refilled with
 * the next example of the file. Every example comes exactly once; with a buffer as large as the stream the order
 * is a uniform permutation, with a smaller one examples move at most about a buffer's length from their place.
 * The same seed gives the same order. Besides the buffer only the file reader's current chunk is held.
 */
public final class ShuffledBatches implements Iterator<ExampleBatch>, Closeable {
  private static final int ENV = ExampleExtractor.ENVIRONMENT_SIZE;

  private final DatasetReader source;
  private final String type;
  private final BatGroup group;
  private final int batDim;
  private final int batchSize;
  private final int capacity;
  private final SplittableRandom random;
  private final double[] bat;
  private final double[] bead;
  private final double[] roots;
  private final float[] environment;
  private final byte[] labels;
  private final byte[] mask;
  private int filled;

  /**
   * Shuffles the examples of {@code source} (null for an empty stream of {@code type}/{@code group}).
   *
   * @param batchSize examples per batch (the last may be smaller)
   * @param bufferSize examples held for shuffling
   */
  ShuffledBatches(DatasetReader source, String type, BatGroup group, int batDim, int batchSize, int bufferSize, long seed) {
    if (batchSize < 1 || bufferSize < 1) {
      throw new IllegalArgumentException("batch and buffer sizes must be at least 1, got " + batchSize + " and " + bufferSize);
    }
    this.source = source;
    this.type = type;
    this.group = group;
    this.batDim = batDim;
    this.batchSize = batchSize;
    this.capacity = bufferSize;
    this.random = new SplittableRandom(seed);
    bat = new double[bufferSize * batDim];
    bead = new double[bufferSize * 3];
    roots = new double[bufferSize * 9];
    environment = new float[bufferSize * ENV * 3];
    labels = new byte[bufferSize * ENV];
    mask = new byte[bufferSize * ENV];
    while (filled < capacity && load(filled)) {
      filled++;
    }
  }

  /** Examples held in the shuffle buffer now (never more than the buffer size). */
  public int retained() {
    return filled;
  }

  @Override
  public boolean hasNext() {
    return filled > 0;
  }

  @Override
  public ExampleBatch next() {
    if (filled == 0) {
      throw new NoSuchElementException();
    }
    double[] oBat = new double[batchSize * batDim];
    double[] oBead = new double[batchSize * 3];
    double[] oRoots = new double[batchSize * 9];
    float[] oEnv = new float[batchSize * ENV * 3];
    byte[] oLabels = new byte[batchSize * ENV];
    byte[] oMask = new byte[batchSize * ENV];
    int n = 0;
    while (n < batchSize && filled > 0) {
      int j = random.nextInt(filled);
      System.arraycopy(bat, j * batDim, oBat, n * batDim, batDim);
      System.arraycopy(bead, j * 3, oBead, n * 3, 3);
      System.arraycopy(roots, j * 9, oRoots, n * 9, 9);
      System.arraycopy(environment, j * ENV * 3, oEnv, n * ENV * 3, ENV * 3);
      System.arraycopy(labels, j * ENV, oLabels, n * ENV, ENV);
      System.arraycopy(mask, j * ENV, oMask, n * ENV, ENV);
      n++;
      if (!load(j)) {
        // The file is done: the last slot takes the place of the one given out.
        filled--;
        move(filled, j);
      }
    }
    if (n < batchSize) {
      oBat = Arrays.copyOf(oBat, n * batDim);
      oBead = Arrays.copyOf(oBead, n * 3);
      oRoots = Arrays.copyOf(oRoots, n * 9);
      oEnv = Arrays.copyOf(oEnv, n * ENV * 3);
      oLabels = Arrays.copyOf(oLabels, n * ENV);
      oMask = Arrays.copyOf(oMask, n * ENV);
    }
    return new ExampleBatch(type, group, n, batDim, oBat, oBead, oRoots, oEnv, oLabels, oMask);
  }

  /** Reads the next example of the file into slot {@code slot}; false at the end. */
  private boolean load(int slot) {
    if (source == null || !source.hasNext()) {
      return false;
    }
    ExampleBatch one = source.next();
    System.arraycopy(one.bat(), 0, bat, slot * batDim, batDim);
    System.arraycopy(one.bead(), 0, bead, slot * 3, 3);
    System.arraycopy(one.roots(), 0, roots, slot * 9, 9);
    System.arraycopy(one.environment(), 0, environment, slot * ENV * 3, ENV * 3);
    System.arraycopy(one.labels(), 0, labels, slot * ENV, ENV);
    System.arraycopy(one.mask(), 0, mask, slot * ENV, ENV);
    return true;
  }

  private void move(int from, int to) {
    if (from == to) {
      return;
    }
    System.arraycopy(bat, from * batDim, bat, to * batDim, batDim);
    System.arraycopy(bead, from * 3, bead, to * 3, 3);
    System.arraycopy(roots, from * 9, roots, to * 9, 9);
    System.arraycopy(environment, from * ENV * 3, environment, to * ENV * 3, ENV * 3);
    System.arraycopy(labels, from * ENV, labels, to * ENV, ENV);
    System.arraycopy(mask, from * ENV, mask, to * ENV, ENV);
  }

  @Override
  public void close() {
    if (source != null) {
      source.close();
    }
  }
}
