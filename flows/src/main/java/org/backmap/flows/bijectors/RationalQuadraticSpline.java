package org.backmap.flows.bijectors;

import org.backmap.autodiff.Indices;
import org.backmap.autodiff.Tensor;

/**
 * Monotonic rational-quadratic splines (Durkan et al. 2019, "Neural Spline Flows", eqs. 4-8) applied elementwise,
 * each element with its own K bins on {@code [-B, B]}.
 *
 * <p>Parameters per element are unnormalised: widths {@code [..., K]} and heights {@code [..., K]} pass through a
 * softmax and a floor ({@link #DEFAULT_MIN_BIN_WIDTH}, {@link #DEFAULT_MIN_BIN_HEIGHT}); knot derivatives
 * through {@code minD + softplus(u + log(e^(1 - minD) - 1))}, so that all-zero parameters give equal bins with
 * derivative 1 everywhere: the identity. Two variants:
 * <ul>
 *   <li>interval: {@code K-1} inner derivatives, boundary derivatives 1, identity outside {@code [-B, B]} (linear
 *       tails), so the map is a C1 bijection of the real line;
 *   <li>circular (Rezende et al. 2020): {@code K} derivatives, the last knot's derivative equal to the first's,
 *       so the map is a C1 diffeomorphism of the circle {@code [-B, B)} with {@code B = pi}; inputs must lie in
 *       {@code [-B, B]}.
 * </ul>
 * The inverse solves the quadratic of eq. 6 by the cancellation-free root {@code 2c / (-b - sqrt(b^2 - 4ac))}.
 */
public final class RationalQuadraticSpline {

  /** Smallest bin width, as a fraction of the interval width {@code 2B}. */
  public static final double DEFAULT_MIN_BIN_WIDTH = 1e-3;
  /** Smallest bin height, as a fraction of {@code 2B}. */
  public static final double DEFAULT_MIN_BIN_HEIGHT = 1e-3;
  /** Smallest knot derivative. */
  public static final double DEFAULT_MIN_DERIVATIVE = 1e-3;

  private final int bins;
  private final double bound;
  private final boolean circular;
  private final double minWidth;
  private final double minHeight;
  private final double minDerivative;

  /** A spline with default floors. */
  public RationalQuadraticSpline(int bins, double bound, boolean circular) {
    this(bins, bound, circular, DEFAULT_MIN_BIN_WIDTH, DEFAULT_MIN_BIN_HEIGHT, DEFAULT_MIN_DERIVATIVE);
  }

  /** A spline with explicit floors; {@code minWidth * bins} and {@code minHeight * bins} must be below 1. */
  public RationalQuadraticSpline(int bins, double bound, boolean circular, double minWidth, double minHeight,
      double minDerivative) {
    if (bins < 1 || bound <= 0 || minWidth * bins >= 1 || minHeight * bins >= 1 || minDerivative <= 0) {
      throw new IllegalArgumentException("invalid spline: bins=" + bins + " bound=" + bound + " minWidth="
          + minWidth + " minHeight=" + minHeight + " minDerivative=" + minDerivative);
    }
    this.bins = bins;
    this.bound = bound;
    this.circular = circular;
    this.minWidth = minWidth;
    this.minHeight = minHeight;
    this.minDerivative = minDerivative;
  }

  /** Number of bins K. */
  public int bins() {
    return bins;
  }

  /** Whether this is the circular variant. */
  public boolean circular() {
    return circular;
  }

  /** Number of unnormalised derivative parameters per element: K (circular) or K - 1 (interval). */
  public int derivativeCount() {
    return circular ? bins : bins - 1;
  }

  /** Total parameters per element: widths, heights, derivatives. */
  public int parameterCount() {
    return 2 * bins + derivativeCount();
  }

  /**
   * Applies the spline to {@code x} ({@code [...]}) with parameters {@code [..., parameterCount()]} laid out as
   * widths, heights, derivatives. Returns {@code y} and {@code log |dy/dx|}, both shaped like {@code x}.
   */
  public Bijector.Result forward(Tensor x, Tensor params) {
    return apply(x, params, false);
  }

  /** The inverse of {@link #forward}: {@code x} and {@code log |dx/dy|}, both shaped like {@code y}. */
  public Bijector.Result inverse(Tensor y, Tensor params) {
    return apply(y, params, true);
  }

