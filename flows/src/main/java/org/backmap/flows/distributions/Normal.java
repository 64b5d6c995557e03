package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Shapes;
import org.backmap.autodiff.Tensor;

/** Normal distributions: {@code log p(x) = -((x - mu)/sigma)^2 / 2 - log sigma - log(2 pi) / 2}. */
public final class Normal implements Distribution {

  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final Tensor loc;
  private final Tensor scale;

  /** Elementwise normals with mean {@code loc} and standard deviation {@code scale > 0} (broadcast). */
  public Normal(Tensor loc, Tensor scale) {
    this.loc = loc;
    this.scale = scale;
  }

  @Override
  public Tensor logProb(Tensor value) {
    Tensor z = value.sub(loc).div(scale);
    return z.square().mul(-0.5).sub(scale.log()).sub(HALF_LOG_TWO_PI);
  }

  /** Reparameterised: {@code mu + sigma * eps}, differentiable in the parameters. */
  @Override
  public Tensor sample(RandomGenerator rng) {
    return loc.add(scale.mul(Tensor.randn(rng, loc.dtype(), sampleShape())));
  }

  @Override
  public int[] sampleShape() {
    return Shapes.broadcast(loc.shape(), scale.shape());
  }
}
