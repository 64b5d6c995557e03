package org.backmap.nn;

import org.backmap.autodiff.Tensor;

/** Elementwise activation functions, each built from an autodiff op that carries its own gradient. */
public enum Activation {
  /** {@code max(0, x)}. */
  RELU,
  /** {@code tanh(x)}. */
  TANH,
  /** {@code x * Phi(x)} (Gaussian error linear unit, as defined by the autodiff op). */
  GELU,
  /** {@code 1 / (1 + exp(-x))}. */
  SIGMOID,
  /** {@code log(1 + exp(x))}. */
  SOFTPLUS,
  /** {@code x}. */
  IDENTITY;

  /** Applies the activation elementwise. */
  public Tensor apply(Tensor x) {
    return switch (this) {
      case RELU -> x.relu();
      case TANH -> x.tanh();
      case GELU -> x.gelu();
      case SIGMOID -> x.sigmoid();
      case SOFTPLUS -> x.softplus();
      case IDENTITY -> x;
    };
  }
}
