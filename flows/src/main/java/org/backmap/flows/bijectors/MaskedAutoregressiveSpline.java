package org.backmap.flows.bijectors;

import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.DimensionPartition;
import org.backmap.flows.made.Made;
import org.backmap.nn.Activation;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;

/**
 * One block of a conditional masked autoregressive flow: {@code y_d = s_d(x_d; theta_d(x_<d, c))}, where
 * {@code s_d} is a rational-quadratic spline (circular for angle dimensions, interval with identity tails
 * otherwise) and {@code theta} comes from a {@link Made}. The Jacobian is triangular, so
 * {@code log |det| = sum_d log |s_d'|}. Forward (density direction) is one network pass and differentiable;
 * inverse (sampling direction) is D network passes, pass d inverting the spline of dimension d only; it records
 * no gradients.
 *
 * <p>Unnormalised widths and heights are divided by {@code sqrt(hidden)} as in the reference implementation
 * (Durkan et al. 2019), keeping the initial spline close to uniform bins.
 */
public final class MaskedAutoregressiveSpline extends Module implements Bijector {

  private final int dims;
  private final int bins;
  private final double widthScale;
  private final Made made;
  private final RationalQuadraticSpline intervalSpline;
  private final RationalQuadraticSpline circularSpline;
  private final int[] intervalDims;
  private final int[] circularDims;
  private final int[] merge;
  private final DimensionPartition partition;

  /**
   * @param circular per dimension (in this block's order): whether it is an angle on {@code [-pi, pi)}
   * @param bound the interval half-width B for non-circular dimensions
   */
  public MaskedAutoregressiveSpline(boolean[] circular, int contextDim, int hiddenFeatures, int hiddenLayers,
      int bins, double bound, Rng rng, DType dtype) {
    this(circular, contextDim, hiddenFeatures, hiddenLayers, bins, bound, Activation.RELU, rng, dtype);
  }

  /**
   * A block whose MADE hidden layers use {@code activation}.
   *
   * @param circular per dimension (in this block's order): whether it is an angle on {@code [-pi, pi)}
   * @param bound the interval half-width B for non-circular dimensions
   */
  public MaskedAutoregressiveSpline(boolean[] circular, int contextDim, int hiddenFeatures, int hiddenLayers,
      int bins, double bound, Activation activation, Rng rng, DType dtype) {
    this.dims = circular.length;
    this.partition = DimensionPartition.of(circular);
    this.bins = bins;
    this.widthScale = 1.0 / Math.sqrt(hiddenFeatures);
    this.intervalSpline = new RationalQuadraticSpline(bins, bound, false);
    this.circularSpline = new RationalQuadraticSpline(bins, Math.PI, true);
    // every dimension gets the circular parameter count (3K); interval dimensions use the first 3K-1
    this.made = addModule("made",
        new Made(dims, contextDim, hiddenFeatures, hiddenLayers, circularSpline.parameterCount(),
            activation, rng, dtype));
    intervalDims = partition.linear();
    circularDims = partition.circular();
    merge = partition.merge();
  }

  /** Network outputs with the width and height logits divided by sqrt(hidden). */
  private Tensor scaled(Tensor raw) {
    return Tensor.concat(-1, raw.slice(-1, 0, 2 * bins).mul(widthScale), raw.slice(-1, 2 * bins, raw.dim(-1)));
  }

  private Result splines(Tensor v, Tensor rawParams, boolean inverse) {
    Tensor params = scaled(rawParams);
    Tensor out = null;
    Tensor logDet = null;
    if (intervalDims.length > 0) {
      Tensor p = params.indexSelect(1, intervalDims).slice(-1, 0, intervalSpline.parameterCount());
      Result r = inverse ? intervalSpline.inverse(v.indexSelect(-1, intervalDims), p)
          : intervalSpline.forward(v.indexSelect(-1, intervalDims), p);
      out = r.value();
      logDet = r.logDet();
    }
    if (circularDims.length > 0) {
      Tensor p = params.indexSelect(1, circularDims);
      Result r = inverse ? circularSpline.inverse(v.indexSelect(-1, circularDims), p)
          : circularSpline.forward(v.indexSelect(-1, circularDims), p);
      out = out == null ? r.value() : Tensor.concat(-1, out, r.value());
      logDet = logDet == null ? r.logDet() : Tensor.concat(-1, logDet, r.logDet());
    }
    return new Result(out.indexSelect(-1, merge), logDet.sum(-1));
  }

  @Override
  public Result forwardAndLogDet(Tensor x, Tensor context) {
    return splines(x, made.forward(x, context), false);
  }

  @Override
  public Result inverseAndLogDet(Tensor y, Tensor context) {
    // Dimension d depends only on dimensions < d, so pass d fixes it for good: each pass inverts one spline.
    try (var _ = GradMode.noGrad()) {
      int batch = y.dim(0);
      Tensor x = y.zerosLike();
      Tensor logDet = Tensor.zeros(y.dtype(), batch);
      for (int d = 0; d < dims; d++) {
        Tensor raw = made.forward(x, context).slice(1, d, d + 1).squeeze(1);
        Tensor params = scaled(raw);
        RationalQuadraticSpline spline = partition.isCircular(d) ? circularSpline : intervalSpline;
        Result r = spline.inverse(y.slice(1, d, d + 1).squeeze(1), params.slice(-1, 0, spline.parameterCount()));
        Tensor next = x.copy();
        for (int b = 0; b < batch; b++) {
          next.setFlat(b * dims + d, r.value().getFlat(b));
        }
        x = next;
        logDet = logDet.add(r.logDet());
      }
      return new Result(x, logDet);
    }
  }

  /** The conditioner network. */
  public Made made() {
    return made;
  }
}
