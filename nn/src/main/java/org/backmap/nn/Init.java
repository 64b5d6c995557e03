package org.backmap.nn;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;

/** Parameter initialisers; the random ones draw from an {@link Rng}. */
public final class Init {

  private Init() {}

  /**
   * Glorot (Xavier) uniform for a {@code [fanIn, fanOut]} weight: independent values uniform on
   * {@code [-a, a)} with {@code a = sqrt(6 / (fanIn + fanOut))}, so that activations and gradients keep their
   * variance through the layer (Glorot and Bengio, 2010).
   */
  public static Tensor glorotUniform(Rng rng, DType dtype, int fanIn, int fanOut) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    return Tensor.uniform(rng.generator(), dtype, -limit, limit, fanIn, fanOut);
  }

  /** Independent normal values with mean 0 and standard deviation {@code std}. */
  public static Tensor normal(Rng rng, DType dtype, double std, int... shape) {
    return Tensor.randn(rng.generator(), dtype, shape).mul(std);
  }

  /** All zeros. */
  public static Tensor zeros(DType dtype, int... shape) {
    return Tensor.zeros(dtype, shape);
  }
}
