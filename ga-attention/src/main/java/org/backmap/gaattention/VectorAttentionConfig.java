package org.backmap.gaattention;

import org.backmap.autodiff.DType;

/**
 * Architecture of a {@link VectorAttentionEncoder}; a plain record so that it can travel as a checkpoint's
 * {@code config}.
 *
 * @param width working dimension E of every particle, pair and output vector
 * @param classes number of particle classes C (the length of the one-hot class vectors)
 * @param blocks attention blocks that keep one vector per particle, before the final pooling layer
 * @param dtype element type of all parameters (and of the inputs it accepts)
 */
public record VectorAttentionConfig(int width, int classes, int blocks, DType dtype) {

  /** Validates the sizes. */
  public VectorAttentionConfig {
    if (width <= 0 || classes <= 0 || blocks < 0) {
      throw new IllegalArgumentException("vector attention needs width > 0, classes > 0 and blocks >= 0, got width "
          + width + ", classes " + classes + ", blocks " + blocks);
    }
  }

  /** Two float32 blocks, the reference architecture. */
  public static VectorAttentionConfig of(int width, int classes) {
    return new VectorAttentionConfig(width, classes, 2, DType.F32);
  }

  /** The same architecture with another dtype. */
  public VectorAttentionConfig withDtype(DType newDtype) {
    return new VectorAttentionConfig(width, classes, blocks, newDtype);
  }
}
