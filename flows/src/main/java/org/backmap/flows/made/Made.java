package org.backmap.flows.made;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Activation;
import org.backmap.nn.Linear;
import org.backmap.nn.Module;
import org.backmap.nn.ModuleList;
import org.backmap.nn.Rng;

/**
 * A conditional MADE: maps {@code x[batch, D]} and a context {@code c[batch, C]} to {@code P} outputs per
 * dimension, {@code [batch, D, P]}, where the outputs of dimension {@code d} depend only on {@code x[..., <d]} and
 * on {@code c}.
 *
 * <p>Degrees: input {@code d} has degree {@code d+1}; hidden unit {@code j} has degree
 * {@code j mod max(1, D-1) + min(1, D-1)} (sequential, deterministic); the outputs of dimension {@code d} have
 * degree {@code d+1}. A hidden unit sees inputs of degree {@code <=} its own; an output sees hidden units of degree
 * strictly below its own. The context enters the first hidden layer through an unmasked dense layer:
 * {@code h1 = act(x (W1 * M1) + c Wc + b1)}, {@code h_(l+1) = act(h_l (W * M) + b)}, {@code out = h_L (Wo * Mo) + bo}.
 */
public final class Made extends Module {

  private final int dims;
  private final int outputsPerDim;
  private final Activation activation;
  private final MaskedLinear input;
  private final Linear context;
  private final ModuleList<MaskedLinear> hidden;
  private final MaskedLinear output;

  /**
   * @param dims D
   * @param contextDim C (0 for none)
   * @param hiddenFeatures units per hidden layer
   * @param hiddenLayers number of hidden layers (at least 1)
   * @param outputsPerDim P
   */
  public Made(int dims, int contextDim, int hiddenFeatures, int hiddenLayers, int outputsPerDim,
      Activation activation, Rng rng, DType dtype) {
    if (dims < 1 || hiddenFeatures < 1 || hiddenLayers < 1 || outputsPerDim < 1 || contextDim < 0) {
      throw new IllegalArgumentException("invalid MADE sizes");
    }
    this.dims = dims;
    this.outputsPerDim = outputsPerDim;
    this.activation = activation;
    int[] inDegrees = new int[dims];
    for (int d = 0; d < dims; d++) {
      inDegrees[d] = d + 1;
    }
    int[] hiddenDegrees = new int[hiddenFeatures];
    for (int j = 0; j < hiddenFeatures; j++) {
      hiddenDegrees[j] = j % Math.max(1, dims - 1) + Math.min(1, dims - 1);
    }
    int[] outDegrees = new int[dims * outputsPerDim];
    for (int o = 0; o < outDegrees.length; o++) {
      outDegrees[o] = o / outputsPerDim + 1;
    }
    this.input = addModule("input", new MaskedLinear(mask(inDegrees, hiddenDegrees, false), rng, dtype));
    this.context = contextDim > 0 ? addModule("context", new Linear(contextDim, hiddenFeatures, rng, dtype)) : null;
    this.hidden = addModule("hidden", new ModuleList<>());
    for (int l = 1; l < hiddenLayers; l++) {
      hidden.add(new MaskedLinear(mask(hiddenDegrees, hiddenDegrees, false), rng, dtype));
    }
    this.output = addModule("output", new MaskedLinear(mask(hiddenDegrees, outDegrees, true), rng, dtype));
  }

  private static boolean[][] mask(int[] from, int[] to, boolean strict) {
    boolean[][] m = new boolean[from.length][to.length];
    for (int i = 0; i < from.length; i++) {
      for (int o = 0; o < to.length; o++) {
        m[i][o] = strict ? to[o] > from[i] : to[o] >= from[i];
      }
    }
    return m;
  }

  /** Outputs {@code [batch, D, P]} for {@code x[batch, D]} and {@code context[batch, C]} (null when C = 0). */
  public Tensor forward(Tensor x, Tensor contextValues) {
    Tensor h = input.forward(x);
    if (context != null) {
      h = h.add(context.forward(contextValues));
    }
    h = activation.apply(h);
    for (MaskedLinear layer : hidden) {
      h = activation.apply(layer.forward(h));
    }
    return output.forward(h).reshape(x.dim(0), dims, outputsPerDim);
  }
}
