package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Tensor;

/** Treats the last axis of an elementwise distribution as one event: {@code log p(x) = sum_d log p_d(x_d)}. */
public final class Independent implements Distribution {

  private final Distribution base;

  /** Wraps an elementwise distribution whose last axis are the event's dimensions. */
  public Independent(Distribution base) {
    this.base = base;
  }

  @Override
  public Tensor logProb(Tensor value) {
    return base.logProb(value).sum(-1);
  }

  @Override
  public Tensor sample(RandomGenerator rng) {
    return base.sample(rng);
  }

  @Override
  public int[] sampleShape() {
    return base.sampleShape();
  }
}
