package org.backmap.autodiff;

import java.util.Arrays;

/**
 * An integer array with a shape: the result of {@link Tensor#searchSorted} and the index argument of
 * {@link Tensor#gather}. Indices carry no gradient.
 *
 * @param data row-major indices (not copied)
 * @param shape the shape of {@code data}
 */
public record Indices(int[] data, int[] shape) {

  /** Checks that the data length matches the shape. */
  public Indices {
    if (data.length != Shapes.size(shape)) {
      throw new IllegalArgumentException(
          "indices of length " + data.length + " do not fit shape " + Arrays.toString(shape));
    }
  }

  /** Index at a flat position. */
  public int get(int flat) {
    return data[flat];
  }

  @Override
  public String toString() {
    return "Indices" + Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Indices other && Arrays.equals(data, other.data) && Arrays.equals(shape, other.shape);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
  }
}
