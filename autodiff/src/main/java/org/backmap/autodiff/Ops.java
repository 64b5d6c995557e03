package org.backmap.autodiff;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.backmap.autodiff.backend.Backend;
import org.backmap.autodiff.backend.Backends;
import org.backmap.autodiff.backend.BinaryOp;
import org.backmap.autodiff.backend.UnaryOp;
import org.backmap.autodiff.backend.cpu.Parallel;

/**
 * Every op on tensors, each primitive with its backward rule beside it. Composites (gelu, logsumexp, softmax,
 * mean, stack) are written from primitives and need no gradient code of their own. Users call these through
 * {@link Tensor}'s methods. Backward rules run inside {@link GradMode#noGrad()} and may use any op.
 */
final class Ops {

  private Ops() {}

  private static Backend be() {
    return Backends.current();
  }

  private static Tensor[] grads(Tensor... g) {
    return g;
  }

  private static void checkDtypes(String op, Tensor a, Tensor b) {
    if (a.dtype() != b.dtype()) {
      throw new IllegalArgumentException(op + ": dtype mismatch " + a.dtype() + " vs " + b.dtype()
          + " (convert one with to(DType))");
    }
  }

  // ================================================================ unary primitives

  private static Tensor kernel(UnaryOp op, Tensor x) {
    Tensor out = Tensor.empty(x.dtype(), x.shape());
    if (x.dtype() == DType.F32) {
      be().unary(op, x.f32, out.f32, x.size());
    } else {
      be().unary(op, x.f64, out.f64, x.size());
    }
    return out;
  }

  static Tensor neg(Tensor x) {
    Tensor out = kernel(UnaryOp.NEG, x);
    return Tensor.result("neg", out, g -> grads(neg(g)), x);
  }

  static Tensor exp(Tensor x) {
    Tensor out = kernel(UnaryOp.EXP, x);
    return Tensor.result("exp", out, g -> grads(g.mul(out)), x);
  }

  static Tensor log(Tensor x) {
    Tensor out = kernel(UnaryOp.LOG, x);
    return Tensor.result("log", out, g -> grads(g.div(x)), x);
  }

  static Tensor log1p(Tensor x) {
    Tensor out = kernel(UnaryOp.LOG1P, x);
    return Tensor.result("log1p", out, g -> grads(g.div(x.add(1.0))), x);
  }

  static Tensor expm1(Tensor x) {
    Tensor out = kernel(UnaryOp.EXPM1, x);
    return Tensor.result("expm1", out, g -> grads(g.mul(out.add(1.0))), x);
  }

  static Tensor sqrt(Tensor x) {
    Tensor out = kernel(UnaryOp.SQRT, x);
    return Tensor.result("sqrt", out, g -> grads(g.div(out).mul(0.5)), x);
  }

  static Tensor abs(Tensor x) {
    Tensor out = kernel(UnaryOp.ABS, x);
    return Tensor.result("abs", out, g -> grads(g.mul(sign(x))), x);
  }

  static Tensor sin(Tensor x) {
    Tensor out = kernel(UnaryOp.SIN, x);
    return Tensor.result("sin", out, g -> grads(g.mul(cos(x))), x);
  }

  static Tensor cos(Tensor x) {
    Tensor out = kernel(UnaryOp.COS, x);
    return Tensor.result("cos", out, g -> grads(g.mul(sin(x)).neg()), x);
  }

  static Tensor tanh(Tensor x) {
    Tensor out = kernel(UnaryOp.TANH, x);
    return Tensor.result("tanh", out, g -> grads(g.mul(out.square().rsub(1.0))), x);
  }

  static Tensor sigmoid(Tensor x) {
    Tensor out = kernel(UnaryOp.SIGMOID, x);
    return Tensor.result("sigmoid", out, g -> grads(g.mul(out.mul(out.rsub(1.0)))), x);
  }

  /** Primitive (not log1p(exp)) so that it is exact at +/-1000 and its derivative at 0 is 1/2. */
  static Tensor softplus(Tensor x) {
    Tensor out = kernel(UnaryOp.SOFTPLUS, x);
    return Tensor.result("softplus", out, g -> grads(g.mul(sigmoid(x))), x);
  }

  static Tensor relu(Tensor x) {
    Tensor out = kernel(UnaryOp.RELU, x);
    return Tensor.result("relu", out, g -> grads(g.mul(sign(out))), x);
  }

  /** Piecewise constant: zero gradient almost everywhere. */
  static Tensor sign(Tensor x) {
    return kernel(UnaryOp.SIGN, x);
  }

  static Tensor reciprocal(Tensor x) {
    Tensor out = Tensor.empty(x.dtype(), x.shape());
    Tensor ones = x.fullLike(1.0);
    if (x.dtype() == DType.F32) {
      be().binary(BinaryOp.DIV, ones.f32, x.f32, out.f32, x.size());
    } else {
      be().binary(BinaryOp.DIV, ones.f64, x.f64, out.f64, x.size());
    }
    return Tensor.result("reciprocal", out, g -> grads(g.mul(out.square()).neg()), x);
  }

