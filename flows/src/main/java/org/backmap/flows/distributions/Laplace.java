package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Shapes;
import org.backmap.autodiff.Tensor;

/** Laplace distributions: {@code log p(x) = -|x - mu| / b - log(2 b)}. */
public final class Laplace implements Distribution {

  private static final double LOG_TWO = Math.log(2);

  private final Tensor loc;
  private final Tensor scale;

  /** Elementwise Laplace distributions with location {@code loc} and scale {@code b > 0} (broadcast). */
  public Laplace(Tensor loc, Tensor scale) {
    this.loc = loc;
    this.scale = scale;
  }

  @Override
  public Tensor logProb(Tensor value) {
    return value.sub(loc).abs().div(scale).neg().sub(scale.log()).sub(LOG_TWO);
  }

  /** Inverse CDF: {@code mu - b sign(u) log(1 - 2|u|)} with {@code u} uniform on {@code (-1/2, 1/2)}. */
  @Override
  public Tensor sample(RandomGenerator rng) {
    int[] shape = sampleShape();
    Tensor e = Tensor.zeros(loc.dtype(), shape);
    for (int i = 0; i < e.size(); i++) {
      double u = rng.nextDouble() - 0.5;
      e.setFlat(i, -Math.signum(u) * Math.log1p(-2 * Math.abs(u)));
    }
    return loc.add(scale.mul(e));
  }

  @Override
  public int[] sampleShape() {
    return Shapes.broadcast(loc.shape(), scale.shape());
  }
}
