package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.DimensionPartition;

/**
 * A joint over independent dimensions with one family per dimension: {@link Normal} where a dimension is linear
 * (bonds, angles), {@link VonMises} where it is circular (torsions). Parameters are {@code [..., D]} tensors:
 * {@code loc}, and {@code spread} = the standard deviation of a normal or the concentration of a von Mises.
 * {@code log p(x) = sum_d log p_d(x_d)} over the last axis.
 */
public final class FactorizedJoint implements Distribution {

  private final Tensor loc;
  private final Tensor spread;
  private final int[] linear;
  private final int[] circular;
  private final int dims;

  /**
   * @param circularDims {@code circularDims[d]} is true where dimension {@code d} is an angle on the circle
   */
  public FactorizedJoint(Tensor loc, Tensor spread, boolean[] circularDims) {
    this(loc, spread, DimensionPartition.of(circularDims));
  }

  /** A joint with the families given by {@code partition}: von Mises on its circular dimensions. */
  public FactorizedJoint(Tensor loc, Tensor spread, DimensionPartition partition) {
    if (loc.dim(-1) != partition.dims() || spread.dim(-1) != partition.dims()) {
      throw new IllegalArgumentException("parameters have " + loc.dim(-1) + "/" + spread.dim(-1)
          + " dimensions but " + partition.dims() + " families were given");
    }
    this.loc = loc;
    this.spread = spread;
    this.dims = partition.dims();
    this.linear = partition.linear();
    this.circular = partition.circular();
  }

  private Normal normal() {
    return new Normal(loc.indexSelect(-1, linear), spread.indexSelect(-1, linear));
  }

  private VonMises vonMises() {
    return new VonMises(loc.indexSelect(-1, circular), spread.indexSelect(-1, circular));
  }

  @Override
  public Tensor logProb(Tensor value) {
    Tensor total = null;
    if (linear.length > 0) {
      total = normal().logProb(value.indexSelect(-1, linear)).sum(-1);
    }
    if (circular.length > 0) {
      Tensor c = vonMises().logProb(value.indexSelect(-1, circular)).sum(-1);
      total = total == null ? c : total.add(c);
    }
    return total;
  }

  @Override
  public Tensor sample(RandomGenerator rng) {
    int[] shape = sampleShape();
    Tensor out = Tensor.zeros(loc.dtype(), shape);
    Tensor lin = linear.length > 0 ? normal().sample(rng) : null;
    Tensor circ = circular.length > 0 ? vonMises().sample(rng) : null;
    int rows = out.size() / dims;
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < linear.length; j++) {
        out.setFlat(r * dims + linear[j], lin.getFlat(r * linear.length + j));
      }
      for (int j = 0; j < circular.length; j++) {
        out.setFlat(r * dims + circular[j], circ.getFlat(r * circular.length + j));
      }
    }
    return out;
  }

  @Override
  public int[] sampleShape() {
    return org.backmap.autodiff.Shapes.broadcast(loc.shape(), spread.shape());
  }
}