  /**
   * A user-defined elementwise function with its derivative: {@code out = f(x)}, gradient {@code g * f'(x)}. The
   * extension point for special functions (e.g. log I0 of the von Mises normaliser); evaluated with scalar loops.
   */
  static Tensor map(String name, Tensor x, DoubleUnaryOperator f, DoubleUnaryOperator derivative) {
    Tensor out = Tensor.empty(x.dtype(), x.shape());
    for (int i = 0; i < x.size(); i++) {
      out.setFlat(i, f.applyAsDouble(x.getFlat(i)));
    }
    return Tensor.result(name, out, g -> {
      Tensor d = Tensor.empty(x.dtype(), x.shape());
      for (int i = 0; i < x.size(); i++) {
        d.setFlat(i, derivative.applyAsDouble(x.getFlat(i)));
      }
      return grads(g.mul(d));
    }, x);
  }

  /** Tanh approximation: {@code 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))}. */
  static Tensor gelu(Tensor x) {
    Tensor inner = x.add(x.pow(3.0).mul(0.044715)).mul(Math.sqrt(2.0 / Math.PI));
    return x.mul(0.5).mul(inner.tanh().add(1.0));
  }

  static Tensor cast(Tensor x, DType target) {
    if (x.dtype() == target) {
      return x;
    }
    Tensor out = Tensor.empty(target, x.shape());
    for (int i = 0; i < x.size(); i++) {
      out.setFlat(i, x.getFlat(i));
    }
    return Tensor.result("cast", out, g -> grads(cast(g, x.dtype())), x);
  }

  // ================================================================ binary primitives (broadcasting)

  /** Backward of a same-shape binary op: gradients of a and b from g, the inputs and the output. */
  @FunctionalInterface
  private interface BinaryBackward {
    Tensor[] apply(Tensor g, Tensor a, Tensor b, Tensor out);
  }

  private static Tensor binary(String name, BinaryOp op, Tensor a, Tensor b, BinaryBackward backward) {
    checkDtypes(name, a, b);
    if (!Arrays.equals(a.shape(), b.shape())) {
      int[] shape = Shapes.broadcast(a.shape(), b.shape());
      a = expand(a, shape);
      b = expand(b, shape);
    }
    Tensor out = Tensor.empty(a.dtype(), a.shape());
    if (a.dtype() == DType.F32) {
      be().binary(op, a.f32, b.f32, out.f32, out.size());
    } else {
      be().binary(op, a.f64, b.f64, out.f64, out.size());
    }
    Tensor fa = a;
    Tensor fb = b;
    return Tensor.result(name, out, g -> backward.apply(g, fa, fb, out), fa, fb);
  }

  static Tensor add(Tensor a, Tensor b) {
    return binary("add", BinaryOp.ADD, a, b, (g, x, y, out) -> grads(g, g));
  }

  static Tensor sub(Tensor a, Tensor b) {
    return binary("sub", BinaryOp.SUB, a, b, (g, x, y, out) -> grads(g, y.requiresGrad() ? g.neg() : null));
  }

  static Tensor mul(Tensor a, Tensor b) {
    return binary("mul", BinaryOp.MUL, a, b, (g, x, y, out) ->
        grads(x.requiresGrad() ? g.mul(y) : null, y.requiresGrad() ? g.mul(x) : null));
  }

  static Tensor div(Tensor a, Tensor b) {
    return binary("div", BinaryOp.DIV, a, b, (g, x, y, out) ->
        grads(x.requiresGrad() ? g.div(y) : null, y.requiresGrad() ? g.mul(out).div(y).neg() : null));
  }

  static Tensor pow(Tensor a, Tensor b) {
    return binary("pow", BinaryOp.POW, a, b, (g, x, y, out) -> grads(
        x.requiresGrad() ? g.mul(y).mul(x.pow(y.sub(1.0))) : null,
        y.requiresGrad() ? g.mul(out).mul(x.log()) : null));
  }

  static Tensor maximum(Tensor a, Tensor b) {
    return binary("maximum", BinaryOp.MAX, a, b, (g, x, y, out) -> {
      Tensor mask = x.ge(y);
      return grads(where(mask, g, g.zerosLike()), where(mask, g.zerosLike(), g));
    });
  }

  static Tensor minimum(Tensor a, Tensor b) {
    return binary("minimum", BinaryOp.MIN, a, b, (g, x, y, out) -> {
      Tensor mask = x.le(y);
      return grads(where(mask, g, g.zerosLike()), where(mask, g.zerosLike(), g));
    });
  }

  /** {@code atan2(y, x)}; d/dy = x / r^2, d/dx = -y / r^2. */
  static Tensor atan2(Tensor y, Tensor x) {
    return binary("atan2", BinaryOp.ATAN2, y, x, (g, yy, xx, out) -> {
      Tensor r2 = xx.square().add(yy.square());
      return grads(g.mul(xx).div(r2), g.mul(yy).div(r2).neg());
    });
  }

  private static Tensor scalarKernel(BinaryOp op, Tensor a, double c) {
    Tensor out = Tensor.empty(a.dtype(), a.shape());
    if (a.dtype() == DType.F32) {
      be().binaryScalar(op, a.f32, (float) c, out.f32, a.size());
    } else {
      be().binaryScalar(op, a.f64, c, out.f64, a.size());
    }
    return out;
  }

  static Tensor addScalar(Tensor a, double c) {
    return Tensor.result("addScalar", scalarKernel(BinaryOp.ADD, a, c), g -> grads(g), a);
  }

  static Tensor mulScalar(Tensor a, double c) {
    return Tensor.result("mulScalar", scalarKernel(BinaryOp.MUL, a, c), g -> grads(g.mul(c)), a);
  }

