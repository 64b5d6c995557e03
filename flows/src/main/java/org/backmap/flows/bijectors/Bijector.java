package org.backmap.flows.bijectors;

import org.backmap.autodiff.Tensor;

/**
 * An invertible map of {@code [batch, D]} tensors, optionally conditioned on a {@code [batch, C]} context. By
 * convention {@code forward} maps data to the base space (the direction that density evaluation uses) and
 * {@code inverse} maps base samples to data.
 */
public interface Bijector {

  /** The image of {@code x} and {@code log |det dy/dx|} per row ({@code [batch]}). */
  Result forwardAndLogDet(Tensor x, Tensor context);

  /** The preimage of {@code y} and {@code log |det dx/dy|} per row ({@code [batch]}). */
  Result inverseAndLogDet(Tensor y, Tensor context);

  /** A value with the log-determinant of the map that produced it. */
  record Result(Tensor value, Tensor logDet) {}
}
