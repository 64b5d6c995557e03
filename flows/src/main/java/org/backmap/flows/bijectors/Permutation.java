package org.backmap.flows.bijectors;

import org.backmap.autodiff.Tensor;
import org.backmap.nn.Rng;

/** Reorders the last axis: {@code y[..., i] = x[..., order[i]]}; volume preserving (log-determinant 0). */
public final class Permutation implements Bijector {

  /** Seed of the random order used by default flows. */
  public static final long DEFAULT_SEED = 42;

  private final int[] order;
  private final int[] inverse;

  /** A permutation given as {@code order[i]} = the input position that lands at output position {@code i}. */
  public Permutation(int[] order) {
    this.order = order.clone();
    this.inverse = new int[order.length];
    boolean[] seen = new boolean[order.length];
    for (int i = 0; i < order.length; i++) {
      if (order[i] < 0 || order[i] >= order.length || seen[order[i]]) {
        throw new IllegalArgumentException("not a permutation: " + java.util.Arrays.toString(order));
      }
      seen[order[i]] = true;
      inverse[order[i]] = i;
    }
  }

  /** The identity order. */
  public static Permutation identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return new Permutation(p);
  }

  /** The reversed order. */
  public static Permutation reverse(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = n - 1 - i;
    }
    return new Permutation(p);
  }

  /** A uniformly random order from a seeded generator. */
  public static Permutation random(int n, long seed) {
    return new Permutation(Rng.seeded(seed).permutation(n));
  }

  /** {@code order[i]}: the input position placed at output position {@code i}. */
  public int[] order() {
    return order.clone();
  }

  /** The inverse permutation. */
  public Permutation inverse() {
    return new Permutation(inverse);
  }

  /** Applies the permutation to per-dimension metadata (e.g. which dimensions are circular). */
  public boolean[] apply(boolean[] perDimension) {
    boolean[] out = new boolean[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = perDimension[order[i]];
    }
    return out;
  }

  @Override
  public Result forwardAndLogDet(Tensor x, Tensor context) {
    return new Result(x.indexSelect(-1, order), Tensor.zeros(x.dtype(), x.dim(0)));
  }

  @Override
  public Result inverseAndLogDet(Tensor y, Tensor context) {
    return new Result(y.indexSelect(-1, inverse), Tensor.zeros(y.dtype(), y.dim(0)));
  }
}
