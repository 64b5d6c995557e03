package org.backmap.backmapping.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.ConditionalFlow;
import org.backmap.flows.DimensionPartition;
import org.backmap.flows.bijectors.Bijector;
import org.backmap.flows.distributions.FactorizedJoint;
import org.backmap.gaattention.VectorAttentionEncoder;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.Checkpoint;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.CheckpointReader;
import org.backmap.nn.checkpoint.ModelCheckpoints;

/**
 * The learned density of one residue type: {@code log p(bat | environment)}, exact, over the BAT vector of
 * {@link BatLayout} (bonds in Angstrom, angles and torsions in radians).
 *
 * <p>Conditional types: the environment (its nearest {@link ModelConfig#particles()} particles) is described by a
 * {@link VectorAttentionEncoder} as one E-vector {@code c}; a {@link ConditionalFlow} takes {@code c} as its
 * context: {@code Dense(100, relu)} then the base parameters (normal location and softplus scale for bonds and
 * angles, von Mises location and softplus concentration for torsions), and masked autoregressive spline blocks
 * whose MADEs also read {@code c}. With {@link ModelConfig#beadFrame()} (the default preset) {@code c} also holds
 * the bead's coordinates in the frame of the group's roots, which is where the side chain is. Unconditional types (GLY, Nterm, NPRO) have no environment and a fixed base,
 * N(0, 0.5) for bonds and angles and von Mises(0, 1) for torsions, under the same spline blocks.
 */
public final class ResidueModel extends Module {

  /** Name of a model's manifest inside its type's folder. */
  public static final String MANIFEST = "model.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelConfig config;
  private final VectorAttentionEncoder encoder;
  private final ConditionalFlow flow;
  private final DimensionPartition partition;

  /** A freshly initialised model. */
  public ResidueModel(ModelConfig config) {
    this.config = config;
    this.encoder = config.conditional()
        ? addModule("encoder", new VectorAttentionEncoder(config.encoderConfig(), Rng.seeded(config.seed()).fork("encoder")))
        : null;
    this.flow = addModule("flow", new ConditionalFlow(config.flowConfig()));
    this.partition = DimensionPartition.of(config.torsions());
  }

  /** The architecture. */
  public ModelConfig config() {
    return config;
  }

  /** The environments of {@code batch} in the form this model reads (none for unconditional models). */
  public Environments environments(ExampleBatch batch) {
    return config.conditional()
        ? Environments.of(batch, config.particles(), config.beadFrame())
        : Environments.none(batch.size());
  }

  /** {@code log p(bat | environment)} of every example of {@code batch}, {@code [B]}; differentiable. */
  public Tensor logProb(ExampleBatch batch) {
    if (batch.batDim() != config.dims()) {
      throw new IllegalArgumentException("a " + config.type() + " model reads BAT vectors of " + config.dims()
          + " values, the batch (" + batch.template() + ") has " + batch.batDim());
    }
    return logProb(Environments.bat(batch), environments(batch));
  }

  /** {@code log p(x | environment)} per row of {@code x [B, D]} (float32, torsions in {@code (-pi, pi]}). */
  public Tensor logProb(Tensor x, Environments env) {
    if (x.dim(0) != env.size()) {
      throw new IllegalArgumentException(x.dim(0) + " BAT vectors for " + env.size() + " environments");
    }
    return logProbIn(x, context(env));
  }

  /**
   * What the flow is conditioned on for {@code env}: the encoder's description {@code [B, E]} for a conditional
   * model, followed by the bead's frame coordinates {@code [B, 3]} with {@link ModelConfig#beadFrame()}, {@code null} for an unconditional one. Computing it once serves both {@link #sampleIn} and
   * {@link #logProbIn} (the encoder is the expensive part of a conditional model).
   */
  public Tensor context(Environments env) {
    if (!config.conditional()) {
      return null;
    }
    Tensor description = describe(env);
    if (!config.beadFrame()) {
      return description;
    }
    if (env.frame() == null) {
      throw new IllegalArgumentException("the " + config.type() + " model needs the bead's frame coordinates");
    }
    return Tensor.concat(1, description, env.frame());
  }

  /** {@code log p(x | context)} per row of {@code x [B, D]}, {@code context} from {@link #context}. */
  public Tensor logProbIn(Tensor x, Tensor context) {
    if (config.conditional()) {
      return flow.logProb(x, context);
    }
    Bijector.Result r = flow.forwardTransform(x, null);
    return fixedBase(x.dim(0)).logProb(r.value()).add(r.logDet());
  }

  /**
   * {@code rows} BAT vectors, row i drawn given row i of {@code context} (from {@link #context}; null for an
   * unconditional model), with their log-densities; records no gradients.
   */
  public ConditionalFlow.Sample sampleIn(Tensor context, int rows, Rng rng) {
    try (var _ = GradMode.noGrad()) {
      if (config.conditional()) {
        return flow.sample(context, rows, rng);
      }
      FactorizedJoint q = fixedBase(rows);
      Tensor z = q.sample(rng.generator());
      Bijector.Result r = flow.inverseTransform(z, null);
      return new ConditionalFlow.Sample(r.value(), q.logProb(z).sub(r.logDet()));
    }
  }

