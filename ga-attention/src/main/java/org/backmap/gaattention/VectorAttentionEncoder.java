package org.backmap.gaattention;

import java.util.Arrays;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Linear;
import org.backmap.nn.Module;
import org.backmap.nn.ModuleList;
import org.backmap.nn.Rng;

/**
 * Describes an environment of up to N particles around a centre by one E-vector, invariant to rotations about the
 * centre, to the order of the particles and to padding.
 *
 * <p>Inputs, padded to a common N and masked: {@code r [B, N, 3]} vectors from the centre to each particle,
 * {@code classes} one-hot {@code [B, N, C]} (or class indices {@code [B, N]}), {@code mask [B, N]} (1 for a real
 * particle, 0 for padding). The encoder embeds the classes ({@code e = onehot W + b}, {@code embedding.*}), runs
 * {@link VectorAttentionConfig#blocks()} blocks {@code e_i <- e_i + U(sum_j softmax_j(s_ij) v_ij)}
 * ({@code blocks.<k>.*}) and a last layer that pools over all pairs ({@code pool.*}); see the module README for the
 * equations. Padding is removed exactly: padded vectors are replaced by 0 (so their gradient is exactly 0) and
 * every pair with a padded particle has score -1e9, whose softmax weight is exactly 0.
 */
public final class VectorAttentionEncoder extends Module {

  private final VectorAttentionConfig config;
  private final Linear embedding;
  private final ModuleList<AttentionBlock> blocks;
  private final PairAttention pool;

  /** Builds the encoder of {@code config}, initialising layer by layer from {@code rng}. */
  public VectorAttentionEncoder(VectorAttentionConfig config, Rng rng) {
    this.config = config;
    embedding = addModule("embedding", new Linear(config.classes(), config.width(), rng, config.dtype()));
    blocks = addModule("blocks", new ModuleList<>());
    for (int k = 0; k < config.blocks(); k++) {
      blocks.add(new AttentionBlock(config.width(), rng, config.dtype()));
    }
    pool = addModule("pool", new PairAttention(config.width(), rng, config.dtype()));
  }

  /**
   * The description of each environment, {@code [B, E]}.
   *
   * @param r vectors from the centre, {@code [B, N, 3]}
   * @param classes one-hot classes {@code [B, N, C]}, or class indices {@code [B, N]} (whole numbers in
   *     {@code [0, C)}; any value for padding)
   * @param mask {@code [B, N]}, 1 for real particles and 0 for padding; each environment needs one real particle
   */
  public Tensor describe(Tensor r, Tensor classes, Tensor mask) {
    checkInputs(r, classes, mask);
    Tensor real = mask.gt(0.5);
    Tensor vectors = Tensor.where(real.unsqueeze(-1), r, r.zerosLike());
    Tensor pairMask = real.unsqueeze(2).mul(real.unsqueeze(1));
    Tensor q = PairInvariants.of(vectors);
    Tensor e = embedding.forward(classes.rank() == 2 ? oneHot(classes, real) : classes);
    for (AttentionBlock block : blocks) {
      e = block.forward(q, e, pairMask);
    }
    return pool.pooled(q, e, pairMask);
  }

  /** The architecture this encoder was built from. */
  public VectorAttentionConfig config() {
    return config;
  }

  private Tensor oneHot(Tensor indices, Tensor real) {
    int b = indices.dim(0);
    int n = indices.dim(1);
    int c = config.classes();
    Tensor out = Tensor.zeros(config.dtype(), b, n, c);
    for (int p = 0; p < b * n; p++) {
      if (real.getFlat(p) == 0) {
        continue; // padding: no class, and no check
      }
      double v = indices.getFlat(p);
      if (v != Math.rint(v) || v < 0 || v >= c) {
        throw new IllegalArgumentException("class index " + v + " at [" + p / n + ", " + p % n
            + "] is not a whole number in [0, " + c + ")");
      }
      out.setFlat(p * c + (int) v, 1.0);
    }
    return out;
  }

  private void checkInputs(Tensor r, Tensor classes, Tensor mask) {
    if (r.rank() != 3 || r.dim(2) != 3) {
      throw new IllegalArgumentException("r must be [B, N, 3], got " + Arrays.toString(r.shape()));
    }
    int b = r.dim(0);
    int n = r.dim(1);
    boolean oneHot = classes.rank() == 3 && classes.dim(0) == b && classes.dim(1) == n
        && classes.dim(2) == config.classes();
    boolean indices = classes.rank() == 2 && classes.dim(0) == b && classes.dim(1) == n;
    if (!oneHot && !indices) {
      throw new IllegalArgumentException("classes must be [" + b + ", " + n + ", " + config.classes() + "] or ["
          + b + ", " + n + "], got " + Arrays.toString(classes.shape()));
    }
    if (mask.rank() != 2 || mask.dim(0) != b || mask.dim(1) != n) {
      throw new IllegalArgumentException("mask must be [" + b + ", " + n + "], got " + Arrays.toString(mask.shape()));
    }
    for (Tensor t : new Tensor[] {r, classes, mask}) {
      if (t.dtype() != config.dtype()) {
        throw new IllegalArgumentException("inputs must be " + config.dtype() + " like the encoder, got " + t.dtype());
      }
    }
    try (var _ = GradMode.noGrad()) {
      Tensor count = mask.gt(0.5).sum(new int[] {1}, false);
      for (int i = 0; i < b; i++) {
        if (count.getFlat(i) == 0) {
          throw new IllegalArgumentException("environment " + i + " has no real particle");
        }
      }
    }
  }
}
