package org.backmap.flows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.bijectors.Bijector;
import org.backmap.flows.bijectors.Chain;
import org.backmap.flows.bijectors.MaskedAutoregressiveSpline;
import org.backmap.flows.bijectors.Permutation;
import org.backmap.flows.distributions.FactorizedJoint;
import org.backmap.nn.Activation;
import org.backmap.nn.Mlp;
import org.backmap.nn.MlpConfig;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.Checkpoint;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.CheckpointReader;
import org.backmap.nn.checkpoint.ModelCheckpoints;

/**
 * A conditional density {@code p(x | c)} over D coordinates, some of them angles:
 * {@code log p(x|c) = log q(f(x; c) | c) + log |det df/dx|}, where {@code f} is a chain of masked autoregressive
 * rational-quadratic spline blocks and {@code q(.|c)} a factorised base distribution (normal for linear dimensions,
 * von Mises for angles) whose parameters a dense network computes from the context. Both directions are exact:
 * {@link #logProb} in one pass, {@link #sample} by the sequential inverse.
 *
 * <p>Base parameters: the network outputs {@code 2D} values; the first D are the locations, the last D pass
 * through {@code softplus(.) + 1e-5} to give the normal's standard deviation or the von Mises concentration.
 * Without a context ({@code contextDim = 0}) these 2D values are free parameters.
 */
public final class ConditionalFlow extends Module {

  private static final double MIN_SPREAD = 1e-5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FlowConfig config;
  private final DimensionPartition partition;
  private final int[] flowDims;
  private final int[] passDims;
  private final int[] merge;
  private final Mlp baseNet;
  private final Tensor baseParams;
  private final Bijector transform;

  /** A freshly initialised flow (weights from {@code config.seed()}). */
  public ConditionalFlow(FlowConfig config) {
    this.config = config;
    int d = config.dims();
    this.partition = DimensionPartition.of(config.circular());
    Rng rng = Rng.seeded(config.seed());
    if (config.contextDim() > 0) {
      baseNet = addModule("base", new Mlp(new MlpConfig(config.contextDim(), config.baseHidden(), 2 * d,
          Activation.RELU, Activation.IDENTITY, config.dtype()), rng.fork("base")));
      baseParams = null;
    } else {
      baseNet = null;
      baseParams = addParameter("base", Tensor.zeros(config.dtype(), 2 * d));
    }
    // The blocks act on the circular dimensions only, or on all (then nothing passes through).
    flowDims = config.flowOnCircularOnly() ? partition.circular() : IntStream.range(0, d).toArray();
    passDims = config.flowOnCircularOnly() ? partition.linear() : new int[0];
    merge = partition.merge();
    boolean[] flowCircular = partition.select(flowDims).circularMask();
    List<Bijector> blocks = new ArrayList<>();
    for (int b = 0; flowDims.length > 0 && b < config.blocks(); b++) {
      Permutation order = switch (b % 3) {
        case 0 -> Permutation.identity(flowDims.length);
        case 1 -> Permutation.random(flowDims.length, config.seed() + b / 3);
        default -> Permutation.reverse(flowDims.length);
      };
      MaskedAutoregressiveSpline block = addModule("block" + b,
          new MaskedAutoregressiveSpline(order.apply(flowCircular), config.contextDim(), config.hiddenFeatures(),
              config.hiddenLayers(), config.bins(), config.bound(), config.madeActivation(), rng.fork("block" + b),
              config.dtype()));
      blocks.add(new Chain(List.of(order, block, order.inverse())));
    }
    transform = new Chain(blocks);
  }

  /** The architecture. */
  public FlowConfig config() {
    return config;
  }

  /** The base distribution for a batch of contexts ({@code [batch, C]}; for C = 0, pass the batch size). */
  public FactorizedJoint base(Tensor context, int batch) {
    Tensor raw = baseNet != null ? baseNet.forward(context) : baseParams.expand(batch, 2 * config.dims());
    int d = config.dims();
    return new FactorizedJoint(raw.slice(-1, 0, d), raw.slice(-1, d, 2 * d).softplus().add(MIN_SPREAD), partition);
  }

