package org.backmap.autodiff;

/** Element type of a {@link Tensor}: float32 by default, float64 where precision matters. */
public enum DType {
  /** 32-bit IEEE float, the default for network weights and activations. */
  F32,
  /** 64-bit IEEE double, for gradient checks, energies and log-probabilities that feed reweighting. */
  F64
}
