package org.backmap.flows;

import java.util.List;

/**
 * The split of D dimensions into circular ones (angles on the circle: von Mises base, circular spline) and linear
 * ones (normal base, interval spline), each part in ascending order, with the permutation that puts the two parts
 * back together: {@code concat(x[linear()], x[circular()])[merge()] == x}.
 */
public final class DimensionPartition {

  private final boolean[] circularMask;
  private final int[] linear;
  private final int[] circular;
  private final int[] merge;

  private DimensionPartition(boolean[] circularMask) {
    this.circularMask = circularMask.clone();
    int dims = circularMask.length;
    int nCircular = 0;
    for (boolean c : circularMask) {
      nCircular += c ? 1 : 0;
    }
    linear = new int[dims - nCircular];
    circular = new int[nCircular];
    merge = new int[dims];
    for (int d = 0, l = 0, c = 0; d < dims; d++) {
      if (circularMask[d]) {
        merge[d] = linear.length + c;
        circular[c++] = d;
      } else {
        merge[d] = l;
        linear[l++] = d;
      }
    }
  }

  /** The partition of {@code circularMask.length} dimensions, dimension d circular where the mask is true. */
  public static DimensionPartition of(boolean[] circularMask) {
    return new DimensionPartition(circularMask);
  }

  /** The partition of {@code circular.size()} dimensions, dimension d circular where the entry is true. */
  public static DimensionPartition of(List<Boolean> circular) {
    boolean[] mask = new boolean[circular.size()];
    for (int d = 0; d < mask.length; d++) {
      mask[d] = circular.get(d);
    }
    return new DimensionPartition(mask);
  }

  /** Number of dimensions D. */
  public int dims() {
    return circularMask.length;
  }

  /** Whether dimension {@code d} is circular. */
  public boolean isCircular(int d) {
    return circularMask[d];
  }

  /** Per dimension: whether it is circular (a copy). */
  public boolean[] circularMask() {
    return circularMask.clone();
  }

  /** The linear dimensions, ascending (a copy). */
  public int[] linear() {
    return linear.clone();
  }

  /** The circular dimensions, ascending (a copy). */
  public int[] circular() {
    return circular.clone();
  }

  /** Number of circular dimensions. */
  public int circularCount() {
    return circular.length;
  }

  /** Number of linear dimensions. */
  public int linearCount() {
    return linear.length;
  }

  /**
   * Position of each dimension in {@code concat(linear part, circular part)} (a copy): selecting these columns
   * restores the original order.
   */
  public int[] merge() {
    return merge.clone();
  }

  /** The dimensions {@code dims} ({@code dims[i]} the i-th new dimension) as a partition of their own. */
  public DimensionPartition select(int[] dims) {
    boolean[] mask = new boolean[dims.length];
    for (int i = 0; i < dims.length; i++) {
      mask[i] = circularMask[dims[i]];
    }
    return new DimensionPartition(mask);
  }
}
