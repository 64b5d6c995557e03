package org.backmap.flows.bijectors;

import java.util.List;
import org.backmap.autodiff.Tensor;

/** Composition: {@code forward} applies the bijectors first to last, {@code inverse} last to first. */
public final class Chain implements Bijector {

  private final List<Bijector> parts;

  /** A chain of the given bijectors, in forward order. */
  public Chain(List<? extends Bijector> parts) {
    this.parts = List.copyOf(parts);
  }

  @Override
  public Result forwardAndLogDet(Tensor x, Tensor context) {
    Tensor v = x;
    Tensor logDet = null;
    for (Bijector b : parts) {
      Result r = b.forwardAndLogDet(v, context);
      v = r.value();
      logDet = logDet == null ? r.logDet() : logDet.add(r.logDet());
    }
    return new Result(v, logDet == null ? Tensor.zeros(x.dtype(), x.dim(0)) : logDet);
  }

  @Override
  public Result inverseAndLogDet(Tensor y, Tensor context) {
    Tensor v = y;
    Tensor logDet = null;
    for (int i = parts.size() - 1; i >= 0; i--) {
      Result r = parts.get(i).inverseAndLogDet(v, context);
      v = r.value();
      logDet = logDet == null ? r.logDet() : logDet.add(r.logDet());
    }
    return new Result(v, logDet == null ? Tensor.zeros(y.dtype(), y.dim(0)) : logDet);
  }
}
