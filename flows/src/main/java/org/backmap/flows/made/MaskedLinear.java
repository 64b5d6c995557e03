package org.backmap.flows.made;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Init;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;

/** {@code y = x (W * M) + b}: a dense layer whose weights {@code W[in, out]} are multiplied by a fixed 0/1 mask. */
public final class MaskedLinear extends Module {

  private final Tensor weight;
  private final Tensor bias;
  private final Tensor mask;

  /** A masked layer; {@code mask[i][o]} is 1 where input {@code i} may feed output {@code o}. */
  public MaskedLinear(boolean[][] mask, Rng rng, DType dtype) {
    int in = mask.length;
    int out = mask[0].length;
    this.weight = addParameter("weight", Init.glorotUniform(rng, dtype, in, out));
    this.bias = addParameter("bias", Init.zeros(dtype, out));
    this.mask = Tensor.zeros(dtype, in, out);
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        this.mask.setFlat(i * out + o, mask[i][o] ? 1 : 0);
      }
    }
  }

  /** Applies the layer to {@code x[batch, in]}. */
  public Tensor forward(Tensor x) {
    return x.matmul(weight.mul(mask)).add(bias);
  }

  /** The 0/1 mask {@code [in, out]}. */
  public Tensor mask() {
    return mask;
  }
}