  /** The encoder's description of each environment, {@code [B, E]}. */
  public Tensor describe(Environments env) {
    if (encoder == null) {
      throw new IllegalStateException(config.type() + " is unconditional: it has no environment encoder");
    }
    if (!env.present()) {
      throw new IllegalArgumentException("the " + config.type() + " model needs environments");
    }
    return encoder.describe(env.r(), env.classes(), env.mask());
  }

  /**
   * One BAT vector per environment with its exact log-density under this model (the value {@link #logProb} gives
   * for it up to float32 rounding); records no gradients.
   */
  public ConditionalFlow.Sample sample(Environments env, Rng rng) {
    try (var _ = GradMode.noGrad()) {
      return sampleIn(context(env), env.size(), rng);
    }
  }

  private FactorizedJoint fixedBase(int rows) {
    int d = config.dims();
    float[] spread = new float[rows * d];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = (float) (partition.isCircular(i % d) ? ModelConfig.UNCONDITIONAL_KAPPA : ModelConfig.UNCONDITIONAL_SIGMA);
    }
    return new FactorizedJoint(Tensor.zeros(DType.F32, rows, d), Tensor.wrap(spread, rows, d), partition);
  }

  /**
   * {@code n} BAT vectors for environment {@code row} of {@code env}, with their exact log-densities: the
   * environment is described once and the flow draws {@code n} times from that one context, which costs far less
   * than describing {@code n} copies of it. Unconditional models ignore {@code env} and {@code row}.
   */
  public ConditionalFlow.Sample sample(Environments env, int row, int n, Rng rng) {
    if (!config.conditional()) {
      return sample(Environments.none(n), rng);
    }
    if (row < 0 || row >= env.size() || n < 1) {
      throw new IllegalArgumentException("row " + row + " of " + env.size() + " environments, " + n + " samples");
    }
    try (var _ = GradMode.noGrad()) {
      float[] all = context(env).toFloatArray();
      int width = all.length / env.size();
      float[] context = new float[n * width];
      for (int i = 0; i < n; i++) {
        System.arraycopy(all, row * width, context, i * width, width);
      }
      return flow.sample(Tensor.wrap(context, n, width), n, rng);
    }
  }

  /** The manifest of {@code type}'s model under {@code modelsDir}: {@code modelsDir/TYPE/model.json}. */
  public static Path manifest(Path modelsDir, String type) {
    return modelsDir.resolve(type).resolve(MANIFEST);
  }

  /**
   * Saves the weights atomically as {@code manifest}; the checkpoint's config is {@code info} (an object) with
   * this model's {@code config} added, so the model is rebuilt from the file alone.
   */
  public void save(Path manifest, ObjectNode info) throws IOException {
    ObjectNode node = info == null ? JSON.createObjectNode() : info.deepCopy();
    node.set("config", JSON.valueToTree(config));
    Files.createDirectories(manifest.toAbsolutePath().getParent());
    ModelCheckpoints.save(manifest, node, this);
  }

  /**
   * Loads the model of {@code type} from {@code modelsDir} ({@code modelsDir/TYPE/model.json}).
   *
   * @throws CheckpointException when there is no model of that type, or its file is unreadable or does not fit
   */
  public static ResidueModel load(Path modelsDir, String type) throws CheckpointException {
    Path manifest = manifest(modelsDir, type);
    if (!Files.isRegularFile(manifest)) {
      throw new CheckpointException("no model for residue type " + type + " in " + modelsDir + " (" + manifest
          + " does not exist)");
    }
    return load(manifest);
  }

  /** Loads the model whose manifest is {@code manifest}: its config first, then the weights. */
  public static ResidueModel load(Path manifest) throws CheckpointException {
    return of(CheckpointReader.read(manifest));
  }

  /**
   * The model of a checkpoint already read (for callers that also need the facts stored with it, which
   * {@link Checkpoint#config()} holds beside the model's {@code config}).
   *
   * @throws CheckpointException when the checkpoint holds no residue model configuration or does not fit it
   */
  public static ResidueModel of(Checkpoint stored) throws CheckpointException {
    Path manifest = stored.manifest();
    JsonNode node = stored.config().get("config");
    ModelConfig config;
    try {
      config = JSON.treeToValue(node, ModelConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new CheckpointException(manifest + ": config is not a residue model configuration: " + e.getMessage());
    }
    if (config == null) {
      throw new CheckpointException(manifest + ": no residue model configuration");
    }
    ResidueModel model = new ResidueModel(config);
    ModelCheckpoints.restore(stored, model);
    return model;
  }
}
