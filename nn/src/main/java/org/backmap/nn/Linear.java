package org.backmap.nn;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;

/**
 * An affine layer {@code y = x W + b}, batch first: {@code x} is {@code [..., in]}, {@code W} ({@code weight}) is
 * {@code [in, out]}, {@code b} ({@code bias}) is {@code [out]}, {@code y} is {@code [..., out]}. The weight starts
 * Glorot uniform, the bias at zero.
 */
public final class Linear extends Module {

  private final Tensor weight;
  private final Tensor bias;

  /** A float32 layer. */
  public Linear(int in, int out, Rng rng) {
    this(in, out, rng, DType.F32);
  }

  /** A layer of the given dtype. */
  public Linear(int in, int out, Rng rng, DType dtype) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("Linear needs positive sizes, got in=" + in + ", out=" + out);
    }
    weight = addParameter("weight", Init.glorotUniform(rng, dtype, in, out));
    bias = addParameter("bias", Init.zeros(dtype, out));
  }

  /** {@code x W + b}. */
  public Tensor forward(Tensor x) {
    return x.matmul(weight).add(bias);
  }

  /** The {@code [in, out]} weight (live). */
  public Tensor weight() {
    return weight;
  }

  /** The {@code [out]} bias (live). */
  public Tensor bias() {
    return bias;
  }

  /** Input size. */
  public int in() {
    return weight.dim(0);
  }

  /** Output size. */
  public int out() {
    return weight.dim(1);
  }
}
