package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Tensor;

/**
 * A batch of distributions whose parameters are tensors. Elementwise families ({@link Normal}, {@link VonMises},
 * ...) hold one scalar distribution per parameter element; {@link Independent} and {@link FactorizedJoint} turn
 * the last axis into one event.
 */
public interface Distribution {

  /** Log-density of {@code value} (broadcast against the parameters), differentiable in value and parameters. */
  Tensor logProb(Tensor value);

  /** One draw per distribution in the batch, shaped like {@link #sampleShape()}. */
  Tensor sample(RandomGenerator rng);

  /** The shape of one draw. */
  int[] sampleShape();
}