  static Tensor powScalar(Tensor a, double p) {
    Tensor out;
    if (p == 2.0) {
      try (var _ = GradMode.noGrad()) {
        out = mul(a, a); // exact, unlike a general pow
      }
    } else {
      out = scalarKernel(BinaryOp.POW, a, p);
    }
    return Tensor.result("powScalar", out, g -> grads(g.mul(a.pow(p - 1.0)).mul(p)), a);
  }

  /** Gradient passes where {@code min <= x <= max}. */
  static Tensor clamp(Tensor x, double min, double max) {
    if (min > max) {
      throw new IllegalArgumentException("clamp: min " + min + " > max " + max);
    }
    Tensor lower = scalarKernel(BinaryOp.MAX, x, min);
    Tensor out = scalarKernel(BinaryOp.MIN, lower, max);
    return Tensor.result("clamp", out, g -> grads(where(x.ge(min).mul(x.le(max)), g, g.zerosLike())), x);
  }

  /** Comparison producing a 0/1 mask; not differentiable, never recorded. */
  enum Comparison { GT, GE, LT, LE, EQ }

  static Tensor compare(Tensor a, Tensor b, Comparison cmp) {
    checkDtypes("compare", a, b);
    int[] shape = Shapes.broadcast(a.shape(), b.shape());
    Tensor x;
    Tensor y;
    try (var _ = GradMode.noGrad()) {
      x = expand(a, shape);
      y = expand(b, shape);
    }
    Tensor out = Tensor.empty(a.dtype(), shape);
    for (int i = 0; i < out.size(); i++) {
      double u = x.getFlat(i);
      double v = y.getFlat(i);
      boolean r = switch (cmp) {
        case GT -> u > v;
        case GE -> u >= v;
        case LT -> u < v;
        case LE -> u <= v;
        case EQ -> u == v;
      };
      out.setFlat(i, r ? 1.0 : 0.0);
    }
    return out;
  }

  static Tensor where(Tensor mask, Tensor a, Tensor b) {
    checkDtypes("where", a, b);
    int[] shape = Shapes.broadcast(Shapes.broadcast(mask.shape(), a.shape()), b.shape());
    Tensor m;
    try (var _ = GradMode.noGrad()) {
      m = expand(mask, shape);
    }
    Tensor x = expand(a, shape);
    Tensor y = expand(b, shape);
    Tensor out = Tensor.empty(a.dtype(), shape);
    for (int i = 0; i < out.size(); i++) {
      out.setFlat(i, m.getFlat(i) != 0 ? x.getFlat(i) : y.getFlat(i));
    }
    return Tensor.result("where", out, g -> grads(
        x.requiresGrad() ? where(m, g, g.zerosLike()) : null,
        y.requiresGrad() ? where(m, g.zerosLike(), g) : null), x, y);
  }

  // ================================================================ reductions

  private static int[] normalizeAxes(int[] axes, int rank) {
    return Arrays.stream(axes).map(a -> Shapes.axis(a, rank)).distinct().sorted().toArray();
  }