  private Bijector.Result apply(Tensor in, Tensor params, boolean inverse) {
    if (params.dim(-1) != parameterCount()) {
      throw new IllegalArgumentException("spline expects " + parameterCount() + " parameters per element, got "
          + params.dim(-1));
    }
    Knots knots = knots(params);
    Tensor inside = in.ge(-bound).mul(in.le(bound));
    Tensor v = in.clamp(-bound, bound).unsqueeze(-1);

    Indices bin = binIndex(inverse ? knots.cumHeights : knots.cumWidths, v);
    Indices next = shifted(bin);
    Tensor xk = knots.cumWidths.gather(-1, bin);
    Tensor wk = knots.widths.gather(-1, bin);
    Tensor yk = knots.cumHeights.gather(-1, bin);
    Tensor hk = knots.heights.gather(-1, bin);
    Tensor dk = knots.derivatives.gather(-1, bin);
    Tensor dk1 = knots.derivatives.gather(-1, next);
    Tensor delta = hk.div(wk);
    Tensor curvature = dk.add(dk1).sub(delta.mul(2.0));

    Tensor theta;
    if (!inverse) {
      theta = v.sub(xk).div(wk);
    } else {
      Tensor dy = v.sub(yk);
      Tensor a = dy.mul(curvature).add(hk.mul(delta.sub(dk)));
      Tensor b = hk.mul(dk).sub(dy.mul(curvature));
      Tensor c = delta.mul(dy).neg();
      Tensor discriminant = b.square().sub(a.mul(c).mul(4.0)).clamp(0.0, Double.MAX_VALUE);
      theta = c.mul(2.0).div(b.neg().sub(discriminant.sqrt()));
    }
    Tensor t1 = theta.mul(theta.rsub(1.0));
    Tensor denominator = delta.add(curvature.mul(t1));
    Tensor out = inverse ? theta.mul(wk).add(xk)
        : yk.add(hk.mul(delta.mul(theta.square()).add(dk.mul(t1))).div(denominator));
    // log dy/dx = log(delta^2 (d_{k+1} t^2 + 2 delta t(1-t) + d_k (1-t)^2)) - 2 log(delta + curvature t(1-t))
    Tensor derivativeNumerator = delta.square()
        .mul(dk1.mul(theta.square()).add(delta.mul(t1).mul(2.0)).add(dk.mul(theta.rsub(1.0).square())));
    Tensor logDet = derivativeNumerator.log().sub(denominator.log().mul(2.0));
    if (inverse) {
      logDet = logDet.neg();
    }
    out = out.squeeze(-1);
    logDet = logDet.squeeze(-1);
    // identity outside [-B, B] (interval tails; for circular inputs this only guards against misuse)
    return new Bijector.Result(Tensor.where(inside, out, in), Tensor.where(inside, logDet, logDet.zerosLike()));
  }

  /** Normalised knot positions, bin sizes and knot derivatives, each {@code [..., K]} or {@code [..., K+1]}. */
  private record Knots(Tensor cumWidths, Tensor widths, Tensor cumHeights, Tensor heights, Tensor derivatives) {}

  private Knots knots(Tensor params) {
    Tensor uw = params.slice(-1, 0, bins);
    Tensor uh = params.slice(-1, bins, 2 * bins);
    Tensor ud = params.slice(-1, 2 * bins, parameterCount());
    Tensor cumWidths = cumulative(uw, minWidth);
    Tensor cumHeights = cumulative(uh, minHeight);
    Tensor inner = ud.add(Math.log(Math.expm1(1 - minDerivative))).softplus().add(minDerivative);
    Tensor derivatives;
    if (circular) {
      derivatives = Tensor.concat(-1, inner, inner.slice(-1, 0, 1));
    } else {
      Tensor one = endpoint(params, 1.0);
      derivatives = Tensor.concat(-1, one, inner, one);
    }
    return new Knots(cumWidths, differences(cumWidths), cumHeights, differences(cumHeights), derivatives);
  }

  /** Knot positions {@code [..., K+1]} from {@code -B} to {@code B}, with the endpoints exact. */
  private Tensor cumulative(Tensor unnormalised, double floor) {
    Tensor sizes = unnormalised.softmax(-1).mul(1 - floor * bins).add(floor);
    Tensor innerKnots = sizes.cumsum(-1).slice(-1, 0, bins - 1).mul(2 * bound).sub(bound);
    return Tensor.concat(-1, endpoint(unnormalised, -bound), innerKnots, endpoint(unnormalised, bound));
  }

  private static Tensor differences(Tensor knots) {
    int k = knots.dim(-1);
    return knots.slice(-1, 1, k).sub(knots.slice(-1, 0, k - 1));
  }

  private static Tensor endpoint(Tensor like, double value) {
    int[] shape = like.shape();
    shape[shape.length - 1] = 1;
    return Tensor.full(like.dtype(), value, shape);
  }

  /** The bin {@code k} with {@code knot_k <= v < knot_(k+1)}, clamped to {@code [0, K-1]} (so v = B is in bin K-1). */
  private Indices binIndex(Tensor knots, Tensor v) {
    Indices upper = knots.searchSorted(v, true);
    int[] idx = upper.data().clone();
    for (int i = 0; i < idx.length; i++) {
      idx[i] = Math.max(0, Math.min(bins - 1, idx[i] - 1));
    }
    return new Indices(idx, upper.shape());
  }

  private static Indices shifted(Indices bin) {
    int[] idx = bin.data().clone();
    for (int i = 0; i < idx.length; i++) {
      idx[i]++;
    }
    return new Indices(idx, bin.shape());
  }
}
