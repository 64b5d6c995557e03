package org.backmap.md.dataset;

import java.util.Arrays;

/**
 * The environment of one bead: the {@value ExampleExtractor#ENVIRONMENT_SIZE} particles nearest it within
 * {@value ExampleExtractor#CUTOFF} Angstrom, as vectors from the bead (float32, nearest first, ties in the order the
 * particles were offered), their classes, and a mask; zeros beyond the particles found. Training examples and
 * decoding build environments here, so a model sees the same kind of input in both.
 *
 * <p>Use: {@link #reset(double[])} with the bead, {@link #offer} every particle source (the CG particles, the atoms
 * of the residues decoded so far), then {@link #write} into an example's slot. Not thread-safe; reuse one per thread.
 */
public final class EnvironmentBuilder {
  private static final int SIZE = ExampleExtractor.ENVIRONMENT_SIZE;
  private static final double CUT2 = ExampleExtractor.CUTOFF * ExampleExtractor.CUTOFF;

  private double bx, by, bz;
  private double[] d2 = new double[256];
  private double[] dxyz = new double[3 * 256];
  private int[] label = new int[256];
  private Integer[] order = new Integer[256];
  private int count;

  /** Starts the environment of a bead at {@code bead} (3 values, Angstrom). */
  public void reset(double[] bead) {
    bx = bead[0];
    by = bead[1];
    bz = bead[2];
    count = 0;
  }

  /**
   * Offers {@code n} particles: coordinates {@code xyz[3 * (from + k) ..]} and classes {@code labels[from + k]}
   * for k in [0, n); those within the cutoff are kept.
   */
  public void offer(double[] xyz, int[] labels, int from, int n) {
    for (int k = from; k < from + n; k++) {
      double dx = xyz[3 * k] - bx, dy = xyz[3 * k + 1] - by, dz = xyz[3 * k + 2] - bz;
      double r2 = dx * dx + dy * dy + dz * dz;
      if (r2 < CUT2) {
        if (count == d2.length) {
          grow();
        }
        d2[count] = r2;
        dxyz[3 * count] = dx;
        dxyz[3 * count + 1] = dy;
        dxyz[3 * count + 2] = dz;
        label[count] = labels[k];
        count++;
      }
    }
  }

  /** Particles offered so far within the cutoff. */
  public int found() {
    return count;
  }

  /**
   * Writes the nearest particles into slot {@code slot} of flat batch arrays ({@code env [.][150][3]},
   * {@code labels [.][150]}, {@code mask [.][150]}), clearing the rest of the slot.
   */
  public void write(float[] env, byte[] labels, byte[] mask, int slot) {
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    // a stable sort: equal distances keep the order of offering
    Arrays.sort(order, 0, count, (a, b) -> Double.compare(d2[a], d2[b]));
    int n = Math.min(SIZE, count);
    int e = slot * SIZE;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      env[3 * (e + k)] = (float) dxyz[3 * i];
      env[3 * (e + k) + 1] = (float) dxyz[3 * i + 1];
      env[3 * (e + k) + 2] = (float) dxyz[3 * i + 2];
      labels[e + k] = (byte) label[i];
      mask[e + k] = 1;
    }
    Arrays.fill(env, 3 * (e + n), 3 * (e + SIZE), 0f);
    Arrays.fill(labels, e + n, e + SIZE, (byte) 0);
    Arrays.fill(mask, e + n, e + SIZE, (byte) 0);
  }

  private void grow() {
    int m = 2 * d2.length;
    d2 = Arrays.copyOf(d2, m);
    dxyz = Arrays.copyOf(dxyz, 3 * m);
    label = Arrays.copyOf(label, m);
    order = Arrays.copyOf(order, m);
  }
}
