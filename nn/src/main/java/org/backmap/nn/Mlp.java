package org.backmap.nn;

import org.backmap.autodiff.Tensor;

/**
 * A multilayer perceptron: with sizes {@code d_0 = inputs, d_1..d_L-1 = hidden, d_L = outputs},
 * {@code h_0 = x}, {@code h_i = act(h_{i-1} W_i + b_i)} for hidden layers and
 * {@code y = outAct(h_{L-1} W_L + b_L)}. Parameters are named {@code layers.<i>.weight} and
 * {@code layers.<i>.bias}.
 */
public final class Mlp extends Module {

  private final MlpConfig config;
  private final ModuleList<Linear> layers;

  /** Builds the network of {@code config}, initialising layer by layer from {@code rng}. */
  public Mlp(MlpConfig config, Rng rng) {
    this.config = config;
    this.layers = addModule("layers", new ModuleList<>());
    int in = config.inputs();
    for (int h : config.hidden()) {
      layers.add(new Linear(in, h, rng, config.dtype()));
      in = h;
    }
    layers.add(new Linear(in, config.outputs(), rng, config.dtype()));
  }

  /** Maps {@code [..., inputs]} to {@code [..., outputs]}. */
  public Tensor forward(Tensor x) {
    Tensor h = x;
    int last = layers.size() - 1;
    for (int i = 0; i < last; i++) {
      h = config.activation().apply(layers.get(i).forward(h));
    }
    return config.outputActivation().apply(layers.get(last).forward(h));
  }

  /** The architecture this network was built from. */
  public MlpConfig config() {
    return config;
  }

  /** The affine layers, input first. */
  public ModuleList<Linear> layers() {
    return layers;
  }
}
