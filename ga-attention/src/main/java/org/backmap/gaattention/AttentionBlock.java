package org.backmap.gaattention;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;

/**
 * A vector-attention block that keeps one vector per particle: {@code e_i <- e_i + U(y_i)} with
 * {@code y_i = sum_j softmax_j(s_ij) v_ij} ({@link PairAttention#perParticle}) and
 * {@code U = Dense -> LayerNorm -> ReLU -> Dense} ({@code update.*}).
 */
final class AttentionBlock extends Module {

  private final PairAttention attention;
  private final NormedMlp update;

  AttentionBlock(int width, Rng rng, DType dtype) {
    attention = addModule("attention", new PairAttention(width, rng, dtype));
    update = addModule("update", new NormedMlp(width, width, rng, dtype));
  }

  /** The updated embeddings, {@code [B, N, E]}. */
  Tensor forward(Tensor q, Tensor e, Tensor pairMask) {
    return e.add(update.forward(attention.perParticle(q, e, pairMask)));
  }
}
