package org.backmap.gaattention;

import org.backmap.autodiff.Tensor;

/**
 * The rotation invariants of every ordered pair of vectors: the geometric product {@code r_i r_j = r_i . r_j +
 * r_i ^ r_j} has a scalar part and a bivector part, and their invariants are {@code q_ij = [r_i . r_j, |r_i ^
 * r_j|]}. In three dimensions {@code |r_i ^ r_j| = |r_i x r_j|}, computed from the cross product's components so
 * that it is exactly 0 for {@code i = j} (rather than a difference of nearly equal squares); its gradient at 0 is
 * the subgradient 0 of {@link Tensor#norm()}.
 */
final class PairInvariants {

  private PairInvariants() {}

  /** {@code [B, N, 3]} vectors to {@code [B, N, N, 2]} invariants, pair (i, j) at {@code [b, i, j]}. */
  static Tensor of(Tensor r) {
    if (r.rank() != 3 || r.dim(2) != 3) {
      throw new IllegalArgumentException("vectors must be [B, N, 3], got " + java.util.Arrays.toString(r.shape()));
    }
    Tensor dot = r.matmul(r.transpose(1, 2));
    Tensor ri = r.unsqueeze(2);
    Tensor rj = r.unsqueeze(1);
    // (a x b) = a_yzx b_zxy - a_zxy b_yzx, broadcast to [B, N, N, 3]
    Tensor cross = ri.indexSelect(-1, 1, 2, 0).mul(rj.indexSelect(-1, 2, 0, 1))
        .sub(ri.indexSelect(-1, 2, 0, 1).mul(rj.indexSelect(-1, 1, 2, 0)));
    return Tensor.stack(-1, dot, cross.norm());
  }
}