  private static int[] reducedShape(int[] shape, int[] axes, boolean keepDims) {
    int[] kept = shape.clone();
    for (int a : axes) {
      kept[a] = 1;
    }
    if (keepDims) {
      return kept;
    }
    int[] out = new int[shape.length - axes.length];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (Arrays.binarySearch(axes, i) < 0) {
        out[j++] = shape[i];
      }
    }
    return out;
  }

  static Tensor sum(Tensor x, int[] axesIn, boolean keepDims) {
    int[] axes = normalizeAxes(axesIn, x.rank());
    int[] shape = x.shape();
    Tensor cur = x.detach();
    for (int k = axes.length - 1; k >= 0; k--) {
      int a = axes[k];
      int outer = Shapes.prod(shape, 0, a);
      int len = shape[a];
      int inner = Shapes.prod(shape, a + 1, shape.length);
      shape[a] = 1;
      Tensor next = Tensor.empty(x.dtype(), shape.clone());
      if (x.dtype() == DType.F32) {
        be().sum(cur.f32, outer, len, inner, next.f32);
      } else {
        be().sum(cur.f64, outer, len, inner, next.f64);
      }
      cur = next;
    }
    int[] keptShape = reducedShape(x.shape(), axes, true);
    Tensor out = cur.reshape(reducedShape(x.shape(), axes, keepDims)).detach();
    int[] inShape = x.shape();
    return Tensor.result("sum", out, g -> grads(expand(g.reshape(keptShape), inShape)), x);
  }

  static Tensor mean(Tensor x, int[] axesIn, boolean keepDims) {
    int[] axes = normalizeAxes(axesIn, x.rank());
    int count = 1;
    for (int a : axes) {
      count *= x.dim(a);
    }
    return sum(x, axes, keepDims).mul(1.0 / count);
  }

  /** Maximum along one axis; the gradient goes to the first maximal element. NaN propagates. */
  static Tensor max(Tensor x, int axisIn, boolean keepDims) {
    int axis = Shapes.axis(axisIn, x.rank());
    int[] shape = x.shape();
    int outer = Shapes.prod(shape, 0, axis);
    int len = shape[axis];
    int inner = Shapes.prod(shape, axis + 1, shape.length);
    if (len == 0) {
      throw new IllegalArgumentException("max over an empty axis");
    }
    int[] keptShape = reducedShape(shape, new int[] {axis}, true);
    Tensor out = Tensor.empty(x.dtype(), keptShape);
    int[] argmax = new int[outer * inner];
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        int best = o * len * inner + i;
        double bestValue = x.getFlat(best);
        for (int l = 1; l < len && !Double.isNaN(bestValue); l++) {
          int at = (o * len + l) * inner + i;
          double v = x.getFlat(at);
          if (v > bestValue || Double.isNaN(v)) {
            best = at;
            bestValue = v;
          }
        }
        argmax[o * inner + i] = best;
        out.setFlat(o * inner + i, bestValue);
      }
    }
    Tensor result = out.reshape(reducedShape(shape, new int[] {axis}, keepDims)).detach();
    return Tensor.result("max", result, g -> grads(putAdd(g.reshape(keptShape), argmax, shape)), x);
  }

  /** {@code m + log(sum(exp(x - m)))} with {@code m} the (detached) maximum, finite for any input. */
  static Tensor logSumExp(Tensor x, int axis, boolean keepDims) {
    Tensor m = x.detach().max(axis, true);
    Tensor finite = m.abs().lt(Double.POSITIVE_INFINITY);
    Tensor shift = where(finite, m, m.zerosLike());
    Tensor out = x.sub(shift).exp().sum(new int[] {axis}, true).log().add(shift);
    return keepDims ? out : out.squeeze(axis);
  }

  static Tensor logSoftmax(Tensor x, int axis) {
    return x.sub(logSumExp(x, axis, true));
  }

  static Tensor softmax(Tensor x, int axis) {
    return logSoftmax(x, axis).exp();
  }

  static Tensor cumsum(Tensor x, int axisIn) {
    int axis = Shapes.axis(axisIn, x.rank());
    int[] shape = x.shape();
    int outer = Shapes.prod(shape, 0, axis);
    int len = shape[axis];
    int inner = Shapes.prod(shape, axis + 1, shape.length);
    Tensor out = Tensor.empty(x.dtype(), shape);
    for (int o = 0; o < outer; o++) {
      for (int i = 0; i < inner; i++) {
        double acc = 0;
        for (int l = 0; l < len; l++) {
          int at = (o * len + l) * inner + i;
          acc += x.getFlat(at);
          out.setFlat(at, acc);
        }
      }
    }
    int[] reversed = new int[len];
    for (int l = 0; l < len; l++) {
      reversed[l] = len - 1 - l;
    }
    // d/dx_i sum_j cumsum_j g_j = sum_{j >= i} g_j: a reversed cumsum.
    return Tensor.result("cumsum", out,
        g -> grads(g.indexSelect(axis, reversed).cumsum(axis).indexSelect(axis, reversed)), x);
  }

  // ================================================================ norms

  /**
   * Euclidean norm over the last axis, {@code [..., d] -> [...]}, accumulated in float64. Gradient
   * {@code g x / |x|}, and 0 where {@code |x| = 0} (a subgradient: the norm has no derivative there, and 0 keeps
   * coincident or parallel inputs from producing NaN).
   */
  static Tensor norm(Tensor x) {
    if (x.rank() == 0) {
      throw new IllegalArgumentException("norm needs at least one axis");
    }
    int d = x.dim(-1);
    int[] outShape = Arrays.copyOf(x.shape(), x.rank() - 1);
    Tensor out = Tensor.empty(x.dtype(), outShape);
    int rows = out.size();
    for (int row = 0; row < rows; row++) {
      double s = 0;
      for (int k = 0; k < d; k++) {
        double v = x.getFlat(row * d + k);
        s += v * v;
      }
      out.setFlat(row, Math.sqrt(s));
    }
    return Tensor.result("norm", out, g -> {
      Tensor positive = out.gt(0.0);
      Tensor safe = where(positive, out, out.fullLike(1.0));
      return grads(where(positive, g.div(safe), g.zerosLike()).unsqueeze(-1).mul(x));
    }, x);
  }

  /**
   * Layer normalisation over the last axis: {@code y = gamma (x - mean) / sqrt(var + eps) + beta} with each row's
   * mean and biased variance (accumulated in float64); {@code gamma} and {@code beta} are {@code [d]}. One
   * primitive rather than a composite so that a large input costs one output and the normalised rows, not a
   * tensor per step. With {@code xhat} the normalised rows and {@code dxhat = g gamma}:
   * {@code dx = (dxhat - mean(dxhat) - xhat mean(dxhat xhat)) / sqrt(var + eps)},
   * {@code dgamma = sum_rows g xhat}, {@code dbeta = sum_rows g}.
   */
  static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, double eps) {
    checkDtypes("layerNorm", x, gamma);
    checkDtypes("layerNorm", x, beta);
    if (x.rank() == 0) {
      throw new IllegalArgumentException("layerNorm needs at least one axis");
    }
    int d = x.dim(-1);
    if (gamma.rank() != 1 || gamma.dim(0) != d || beta.rank() != 1 || beta.dim(0) != d) {
      throw new IllegalArgumentException("layerNorm: gamma " + Arrays.toString(gamma.shape()) + " and beta "
          + Arrays.toString(beta.shape()) + " must be [" + d + "] for input " + Arrays.toString(x.shape()));
    }
    if (!(eps > 0)) {
      throw new IllegalArgumentException("layerNorm: eps must be positive, got " + eps);
    }
    int rows = d == 0 ? 0 : x.size() / d;
    int[] statShape = x.shape();
    statShape[statShape.length - 1] = 1;
    Tensor xhat = Tensor.empty(x.dtype(), x.shape());
    Tensor invStd = Tensor.empty(x.dtype(), statShape);
    Tensor out = Tensor.empty(x.dtype(), x.shape());
    // rows are independent, so splitting them over threads does not change a bit of the result
    Parallel.range(rows, LAYER_NORM_GRAIN_ROWS, 1, (from, to) -> {
      if (x.dtype() == DType.F32) {
        normalizeRows(x.f32, gamma.f32, beta.f32, eps, d, from, to, xhat.f32, invStd.f32, out.f32);
      } else {
        normalizeRows(x.f64, gamma.f64, beta.f64, eps, d, from, to, xhat.f64, invStd.f64, out.f64);
      }
    });
    int[] rowAxes = new int[x.rank() - 1];
    for (int i = 0; i < rowAxes.length; i++) {
      rowAxes[i] = i;
    }
    return Tensor.result("layerNorm", out, g -> {
      Tensor dxhat = g.mul(gamma);
      Tensor dx = x.requiresGrad() ? dxhat.sub(dxhat.mean(new int[] {-1}, true))
          .sub(xhat.mul(dxhat.mul(xhat).mean(new int[] {-1}, true))).mul(invStd) : null;
      Tensor dgamma = gamma.requiresGrad() ? g.mul(xhat).sum(rowAxes, false) : null;
      Tensor dbeta = beta.requiresGrad() ? g.sum(rowAxes, false) : null;
      return grads(dx, dgamma, dbeta);
    }, x, gamma, beta);
  }

  /** Rows per parallel chunk of {@link #layerNorm}: below two chunks' worth it runs on the calling thread. */
  private static final int LAYER_NORM_GRAIN_ROWS = 4096;

  /**
   * {@code sum_k x[at + k]}, or with {@code squares} {@code sum_k (x[at + k] - shift)^2}, in float64 with four
   * partial sums so that the additions are not one dependent chain.
   */
  private static double rowSum(float[] x, int at, int d, double shift, boolean squares) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 4 <= d; k += 4) {
      double a = x[at + k] - shift;
      double b = x[at + k + 1] - shift;
      double c = x[at + k + 2] - shift;
      double e = x[at + k + 3] - shift;
      s0 += squares ? a * a : a;
      s1 += squares ? b * b : b;
      s2 += squares ? c * c : c;
      s3 += squares ? e * e : e;
    }
    for (; k < d; k++) {
      double a = x[at + k] - shift;
      s0 += squares ? a * a : a;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The float64 twin of {@link #rowSum(float[], int, int, double, boolean)}. */
  private static double rowSum(double[] x, int at, int d, double shift, boolean squares) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 4 <= d; k += 4) {
      double a = x[at + k] - shift;
      double b = x[at + k + 1] - shift;
      double c = x[at + k + 2] - shift;
      double e = x[at + k + 3] - shift;
      s0 += squares ? a * a : a;
      s1 += squares ? b * b : b;
      s2 += squares ? c * c : c;
      s3 += squares ? e * e : e;
    }
    for (; k < d; k++) {
      double a = x[at + k] - shift;
      s0 += squares ? a * a : a;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static void normalizeRows(float[] xs, float[] ga, float[] be, double eps, int d, int from, int to,
      float[] xh, float[] invStd, float[] o) {
    for (int r = from; r < to; r++) {
      int at = r * d;
      double mean = rowSum(xs, at, d, 0.0, false) / d;
      double inv = 1.0 / Math.sqrt(rowSum(xs, at, d, mean, true) / d + eps);
      invStd[r] = (float) inv;
      for (int k = 0; k < d; k++) {
        float h = (float) ((xs[at + k] - mean) * inv);
        xh[at + k] = h;
        o[at + k] = ga[k] * h + be[k];
      }
    }
  }

  private static void normalizeRows(double[] xs, double[] ga, double[] be, double eps, int d, int from, int to,
      double[] xh, double[] invStd, double[] o) {
    for (int r = from; r < to; r++) {
      int at = r * d;
      double mean = rowSum(xs, at, d, 0.0, false) / d;
      double inv = 1.0 / Math.sqrt(rowSum(xs, at, d, mean, true) / d + eps);
      invStd[r] = inv;
      for (int k = 0; k < d; k++) {
        double h = (xs[at + k] - mean) * inv;
        xh[at + k] = h;
        o[at + k] = ga[k] * h + be[k];
      }
    }
  }

  // ================================================================ linear algebra

  static Tensor matmul(Tensor a, Tensor b) {
    checkDtypes("matmul", a, b);
    if (a.rank() == 1) {
      return matmul(a.unsqueeze(0), b).squeeze(-2);
    }
    if (b.rank() == 1) {
      return matmul(a, b.unsqueeze(-1)).squeeze(-1);
    }
    int m = a.dim(-2);
    int k = a.dim(-1);
    int n = b.dim(-1);
    if (b.dim(-2) != k) {
      throw new IllegalArgumentException("matmul: inner dimensions differ: " + Arrays.toString(a.shape())
          + " @ " + Arrays.toString(b.shape()));
    }
    int[] batchA = Arrays.copyOf(a.shape(), a.rank() - 2);
    int[] batchB = Arrays.copyOf(b.shape(), b.rank() - 2);
    int[] batch = Shapes.broadcast(batchA, batchB);
    Tensor x = expand(a, concatShape(batch, m, k));
    Tensor y = expand(b, concatShape(batch, k, n));
    Tensor out = Tensor.empty(a.dtype(), concatShape(batch, m, n));
    int batches = Shapes.size(batch);
    for (int p = 0; p < batches; p++) {
      if (a.dtype() == DType.F32) {
        be().matmul(x.f32, p * m * k, y.f32, p * k * n, out.f32, p * m * n, m, k, n);
      } else {
        be().matmul(x.f64, p * m * k, y.f64, p * k * n, out.f64, p * m * n, m, k, n);
      }
    }
    return Tensor.result("matmul", out, g -> grads(
        x.requiresGrad() ? g.matmul(y.transpose(-1, -2)) : null,
        y.requiresGrad() ? x.transpose(-1, -2).matmul(g) : null), x, y);
  }

  private static int[] concatShape(int[] batch, int r, int c) {
    int[] s = Arrays.copyOf(batch, batch.length + 2);
    s[batch.length] = r;
    s[batch.length + 1] = c;
    return s;
  }

  // ================================================================ shapes

  static Tensor reshape(Tensor x, int[] requested) {
    int[] shape = requested.clone();
    int infer = -1;
    int known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException("reshape: more than one -1 in " + Arrays.toString(requested));
        }
        infer = i;
      } else {
        known *= shape[i];
      }
    }
    if (infer >= 0) {
      if (known == 0 || x.size() % known != 0) {
        throw new IllegalArgumentException("reshape: cannot infer -1 in " + Arrays.toString(requested)
            + " for " + x.size() + " elements");
      }
      shape[infer] = x.size() / known;
    }
    if (Shapes.size(shape) != x.size()) {
      throw new IllegalArgumentException("reshape: " + Arrays.toString(x.shape()) + " (" + x.size()
          + " elements) cannot become " + Arrays.toString(requested));
    }
    Tensor out = new Tensor(x.dtype(), shape, x.f32, x.f64);
    int[] inShape = x.shape();
    return Tensor.result("reshape", out, g -> grads(g.reshape(inShape)), x);
  }

  static Tensor unsqueeze(Tensor x, int axisIn) {
    int axis = Shapes.axis(axisIn, x.rank() + 1);
    int[] s = new int[x.rank() + 1];
    for (int i = 0, j = 0; i < s.length; i++) {
      s[i] = i == axis ? 1 : x.shape()[j++];
    }
    return reshape(x, s);
  }

  static Tensor squeeze(Tensor x, int axisIn) {
    int axis = Shapes.axis(axisIn, x.rank());
    if (x.dim(axis) != 1) {
      throw new IllegalArgumentException("squeeze: axis " + axisIn + " has size " + x.dim(axis));
    }
    int[] s = new int[x.rank() - 1];
    for (int i = 0, j = 0; i < x.rank(); i++) {
      if (i != axis) {
        s[j++] = x.dim(i);
      }
    }
    return reshape(x, s);
  }

  static Tensor permute(Tensor x, int[] axesIn) {
    int rank = x.rank();
    if (axesIn.length != rank) {
      throw new IllegalArgumentException("permute: " + axesIn.length + " axes for rank " + rank);
    }
    int[] axes = new int[rank];
    int[] inverse = new int[rank];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = Shapes.axis(axesIn[i], rank);
      if (seen[axes[i]]) {
        throw new IllegalArgumentException("permute: repeated axis in " + Arrays.toString(axesIn));
      }
      seen[axes[i]] = true;
      inverse[axes[i]] = i;
    }
    int[] inShape = x.shape();
    int[] inStrides = Shapes.strides(inShape);
    int[] outShape = new int[rank];
    int[] srcStrides = new int[rank];
    for (int i = 0; i < rank; i++) {
      outShape[i] = inShape[axes[i]];
      srcStrides[i] = inStrides[axes[i]];
    }
    Tensor out = gatherStrided(x, outShape, srcStrides);
    return Tensor.result("permute", out, g -> grads(permute(g, inverse)), x);
  }

  static Tensor transpose(Tensor x, int a, int b) {
    int[] axes = new int[x.rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    int i = Shapes.axis(a, x.rank());
    int j = Shapes.axis(b, x.rank());
    axes[i] = j;
    axes[j] = i;
    return permute(x, axes);
  }

  /** Broadcasts {@code x} to {@code shape}; the gradient sums over the broadcast axes. */
  static Tensor expand(Tensor x, int[] shape) {
    int[] in = x.shape();
    if (Arrays.equals(in, shape)) {
      return x;
    }
    if (!Arrays.equals(Shapes.broadcast(in, shape), shape)) {
      throw new IllegalArgumentException("cannot expand " + Arrays.toString(in) + " to " + Arrays.toString(shape));
    }
    int offset = shape.length - in.length;
    int[] inStrides = Shapes.strides(in);
    int[] srcStrides = new int[shape.length];
    int[] sumAxes = new int[shape.length];
    int nSum = 0;
    for (int i = 0; i < shape.length; i++) {
      boolean broadcast = i < offset || in[i - offset] == 1 && shape[i] != 1;
      srcStrides[i] = i < offset || in[i - offset] == 1 ? 0 : inStrides[i - offset];
      if (broadcast) {
        sumAxes[nSum++] = i;
      }
    }
    int[] axes = Arrays.copyOf(sumAxes, nSum);
    Tensor out = gatherStrided(x, shape.clone(), srcStrides);
    return Tensor.result("expand", out, g -> grads(g.sum(axes, true).reshape(in)), x);
  }

  /** {@code out[idx] = x[sum_i idx_i * srcStrides_i]}: the copy loop behind permute and expand. */
  private static Tensor gatherStrided(Tensor x, int[] outShape, int[] srcStrides) {
    Tensor out = Tensor.empty(x.dtype(), outShape);
    int rank = outShape.length;
    int n = out.size();
    if (n == 0) {
      return out;
    }
    int innerLen = rank == 0 ? 1 : outShape[rank - 1];
    int innerStride = rank == 0 ? 0 : srcStrides[rank - 1];
    int[] idx = new int[Math.max(rank - 1, 0)];
    int src = 0;
    for (int dst = 0; dst < n; dst += innerLen) {
      if (x.dtype() == DType.F32) {
        if (innerStride == 1) {
          System.arraycopy(x.f32, src, out.f32, dst, innerLen);
        } else {
          for (int j = 0; j < innerLen; j++) {
            out.f32[dst + j] = x.f32[src + j * innerStride];
          }
        }
      } else {
        if (innerStride == 1) {
          System.arraycopy(x.f64, src, out.f64, dst, innerLen);
        } else {
          for (int j = 0; j < innerLen; j++) {
            out.f64[dst + j] = x.f64[src + j * innerStride];
          }
        }
      }
      for (int d = rank - 2; d >= 0; d--) {
        idx[d]++;
        src += srcStrides[d];
        if (idx[d] < outShape[d]) {
          break;
        }
        src -= srcStrides[d] * outShape[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  static Tensor slice(Tensor x, int axisIn, int start, int end) {
    int axis = Shapes.axis(axisIn, x.rank());
    int len = x.dim(axis);
    if (start < 0 || end > len || start > end) {
      throw new IllegalArgumentException("slice [" + start + ", " + end + ") out of range for axis " + axisIn
          + " of size " + len);
    }
    int[] shape = x.shape();
    int outer = Shapes.prod(shape, 0, axis);
    int inner = Shapes.prod(shape, axis + 1, shape.length);
    shape[axis] = end - start;
    Tensor out = Tensor.empty(x.dtype(), shape);
    Object src = x.dtype() == DType.F32 ? x.f32 : x.f64;
    Object dst = x.dtype() == DType.F32 ? out.f32 : out.f64;
    int block = (end - start) * inner;
    for (int o = 0; o < outer; o++) {
      System.arraycopy(src, (o * len + start) * inner, dst, o * block, block);
    }
    int[] inShape = x.shape();
    return Tensor.result("slice", out, g -> {
      Tensor full = Tensor.empty(g.dtype(), inShape);
      Object gs = g.dtype() == DType.F32 ? g.f32 : g.f64;
      Object fs = g.dtype() == DType.F32 ? full.f32 : full.f64;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(gs, o * block, fs, (o * len + start) * inner, block);
      }
      return grads(full);
    }, x);
  }

  static Tensor concat(int axisIn, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("concat of nothing");
    }
    int rank = parts[0].rank();
    int axis = Shapes.axis(axisIn, rank);
    int[] shape = parts[0].shape();
    int total = 0;
    for (Tensor p : parts) {
      checkDtypes("concat", parts[0], p);
      int[] s = p.shape();
      s[axis] = shape[axis];
      if (!Arrays.equals(s, shape)) {
        throw new IllegalArgumentException("concat along axis " + axisIn + ": shapes "
            + Arrays.toString(parts[0].shape()) + " and " + Arrays.toString(p.shape()) + " differ elsewhere");
      }
      total += p.dim(axis);
    }
    int outer = Shapes.prod(shape, 0, axis);
    int inner = Shapes.prod(shape, axis + 1, rank);
    shape[axis] = total;
    Tensor out = Tensor.empty(parts[0].dtype(), shape);
    Object dst = out.dtype() == DType.F32 ? out.f32 : out.f64;
    int[] starts = new int[parts.length + 1];
    for (int i = 0; i < parts.length; i++) {
      starts[i + 1] = starts[i] + parts[i].dim(axis);
    }
    for (int i = 0; i < parts.length; i++) {
      Object src = out.dtype() == DType.F32 ? parts[i].f32 : parts[i].f64;
      int block = parts[i].dim(axis) * inner;
      for (int o = 0; o < outer; o++) {
        System.arraycopy(src, o * block, dst, (o * total + starts[i]) * inner, block);
      }
    }
    return Tensor.result("concat", out, g -> {
      Tensor[] gs = new Tensor[parts.length];
      for (int i = 0; i < parts.length; i++) {
        gs[i] = parts[i].requiresGrad() ? g.slice(axis, starts[i], starts[i + 1]) : null;
      }
      return gs;
    }, parts);
  }

  static Tensor stack(int axis, Tensor... parts) {
    if (parts.length == 0) {
      throw new IllegalArgumentException("stack of nothing");
    }
    int ax = Shapes.axis(axis, parts[0].rank() + 1);
    Tensor[] expanded = new Tensor[parts.length];
    for (int i = 0; i < parts.length; i++) {
      expanded[i] = parts[i].unsqueeze(ax);
    }
    return concat(ax, expanded);
  }

  // ================================================================ indexing

  /** {@code out[i] = x.flat[index[i]]}; adjoint of {@link #putAdd}. */
  static Tensor take(Tensor x, int[] index, int[] outShape) {
    Tensor out = Tensor.empty(x.dtype(), outShape);
    if (x.dtype() == DType.F32) {
      for (int i = 0; i < index.length; i++) {
        out.f32[i] = x.f32[index[i]];
      }
    } else {
      for (int i = 0; i < index.length; i++) {
        out.f64[i] = x.f64[index[i]];
      }
    }
    int[] inShape = x.shape();
    return Tensor.result("take", out, g -> grads(putAdd(g, index, inShape)), x);
  }

  /** A zero tensor of {@code outShape} with {@code src[i]} added at flat {@code index[i]}; adjoint of take. */
  static Tensor putAdd(Tensor src, int[] index, int[] outShape) {
    Tensor out = Tensor.empty(src.dtype(), outShape);
    if (src.dtype() == DType.F32) {
      for (int i = 0; i < index.length; i++) {
        out.f32[index[i]] += src.f32[i];
      }
    } else {
      for (int i = 0; i < index.length; i++) {
        out.f64[index[i]] += src.f64[i];
      }
    }
    int[] srcShape = src.shape();
    return Tensor.result("putAdd", out, g -> grads(take(g, index, srcShape)), src);
  }

  static Tensor indexSelect(Tensor x, int axisIn, int[] indices) {
    int axis = Shapes.axis(axisIn, x.rank());
    int[] shape = x.shape();
    int len = shape[axis];
    int outer = Shapes.prod(shape, 0, axis);
    int inner = Shapes.prod(shape, axis + 1, shape.length);
    for (int v : indices) {
      if (v < 0 || v >= len) {
        throw new IndexOutOfBoundsException("indexSelect: index " + v + " outside axis of size " + len);
      }
    }
    shape[axis] = indices.length;
    int[] flat = new int[outer * indices.length * inner];
    int p = 0;
    for (int o = 0; o < outer; o++) {
      for (int v : indices) {
        for (int i = 0; i < inner; i++) {
          flat[p++] = (o * len + v) * inner + i;
        }
      }
    }
    return take(x, flat, shape);
  }

  /** Flat positions in a tensor of {@code shape} addressed by torch-style gather/scatter indices. */
  private static int[] gatherPositions(int[] shape, int axis, Indices index) {
    int[] is = index.shape();
    if (is.length != shape.length) {
      throw new IllegalArgumentException("gather: index rank " + is.length + " != tensor rank " + shape.length);
    }
    for (int d = 0; d < is.length; d++) {
      if (d != axis && is[d] > shape[d]) {
        throw new IllegalArgumentException("gather: index shape " + Arrays.toString(is)
            + " exceeds tensor shape " + Arrays.toString(shape) + " on axis " + d);
      }
    }
    int[] strides = Shapes.strides(shape);
    int[] pos = new int[index.data().length];
    int[] idx = new int[is.length];
    for (int i = 0; i < pos.length; i++) {
      int v = index.data()[i];
      if (v < 0 || v >= shape[axis]) {
        throw new IndexOutOfBoundsException("gather: index " + v + " outside axis of size " + shape[axis]);
      }
      int flat = 0;
      for (int d = 0; d < is.length; d++) {
        flat += (d == axis ? v : idx[d]) * strides[d];
      }
      pos[i] = flat;
      for (int d = is.length - 1; d >= 0; d--) {
        if (++idx[d] < is[d]) {
          break;
        }
        idx[d] = 0;
      }
    }
    return pos;
  }

  static Tensor gather(Tensor x, int axisIn, Indices index) {
    int axis = Shapes.axis(axisIn, x.rank());
    return take(x, gatherPositions(x.shape(), axis, index), index.shape());
  }

  static Tensor scatterAdd(Tensor x, int axisIn, Indices index, Tensor src) {
    int axis = Shapes.axis(axisIn, x.rank());
    if (!Arrays.equals(index.shape(), src.shape())) {
      throw new IllegalArgumentException("scatterAdd: index shape " + Arrays.toString(index.shape())
          + " != source shape " + Arrays.toString(src.shape()));
    }
    return x.add(putAdd(src, gatherPositions(x.shape(), axis, index), x.shape()));
  }

  static Indices searchSorted(Tensor sorted, Tensor values, boolean right) {
    int k = sorted.dim(-1);
    int m = values.dim(-1);
    int rows = sorted.size() / Math.max(k, 1);
    if (values.size() / Math.max(m, 1) != rows || sorted.rank() != values.rank()) {
      throw new IllegalArgumentException("searchSorted: leading shapes differ: " + Arrays.toString(sorted.shape())
          + " vs " + Arrays.toString(values.shape()));
    }
    int[] out = new int[values.size()];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < m; j++) {
        double v = values.getFlat(r * m + j);
        int lo = 0;
        int hi = k;
        while (lo < hi) {
          int mid = (lo + hi) >>> 1;
          double s = sorted.getFlat(r * k + mid);
          if (right ? s <= v : s < v) {
            lo = mid + 1;
          } else {
            hi = mid;
          }
        }
        out[r * m + j] = lo;
      }
    }
    return new Indices(out, values.shape());
  }
}
