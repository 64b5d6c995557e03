package org.backmap.nn;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;

/**
 * Layer normalisation over the last axis (Ba, Kiros and Hinton, 2016): {@code y = gamma (x - mean) / sqrt(var +
 * eps) + beta}, with the mean and biased variance of each row of {@code [..., features]}. {@code gamma} starts at
 * one, {@code beta} at zero. The default {@code eps} is {@link #KERAS_EPSILON}, the Keras
 * {@code LayerNormalization} default, because the layers built on it follow Keras reference implementations
 * (PyTorch's default is 1e-5; pass it explicitly where that matters).
 */
public final class LayerNorm extends Module {

  /** Keras' default {@code epsilon}, added to the variance. */
  public static final double KERAS_EPSILON = 1e-3;

  private final Tensor gamma;
  private final Tensor beta;
  private final double eps;

  /** A float32 layer with the Keras epsilon. */
  public LayerNorm(int features) {
    this(features, KERAS_EPSILON, DType.F32);
  }

  /** A layer of the given epsilon and dtype. */
  public LayerNorm(int features, double eps, DType dtype) {
    if (features <= 0) {
      throw new IllegalArgumentException("LayerNorm needs a positive feature count, got " + features);
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("LayerNorm needs a positive epsilon, got " + eps);
    }
    gamma = addParameter("gamma", Tensor.ones(dtype, features));
    beta = addParameter("beta", Init.zeros(dtype, features));
    this.eps = eps;
  }

  /** Normalises each row of {@code [..., features]}. */
  public Tensor forward(Tensor x) {
    return x.layerNorm(gamma, beta, eps);
  }

  /** The {@code [features]} scale (live). */
  public Tensor gamma() {
    return gamma;
  }

  /** The {@code [features]} shift (live). */
  public Tensor beta() {
    return beta;
  }

  /** The constant added to the variance. */
  public double eps() {
    return eps;
  }
}
