package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Shapes;
import org.backmap.autodiff.Tensor;

/** Uniform distributions on {@code [low, high)}: {@code log p(x) = -log(high - low)} inside, {@code -inf} outside. */
public final class Uniform implements Distribution {

  private final Tensor low;
  private final Tensor high;

  /** Elementwise uniforms (broadcast); {@code high > low}. */
  public Uniform(Tensor low, Tensor high) {
    this.low = low;
    this.high = high;
  }

  @Override
  public Tensor logProb(Tensor value) {
    Tensor inside = value.ge(low).mul(value.lt(high));
    Tensor density = high.sub(low).log().neg();
    return Tensor.where(inside, density, density.fullLike(Double.NEGATIVE_INFINITY));
  }

  @Override
  public Tensor sample(RandomGenerator rng) {
    Tensor u = Tensor.uniform(rng, low.dtype(), 0, 1, sampleShape());
    return low.add(high.sub(low).mul(u));
  }

  @Override
  public int[] sampleShape() {
    return Shapes.broadcast(low.shape(), high.shape());
  }
}
