package org.backmap.flows;

import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.nn.Activation;

/**
 * Architecture of a {@link ConditionalFlow}; a plain record stored as the checkpoint's config, so that a saved flow
 * is rebuilt from its file alone.
 *
 * @param circular per dimension: true for angles on the circle (von Mises base, circular spline), false for
 *     linear coordinates (normal base, interval spline with identity tails)
 * @param contextDim size of the conditioning vector (0: unconditional)
 * @param hiddenFeatures units per MADE hidden layer
 * @param hiddenLayers MADE hidden layers
 * @param bins spline bins K
 * @param blocks autoregressive blocks; block b orders the dimensions forward (b mod 3 = 0), randomly with seed
 *     {@code seed + b / 3} (b mod 3 = 1), or reversed (b mod 3 = 2)
 * @param bound half-width B of the interval splines (circular splines always cover {@code [-pi, pi]})
 * @param flowOnCircularOnly if true, linear dimensions are modelled by the base distribution alone and the
 *     spline blocks act only on the circular dimensions
 * @param baseHidden hidden sizes of the network mapping the context to the base distribution's parameters
 * @param seed seed for initial weights and random orders
 * @param dtype element type of all parameters
 * @param madeActivation activation of the MADE hidden layers (ReLU when absent, as in files written before it
 *     was recorded)
 */
public record FlowConfig(List<Boolean> circular, int contextDim, int hiddenFeatures, int hiddenLayers, int bins,
    int blocks, double bound, boolean flowOnCircularOnly, List<Integer> baseHidden, long seed, DType dtype,
    Activation madeActivation) {

  /** Seed of the random order in the default flows. */
  public static final long DEFAULT_SEED = 42;

  /** Validates sizes. */
  public FlowConfig {
    circular = List.copyOf(circular);
    baseHidden = List.copyOf(baseHidden);
    madeActivation = madeActivation == null ? Activation.RELU : madeActivation;
    if (circular.isEmpty() || contextDim < 0 || hiddenFeatures < 1 || hiddenLayers < 1 || bins < 2 || blocks < 0
        || !(bound > 0)) {
      throw new IllegalArgumentException("invalid flow configuration: " + this);
    }
  }

  /** A configuration whose MADE hidden layers use ReLU. */
  public FlowConfig(List<Boolean> circular, int contextDim, int hiddenFeatures, int hiddenLayers, int bins,
      int blocks, double bound, boolean flowOnCircularOnly, List<Integer> baseHidden, long seed, DType dtype) {
    this(circular, contextDim, hiddenFeatures, hiddenLayers, bins, blocks, bound, flowOnCircularOnly, baseHidden,
        seed, dtype, Activation.RELU);
  }

  /**
   * The defaults: MADE with one hidden layer of 100, 20 bins on {@code [-pi, pi]}, 3 blocks (forward, random with
   * seed 42, reverse), a base network with one hidden layer of 100, float32.
   */
  public static FlowConfig defaults(List<Boolean> circular, int contextDim) {
    return new FlowConfig(circular, contextDim, 100, 1, 20, 3, Math.PI, false, List.of(100), DEFAULT_SEED,
        DType.F32);
  }

  /** Number of dimensions D. */
  public int dims() {
    return circular.size();
  }

  /** A copy with another dtype. */
  public FlowConfig withDtype(DType newDtype) {
    return new FlowConfig(circular, contextDim, hiddenFeatures, hiddenLayers, bins, blocks, bound,
        flowOnCircularOnly, baseHidden, seed, newDtype, madeActivation);
  }

  /** A copy with the spline blocks restricted to circular dimensions (or not). */
  public FlowConfig withFlowOnCircularOnly(boolean onlyCircular) {
    return new FlowConfig(circular, contextDim, hiddenFeatures, hiddenLayers, bins, blocks, bound, onlyCircular,
        baseHidden, seed, dtype, madeActivation);
  }

  /** A copy with other sizes for the MADE and the spline. */
  public FlowConfig withArchitecture(int newHidden, int newHiddenLayers, int newBins, int newBlocks) {
    return new FlowConfig(circular, contextDim, newHidden, newHiddenLayers, newBins, newBlocks, bound,
        flowOnCircularOnly, baseHidden, seed, dtype, madeActivation);
  }

  /** A copy whose MADE hidden layers use {@code activation}. */
  public FlowConfig withMadeActivation(Activation activation) {
    return new FlowConfig(circular, contextDim, hiddenFeatures, hiddenLayers, bins, blocks, bound,
        flowOnCircularOnly, baseHidden, seed, dtype, activation);
  }
}
