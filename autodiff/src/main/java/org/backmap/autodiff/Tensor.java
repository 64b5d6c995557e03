package org.backmap.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A dense, contiguous, row-major array of float32 or float64 values that records how it was computed, so that
 * {@link #backward()} can return gradients (reverse-mode automatic differentiation).
 *
 * <p>Layout: a shape only; strides are always the row-major ones ({@link Shapes#strides}). Ops never alias their
 * inputs except {@link #reshape}, which shares the data array. Values are immutable through the op API;
 * {@link #floatData()}/{@link #doubleData()} expose the live array for optimisers and I/O, and writing into it
 * bypasses the tape.
 *
 * <p>Autodiff: a tensor created with {@link #requiresGrad(boolean) requiresGrad(true)} is a leaf whose
 * {@link #grad()} accumulates over {@link #backward()} calls until {@link #zeroGrad()}. Ops on tensors that
 * require gradients record a node with their inputs and a backward rule (see {@link Ops}); nothing is recorded
 * inside {@link GradMode#noGrad()} scopes. Binary ops broadcast like NumPy and require equal dtypes.
 */
public final class Tensor {

  /** Backward rule of a recorded op: gradients of the inputs (null where none) from the output gradient. */
  @FunctionalInterface
  interface Backward {
    Tensor[] apply(Tensor gradOutput);
  }

  private record Node(String op, Tensor[] inputs, Backward backward) {}

  private final int[] shape;
  private final DType dtype;
  final float[] f32;
  final double[] f64;
  private boolean requiresGrad;
  private Tensor grad;
  private Node node;

  Tensor(DType dtype, int[] shape, float[] f32, double[] f64) {
    this.dtype = dtype;
    this.shape = shape;
    this.f32 = f32;
    this.f64 = f64;
    int n = dtype == DType.F32 ? f32.length : f64.length;
    if (n != Shapes.size(shape)) {
      throw new IllegalArgumentException("data of length " + n + " does not fit shape " + Arrays.toString(shape));
    }
  }

  // ---------------------------------------------------------------- construction

  /** A float32 tensor holding a copy of {@code data}. */
  public static Tensor of(float[] data, int... shape) {
    return new Tensor(DType.F32, shape.clone(), data.clone(), null);
  }

  /** A float64 tensor holding a copy of {@code data}. */
  public static Tensor of(double[] data, int... shape) {
    return new Tensor(DType.F64, shape.clone(), null, data.clone());
  }

  /** A float32 tensor wrapping {@code data} without copying. */
  public static Tensor wrap(float[] data, int... shape) {
    return new Tensor(DType.F32, shape.clone(), data, null);
  }

  /** A float64 tensor wrapping {@code data} without copying. */
  public static Tensor wrap(double[] data, int... shape) {
    return new Tensor(DType.F64, shape.clone(), null, data);
  }

  /** A new uninitialised (zero) tensor. */
  static Tensor empty(DType dtype, int[] shape) {
    int n = Shapes.size(shape);
    return dtype == DType.F32
        ? new Tensor(dtype, shape, new float[n], null)
        : new Tensor(dtype, shape, null, new double[n]);
  }

  /** A tensor of zeros. */
  public static Tensor zeros(DType dtype, int... shape) {
    return empty(dtype, shape.clone());
  }

  /** A tensor filled with {@code value}. */
  public static Tensor full(DType dtype, double value, int... shape) {
    Tensor t = empty(dtype, shape.clone());
    if (dtype == DType.F32) {
      Arrays.fill(t.f32, (float) value);
    } else {
      Arrays.fill(t.f64, value);
    }
    return t;
  }

  /** A tensor of ones. */
  public static Tensor ones(DType dtype, int... shape) {
    return full(dtype, 1.0, shape);
  }

  /** A rank-0 tensor. */
  public static Tensor scalar(double value, DType dtype) {
    return full(dtype, value);
  }

  /** A rank-0 float32 tensor. */
  public static Tensor scalar(double value) {
    return scalar(value, DType.F32);
  }

  /** {@code 0, 1, ..., n-1} as a rank-1 tensor. */
  public static Tensor arange(DType dtype, int n) {
    Tensor t = empty(dtype, new int[] {n});
    for (int i = 0; i < n; i++) {
      t.setFlat(i, i);
    }
    return t;
  }

  /** Independent standard normal values drawn from {@code rng}. */
  public static Tensor randn(RandomGenerator rng, DType dtype, int... shape) {
    Tensor t = empty(dtype, shape.clone());
    for (int i = 0; i < t.size(); i++) {
      t.setFlat(i, rng.nextGaussian());
    }
    return t;
  }

  /** Independent values uniform on {@code [low, high)} drawn from {@code rng}. */
  public static Tensor uniform(RandomGenerator rng, DType dtype, double low, double high, int... shape) {
    Tensor t = empty(dtype, shape.clone());
    for (int i = 0; i < t.size(); i++) {
      t.setFlat(i, low + (high - low) * rng.nextDouble());
    }
    return t;
  }

  /** A tensor of zeros with this tensor's dtype and shape. */
  public Tensor zerosLike() {
    return empty(dtype, shape.clone());
  }

  /** A tensor filled with {@code value} with this tensor's dtype and shape. */
  public Tensor fullLike(double value) {
    return full(dtype, value, shape);
  }

  // ---------------------------------------------------------------- metadata and values

  /** The shape (a copy). */
  public int[] shape() {
    return shape.clone();
  }

  /** Size of one axis; negative axes count from the end. */
  public int dim(int axis) {
    return shape[Shapes.axis(axis, shape.length)];
  }

  /** Number of axes. */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return dtype == DType.F32 ? f32.length : f64.length;
  }

  /** Element type. */
  public DType dtype() {
    return dtype;
  }

  /** The live float32 data array (row-major); writing into it bypasses the tape. */
  public float[] floatData() {
    if (f32 == null) {
      throw new IllegalStateException("tensor is " + dtype + ", not F32");
    }
    return f32;
  }

  /** The live float64 data array (row-major); writing into it bypasses the tape. */
  public double[] doubleData() {
    if (f64 == null) {
      throw new IllegalStateException("tensor is " + dtype + ", not F64");
    }
    return f64;
  }

  /** Element at a flat (row-major) position, as a double. */
  public double getFlat(int i) {
    return dtype == DType.F32 ? f32[i] : f64[i];
  }

  /** Writes an element at a flat position (bypasses the tape; for construction and optimisers). */
  public void setFlat(int i, double value) {
    if (dtype == DType.F32) {
      f32[i] = (float) value;
    } else {
      f64[i] = value;
    }
  }

  /** Element at a multi-index. */
  public double get(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException("index of rank " + index.length + " for tensor of rank " + shape.length);
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside " + Arrays.toString(shape));
      }
      flat = flat * shape[i] + index[i];
    }
    return getFlat(flat);
  }

  /** The single value of a one-element tensor. */
  public double item() {
    if (size() != 1) {
      throw new IllegalStateException("item() needs one element, tensor has shape " + Arrays.toString(shape));
    }
    return getFlat(0);
  }

  /** A copy of the values as doubles. */
  public double[] toDoubleArray() {
    if (f64 != null) {
      return f64.clone();
    }
    double[] out = new double[f32.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f32[i];
    }
    return out;
  }

  /** A copy of the values as floats. */
  public float[] toFloatArray() {
    if (f32 != null) {
      return f32.clone();
    }
    float[] out = new float[f64.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) f64[i];
    }
    return out;
  }

  /** A deep copy with no history. */
  public Tensor copy() {
    return new Tensor(dtype, shape.clone(), f32 == null ? null : f32.clone(), f64 == null ? null : f64.clone());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(Arrays.toString(shape));
    if (size() <= 16) {
      sb.append(' ').append(Arrays.toString(toDoubleArray()));
    }
    if (node != null) {
      sb.append(", op=").append(node.op());
    }
    return sb.append(')').toString();
  }

  // ---------------------------------------------------------------- autodiff

  /** Marks this tensor as a leaf whose gradient is accumulated by {@link #backward()}; returns this. */
  public Tensor requiresGrad(boolean requires) {
    if (node != null && !requires) {
      throw new IllegalStateException("a computed tensor cannot stop requiring grad; use detach()");
    }
    this.requiresGrad = requires;
    return this;
  }

  /** Whether gradients flow into this tensor. */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /**
   * The accumulated gradient of a leaf, or null before any backward pass. Each leaf owns its gradient's data:
   * writing into it changes no other tensor.
   */
  public Tensor grad() {
    return grad;
  }

  /** Clears the accumulated gradient. */
  public void zeroGrad() {
    grad = null;
  }

  /** The same values, cut from the tape (shares data). */
  public Tensor detach() {
    return new Tensor(dtype, shape, f32, f64);
  }

  /**
   * Builds the result of an op: records the node when gradients are enabled and some input requires them.
   * Package-private: every op goes through here.
   */
  static Tensor result(String op, Tensor out, Backward backward, Tensor... inputs) {
    if (!GradMode.isEnabled()) {
      return out;
    }
    for (Tensor in : inputs) {
      if (in != null && in.requiresGrad) {
        out.requiresGrad = true;
        out.node = new Node(op, inputs, backward);
        return out;
      }
    }
    return out;
  }

  /** Backpropagates from a one-element tensor (seed gradient 1). */
  public void backward() {
    if (size() != 1) {
      throw new IllegalStateException(
          "backward() without a seed needs a one-element tensor, got shape " + Arrays.toString(shape));
    }
    backward(fullLike(1.0));
  }

  /**
   * Backpropagates {@code seed} (the gradient of some scalar with respect to this tensor) through the tape,
   * adding into {@link #grad()} of every leaf that requires gradients.
   */
  public void backward(Tensor seed) {
    if (!Arrays.equals(seed.shape, shape) || seed.dtype != dtype) {
      throw new IllegalArgumentException("seed " + seed + " does not match " + this);
    }
    if (!requiresGrad) {
      throw new IllegalStateException("tensor does not require grad: nothing to backpropagate");
    }
    List<Tensor> order = topologicalOrder();
    Map<Tensor, Tensor> grads = new IdentityHashMap<>();
    grads.put(this, seed);
    try (var _ = GradMode.noGrad()) {
      for (int i = order.size() - 1; i >= 0; i--) {
        Tensor t = order.get(i);
        Tensor g = grads.remove(t);
        if (g == null) {
          continue;
        }
        if (t.node == null) {
          // Backward rules may hand the same array to several inputs (add, reshape, ...) or return the seed
          // itself: a leaf's first gradient is a copy so that no two leaves, nor the caller, share a buffer.
          t.grad = t.grad == null ? g.copy() : t.grad.add(g);
          continue;
        }
        Tensor[] inputGrads = t.node.backward().apply(g);
        Tensor[] inputs = t.node.inputs();
        for (int k = 0; k < inputs.length; k++) {
          Tensor in = inputs[k];
          if (in == null || !in.requiresGrad || inputGrads[k] == null) {
            continue;
          }
          Tensor gk = inputGrads[k];
          if (!Arrays.equals(gk.shape, in.shape)) {
            throw new IllegalStateException("backward of " + t.node.op() + " produced gradient shape "
                + Arrays.toString(gk.shape) + " for input of shape " + Arrays.toString(in.shape));
          }
          grads.merge(in, gk, Tensor::add);
        }
      }
    }
  }

  private List<Tensor> topologicalOrder() {
    List<Tensor> order = new ArrayList<>();
    Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {this, 0});
    visited.add(this);
    while (!stack.isEmpty()) {
      Object[] frame = stack.peek();
      Tensor t = (Tensor) frame[0];
      int next = (Integer) frame[1];
      Tensor[] inputs = t.node == null ? new Tensor[0] : t.node.inputs();
      if (next < inputs.length) {
        frame[1] = next + 1;
        Tensor in = inputs[next];
        if (in != null && in.requiresGrad && visited.add(in)) {
          stack.push(new Object[] {in, 0});
        }
      } else {
        stack.pop();
        order.add(t);
      }
    }
    return order;
  }

  // ---------------------------------------------------------------- elementwise (see Ops for definitions)

  public Tensor add(Tensor other) { return Ops.add(this, other); }
  public Tensor sub(Tensor other) { return Ops.sub(this, other); }
  public Tensor mul(Tensor other) { return Ops.mul(this, other); }
  public Tensor div(Tensor other) { return Ops.div(this, other); }
  public Tensor pow(Tensor exponent) { return Ops.pow(this, exponent); }
  public Tensor add(double c) { return Ops.addScalar(this, c); }
  public Tensor sub(double c) { return Ops.addScalar(this, -c); }
  public Tensor mul(double c) { return Ops.mulScalar(this, c); }
  public Tensor div(double c) { return Ops.mulScalar(this, 1.0 / c); }
  public Tensor pow(double exponent) { return Ops.powScalar(this, exponent); }
  /** {@code c - this}. */
  public Tensor rsub(double c) { return Ops.addScalar(Ops.neg(this), c); }
  /** {@code c / this}. */
  public Tensor rdiv(double c) { return Ops.mulScalar(Ops.reciprocal(this), c); }
  public Tensor neg() { return Ops.neg(this); }
  public Tensor exp() { return Ops.exp(this); }
  public Tensor log() { return Ops.log(this); }
  public Tensor log1p() { return Ops.log1p(this); }
  public Tensor expm1() { return Ops.expm1(this); }
  public Tensor sqrt() { return Ops.sqrt(this); }
  public Tensor square() { return Ops.mul(this, this); }
  public Tensor abs() { return Ops.abs(this); }
  public Tensor sin() { return Ops.sin(this); }
  public Tensor cos() { return Ops.cos(this); }
  public Tensor tanh() { return Ops.tanh(this); }
  public Tensor sigmoid() { return Ops.sigmoid(this); }
  public Tensor softplus() { return Ops.softplus(this); }
  public Tensor relu() { return Ops.relu(this); }
  public Tensor gelu() { return Ops.gelu(this); }
  public Tensor sign() { return Ops.sign(this); }
  /** Elementwise {@code atan2(this, x)}: the angle of the point {@code (x, this)}. */
  public Tensor atan2(Tensor x) { return Ops.atan2(this, x); }
  /**
   * Elementwise {@code f(x)} for a function with a known derivative (gradient {@code g * derivative(x)}); the
   * extension point for special functions.
   */
  public Tensor map(String name, java.util.function.DoubleUnaryOperator f, java.util.function.DoubleUnaryOperator derivative) {
    return Ops.map(name, this, f, derivative);
  }
  public Tensor maximum(Tensor other) { return Ops.maximum(this, other); }
  public Tensor minimum(Tensor other) { return Ops.minimum(this, other); }
  public Tensor clamp(double min, double max) { return Ops.clamp(this, min, max); }
  public Tensor to(DType target) { return Ops.cast(this, target); }

  // comparisons: 0/1 masks of this dtype, no gradient
  public Tensor gt(Tensor other) { return Ops.compare(this, other, Ops.Comparison.GT); }
  public Tensor ge(Tensor other) { return Ops.compare(this, other, Ops.Comparison.GE); }
  public Tensor lt(Tensor other) { return Ops.compare(this, other, Ops.Comparison.LT); }
  public Tensor le(Tensor other) { return Ops.compare(this, other, Ops.Comparison.LE); }
  public Tensor eq(Tensor other) { return Ops.compare(this, other, Ops.Comparison.EQ); }
  public Tensor gt(double c) { return gt(scalar(c, dtype)); }
  public Tensor ge(double c) { return ge(scalar(c, dtype)); }
  public Tensor lt(double c) { return lt(scalar(c, dtype)); }
  public Tensor le(double c) { return le(scalar(c, dtype)); }

  /** Elementwise {@code mask != 0 ? a : b}, broadcasting all three. */
  public static Tensor where(Tensor mask, Tensor a, Tensor b) { return Ops.where(mask, a, b); }

  // ---------------------------------------------------------------- reductions

  /** Sum of all elements (rank 0). */
  public Tensor sum() { return Ops.sum(this, allAxes(), false); }
  public Tensor sum(int axis) { return Ops.sum(this, new int[] {axis}, false); }
  public Tensor sum(int[] axes, boolean keepDims) { return Ops.sum(this, axes, keepDims); }
  public Tensor mean() { return Ops.mean(this, allAxes(), false); }
  public Tensor mean(int axis) { return Ops.mean(this, new int[] {axis}, false); }
  public Tensor mean(int[] axes, boolean keepDims) { return Ops.mean(this, axes, keepDims); }
  public Tensor max(int axis, boolean keepDims) { return Ops.max(this, axis, keepDims); }
  public Tensor max() { return Ops.max(reshape(size()), 0, false); }
  public Tensor logSumExp(int axis, boolean keepDims) { return Ops.logSumExp(this, axis, keepDims); }
  public Tensor softmax(int axis) { return Ops.softmax(this, axis); }
  public Tensor logSoftmax(int axis) { return Ops.logSoftmax(this, axis); }
  public Tensor cumsum(int axis) { return Ops.cumsum(this, axis); }

  private int[] allAxes() {
    int[] axes = new int[shape.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return axes;
  }

  /** Euclidean norm over the last axis, {@code [..., d] -> [...]}; its gradient at 0 is 0 (see {@link Ops}). */
  public Tensor norm() { return Ops.norm(this); }
  /**
   * Layer normalisation over the last axis, {@code gamma (x - mean) / sqrt(var + eps) + beta} with each row's
   * biased variance; {@code gamma} and {@code beta} are {@code [d]}.
   */
  public Tensor layerNorm(Tensor gamma, Tensor beta, double eps) { return Ops.layerNorm(this, gamma, beta, eps); }

  // ---------------------------------------------------------------- linear algebra and shapes

  /** Batched matrix product {@code [..., m, k] @ [..., k, n]} with broadcast batch axes. */
  public Tensor matmul(Tensor other) { return Ops.matmul(this, other); }
  /** Same data, new shape (one dimension may be -1). Shares the data array. */
  public Tensor reshape(int... newShape) { return Ops.reshape(this, newShape); }
  public Tensor permute(int... axes) { return Ops.permute(this, axes); }
  public Tensor transpose(int a, int b) { return Ops.transpose(this, a, b); }
  /** Inserts an axis of size 1. */
  public Tensor unsqueeze(int axis) { return Ops.unsqueeze(this, axis); }
  /** Removes an axis of size 1. */
  public Tensor squeeze(int axis) { return Ops.squeeze(this, axis); }
  /** Broadcasts to a larger shape (copying). */
  public Tensor expand(int... newShape) { return Ops.expand(this, newShape); }
  /** Elements {@code [start, end)} along {@code axis}. */
  public Tensor slice(int axis, int start, int end) { return Ops.slice(this, axis, start, end); }
  public static Tensor concat(int axis, Tensor... parts) { return Ops.concat(axis, parts); }
  public static Tensor stack(int axis, Tensor... parts) { return Ops.stack(axis, parts); }

  // ---------------------------------------------------------------- indexing

  /** Whole slices along {@code axis} at the given positions (like {@code numpy.take}). */
  public Tensor indexSelect(int axis, int... indices) { return Ops.indexSelect(this, axis, indices); }
  /** {@code out[..i..] = this[..index[..i..]..]} along {@code axis} (like {@code torch.gather}). */
  public Tensor gather(int axis, Indices index) { return Ops.gather(this, axis, index); }
  /** A copy of this with {@code src} added at {@code index} along {@code axis} (like {@code torch.scatter_add}). */
  public Tensor scatterAdd(int axis, Indices index, Tensor src) { return Ops.scatterAdd(this, axis, index, src); }
  /**
   * For sorted rows {@code this[..., K]} and values {@code [..., M]}: per value, the first position {@code i} with
   * {@code this[i] >= v} ({@code right}: {@code > v}). No gradient.
   */
  public Indices searchSorted(Tensor values, boolean right) { return Ops.searchSorted(this, values, right); }
}