  /**
   * {@code log p(x | c)} per row: {@code x[batch, D]} (angles in {@code (-pi, pi]}), {@code context[batch, C]}
   * (null when C = 0). Differentiable in the parameters.
   */
  public Tensor logProb(Tensor x, Tensor context) {
    checkInputs(x, context);
    Bijector.Result r = forwardTransform(x, context);
    return base(context, x.dim(0)).logProb(r.value()).add(r.logDet());
  }

  /**
   * The map {@code z = f(x; c)} from data to the base space on all D dimensions (dimensions outside the spline
   * blocks pass through unchanged) with {@code log |det df/dx|} per row.
   */
  public Bijector.Result forwardTransform(Tensor x, Tensor context) {
    Bijector.Result r = transform.forwardAndLogDet(x.indexSelect(-1, flowDims), context);
    return new Bijector.Result(merged(r.value(), x), r.logDet());
  }

  /** The inverse map {@code x = f^-1(z; c)} with {@code log |det dx/dz|} per row; records no gradients. */
  public Bijector.Result inverseTransform(Tensor z, Tensor context) {
    Bijector.Result r = transform.inverseAndLogDet(z.indexSelect(-1, flowDims), context);
    return new Bijector.Result(merged(r.value(), z), r.logDet());
  }

  /**
   * Reassembles D columns from the transformed ones and the pass-through columns of {@code untouched}; with
   * pass-through columns, these are the linear ones and the transformed ones the circular ones.
   */
  private Tensor merged(Tensor transformed, Tensor untouched) {
    return passDims.length == 0 ? transformed
        : Tensor.concat(-1, untouched.indexSelect(-1, passDims), transformed).indexSelect(-1, merge);
  }

  /**
   * One sample per context row ({@code context[batch, C]}; for C = 0 pass null and {@code batch}). Returns the
   * samples and their exact log-density under this flow.
   */
  public Sample sample(Tensor context, int batch, Rng rng) {
    try (var _ = GradMode.noGrad()) {
      int n = context != null ? context.dim(0) : batch;
      FactorizedJoint q = base(context, n);
      Tensor z = q.sample(rng.generator());
      Bijector.Result r = inverseTransform(z, context);
      // p(x) = q(z) |det dz/dx| = q(z) / |det dx/dz|, and the inverse pass returns log |det dx/dz|
      return new Sample(r.value(), q.logProb(z).sub(r.logDet()));
    }
  }

  /** Samples with their log-densities ({@code [batch, D]} and {@code [batch]}). */
  public record Sample(Tensor values, Tensor logProb) {}

  private void checkInputs(Tensor x, Tensor context) {
    if (x.rank() != 2 || x.dim(1) != config.dims()) {
      throw new IllegalArgumentException("flow expects x of shape [batch, " + config.dims() + "], got "
          + java.util.Arrays.toString(x.shape()));
    }
    if (config.contextDim() > 0 && (context == null || context.rank() != 2 || context.dim(0) != x.dim(0)
        || context.dim(1) != config.contextDim())) {
      throw new IllegalArgumentException("flow expects a context of shape [" + x.dim(0) + ", "
          + config.contextDim() + "], got " + (context == null ? "none" : java.util.Arrays.toString(context.shape())));
    }
  }

  /** Saves weights and config atomically (see {@link ModelCheckpoints}). */
  public void save(Path manifest) throws IOException {
    ModelCheckpoints.save(manifest, JSON.valueToTree(config), this);
  }

  /** Rebuilds a flow from a checkpoint alone: config first, then weights. */
  public static ConditionalFlow load(Path manifest) throws CheckpointException {
    Checkpoint stored = CheckpointReader.read(manifest);
    FlowConfig config;
    try {
      config = JSON.treeToValue(stored.config(), FlowConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(manifest + ": config is not a flow configuration: " + e.getMessage());
    }
    ConditionalFlow flow = new ConditionalFlow(config);
    ModelCheckpoints.restore(stored, flow);
    return flow;
  }
}
