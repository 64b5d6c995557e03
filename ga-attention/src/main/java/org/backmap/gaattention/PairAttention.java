package org.backmap.gaattention;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Init;
import org.backmap.nn.Linear;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;

/**
 * One rank-2 vector-attention layer over all ordered pairs (i, j) of N particles with embeddings {@code e [B, N, E]}
 * and pair invariants {@code q [B, N, N, 2]}:
 *
 * <pre>
 *   v_ij = V(q_ij) J0 + (e_i M0 + e_j M1) J1          value, [B, N, N, E]
 *   s_ij = S(v_ij),  -1e9 where i or j is padding     score, [B, N, N]
 * </pre>
 *
 * with {@code V = Dense -> LayerNorm -> ReLU -> Dense} ({@code value.*}), {@code S = Dense(E, relu) -> Dense(1)}
 * ({@code scoreHidden.*}, {@code scoreOut.*}) and learned {@code E x E} matrices {@code M0, M1} (the "concat" merge
 * of the two particles' embeddings) and {@code J0, J1} (the "concat" join of the invariant and the tuple parts).
 * {@link #perParticle} attends over j for each i; {@link #pooled} attends over all pairs at once.
 *
 * <p>The pair-level work is a few large products over {@code B N N} rows: {@code V}'s layers, then
 * {@code h (W2 J0)} (one product instead of two, since {@code (h W2 + b2) J0 = h (W2 J0) + b2 J0}), then the
 * score network. The tuple part is computed per particle ({@code e (M0 J1)} and {@code e (M1 J1)}, {@code [B, N,
 * E]}) and broadcast to the pairs, so no product runs per pair.
 */
final class PairAttention extends Module {

  /** The score given to pairs with a padding particle, as in the reference implementation. */
  static final double MASKED_SCORE = -1e9;

  private final int width;
  private final NormedMlp value;
  private final Tensor mergeI;
  private final Tensor mergeJ;
  private final Tensor joinInvariant;
  private final Tensor joinTuple;
  private final Linear scoreHidden;
  private final Linear scoreOut;

  PairAttention(int width, Rng rng, DType dtype) {
    this.width = width;
    value = addModule("value", new NormedMlp(2, width, rng, dtype));
    // normal with the reference's standard deviations: sqrt(2 / rank / E) for merges, sqrt(2 / 2 / E) for joins
    double std = Math.sqrt(1.0 / width);
    mergeI = addParameter("mergeI", Init.normal(rng, dtype, std, width, width));
    mergeJ = addParameter("mergeJ", Init.normal(rng, dtype, std, width, width));
    joinInvariant = addParameter("joinInvariant", Init.normal(rng, dtype, std, width, width));
    joinTuple = addParameter("joinTuple", Init.normal(rng, dtype, std, width, width));
    scoreHidden = addModule("scoreHidden", new Linear(width, width, rng, dtype));
    scoreOut = addModule("scoreOut", new Linear(width, 1, rng, dtype));
  }

  /** {@code y_i = sum_j softmax_j(s_ij) v_ij}: {@code [B, N, E]}. */
  Tensor perParticle(Tensor q, Tensor e, Tensor pairMask) {
    int b = e.dim(0);
    int n = e.dim(1);
    Tensor v = values(q, e);
    Tensor w = scores(v, pairMask).softmax(-1);
    return w.reshape(b * n, 1, n).matmul(v.reshape(b * n, n, width)).reshape(b, n, width);
  }

  /** {@code sum_ij softmax_ij(s_ij) v_ij}, the softmax taken over all N^2 pairs: {@code [B, E]}. */
  Tensor pooled(Tensor q, Tensor e, Tensor pairMask) {
    int b = e.dim(0);
    int n = e.dim(1);
    Tensor v = values(q, e);
    Tensor w = scores(v, pairMask).reshape(b, n * n).softmax(-1);
    return w.reshape(b, 1, n * n).matmul(v.reshape(b, n * n, width)).reshape(b, width);
  }

  /** {@code v_ij}, {@code [B, N, N, E]}. */
  Tensor values(Tensor q, Tensor e) {
    int b = e.dim(0);
    int n = e.dim(1);
    Tensor h = value.hidden(q.reshape(b * n * n, 2));
    Tensor invariant = h.matmul(value.out().weight().matmul(joinInvariant)).reshape(b, n, n, width);
    Tensor first = e.matmul(mergeI.matmul(joinTuple)).add(value.out().bias().matmul(joinInvariant));
    Tensor second = e.matmul(mergeJ.matmul(joinTuple));
    return invariant.add(first.unsqueeze(2)).add(second.unsqueeze(1));
  }

  /** {@code s_ij} with masked pairs at {@link #MASKED_SCORE}, {@code [B, N, N]}. */
  Tensor scores(Tensor v, Tensor pairMask) {
    Tensor s = scoreOut.forward(scoreHidden.forward(v.reshape(-1, width)).relu()).reshape(pairMask.shape());
    return Tensor.where(pairMask, s, s.fullLike(MASKED_SCORE));
  }
}
