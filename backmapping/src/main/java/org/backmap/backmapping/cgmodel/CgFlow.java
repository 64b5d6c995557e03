package org.backmap.backmapping.cgmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.ConditionalFlow;
import org.backmap.flows.FlowConfig;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.nn.Activation;
import org.backmap.nn.Module;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.Checkpoint;
import org.backmap.nn.checkpoint.CheckpointException;
import org.backmap.nn.checkpoint.CheckpointReader;
import org.backmap.nn.checkpoint.ModelCheckpoints;
import org.backmap.nn.optim.Adam;
import org.backmap.nn.train.EpochListener;
import org.backmap.nn.train.ProgressMode;
import org.backmap.nn.train.TensorDataset;
import org.backmap.nn.train.Trainer;
import org.backmap.nn.train.TrainerConfig;
import org.backmap.nn.train.TrainingResult;

/**
 * A CG model with an exact density: a masked autoregressive spline flow (no context) over the internal
 * coordinates of a whole CG structure ({@link CgInternalCoordinates}), trained on the CG frames of a trajectory.
 *
 * <p>{@code log P2(R) = log p_flow(z(q(R))) - sum log scale - log J(q)}: q the internal coordinates of R, z their
 * standardised form (bonds and angles shifted by their mean and divided by their standard deviation over the
 * training frames; torsions as they are), J the Jacobian of {@link CgInternalCoordinates#logJacobian}. Bonds or
 * angles that do not vary in the training frames (constrained bonds to hydrogen) are held at their value: the density
 * is then over the remaining coordinates, the manifold the trajectory lives on. The rigid-body degrees of freedom
 * carry no density (a constant that normalised weights do not see).
 */
public final class CgFlow extends Module implements CgModel {
  /** File name of a saved flow's manifest inside its folder. */
  public static final String MANIFEST = "cg-flow.json";
  /** File name of the reference CG structure (topology and residue names) beside it. */
  public static final String REFERENCE = "cg-reference.pdb";
  /** A bond or angle whose standard deviation over the frames is below this is held fixed. */
  public static final double FIXED_SPREAD = 1e-4;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * How a flow is built and trained.
   *
   * @param blocks autoregressive spline blocks
   * @param hidden units of each MADE's hidden layer
   * @param bins spline bins
   * @param epochs training epochs (the best validation epoch is kept)
   * @param batchSize frames per batch
   * @param validationFraction share of frames held out for validation
   * @param seed seed of the initial weights, the split and the shuffles
   * @param patience stop after this many epochs without a better validation loss (0: train every epoch)
   */
  public record Settings(int blocks, int hidden, int bins, int epochs, int batchSize, double validationFraction, long seed, int patience) {
    /** Validates. */
    public Settings {
      if (blocks < 1 || hidden < 1 || bins < 2 || epochs < 1 || batchSize < 1 || !(validationFraction > 0 && validationFraction < 1)
          || patience < 0) {
        throw new IllegalArgumentException("invalid CG flow settings: " + this);
      }
    }

    /** 5 blocks, 128 hidden units, 8 bins, 100 epochs of batches of 256, 10 % validation, seed 1, every epoch trained. */
    public static Settings defaults() {
      return new Settings(5, 128, 8, 100, 256, 0.1, 1, 0);
    }
  }

  private final CgStructure reference;
  private final CgInternalCoordinates ic;
  private final boolean[] torsion;
  private final int[] free;
  private final double[] values;
  private final double[] shift;
  private final double[] scale;
  private final ConditionalFlow flow;

  private CgFlow(CgStructure reference, int[] free, double[] values, double[] shift, double[] scale, FlowConfig config) {
    this.reference = reference;
    this.ic = CgInternalCoordinates.of(reference);
    this.torsion = ic.torsions();
    this.free = free;
    this.values = values;
    this.shift = shift;
    this.scale = scale;
    this.flow = addModule("flow", new ConditionalFlow(config));
  }

  /**
   * Trains a flow on {@code frames} (all of one topology; the first is the reference).
   *
   * @param listener called after each epoch, or null
   */
  public static Fitted fit(List<CgStructure> frames, Settings settings, EpochListener listener) throws IOException {
    if (frames.size() < 2) {
      throw new IllegalArgumentException("a CG flow needs at least 2 frames, got " + frames.size());
    }
    CgStructure reference = frames.get(0);
    CgInternalCoordinates ic = CgInternalCoordinates.of(reference);
    int d = ic.dims();
    int m = frames.size();
    double[][] q = new double[m][d];
    for (int f = 0; f < m; f++) {
      double[] xyz = frames.get(f).particles();
      if (xyz.length != 3 * ic.particles()) {
        throw new IllegalArgumentException(frames.get(f).source() + ": " + xyz.length / 3 + " particles, the first frame has " + ic.particles());
      }
      ic.toInternal(xyz, q[f]);
    }
    boolean[] torsion = ic.torsions();
    List<Integer> freeList = new ArrayList<>();
    double[] values = new double[d];
    List<Double> shifts = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      double mean = 0;
      for (double[] row : q) {
        mean += row[i];
      }
      mean /= m;
      double var = 0;
      for (double[] row : q) {
        var += (row[i] - mean) * (row[i] - mean);
      }
      double sd = Math.sqrt(var / m);
      values[i] = torsion[i] ? 0 : mean;
      if (torsion[i] || sd > FIXED_SPREAD) {
        freeList.add(i);
        shifts.add(torsion[i] ? 0 : mean);
        scales.add(torsion[i] ? 1 : sd);
      }
    }
    int[] free = freeList.stream().mapToInt(Integer::intValue).toArray();
    double[] shift = shifts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] scale = scales.stream().mapToDouble(Double::doubleValue).toArray();
    List<Boolean> circular = new ArrayList<>();
    for (int i : free) {
      circular.add(torsion[i]);
    }
    FlowConfig config = new FlowConfig(circular, 0, settings.hidden(), 1, settings.bins(), settings.blocks(), 5.0, false, List.of(),
        settings.seed(), DType.F32, Activation.TANH);
    CgFlow model = new CgFlow(reference, free, values, shift, scale, config);
    float[] z = new float[m * free.length];
    for (int f = 0; f < m; f++) {
      model.standardise(q[f], z, f * free.length);
    }
    Tensor data = Tensor.wrap(z, m, free.length);
    Trainer<CgFlow> trainer = new Trainer<>(model, new Adam(model.namedParameters()), Rng.seeded(settings.seed()).fork("cg-flow"),
        TrainerConfig.of(settings.epochs()).withBatchSize(settings.batchSize()).withValidationFraction(settings.validationFraction())
            .withPatience(settings.patience()).withProgress(ProgressMode.NONE));
    if (listener != null) {
      trainer.addListener(listener);
    }
    TrainingResult result = trainer.fit(new TensorDataset(data, data), (flowModel, batch) -> flowModel.flow.logProb(batch.inputs(), null).mean().neg());
    return new Fitted(model, result);
  }

  /** A trained flow with its training history. */
  public record Fitted(CgFlow flow, TrainingResult training) {}

  /** The structure whose topology the flow describes. */
  public CgStructure reference() {
    return reference;
  }

  /** The internal coordinates the flow is over. */
  public CgInternalCoordinates coordinates() {
    return ic;
  }

  /** Indices (into {@link CgInternalCoordinates}) of the coordinates the flow models; the rest are held fixed. */
  public int[] freeCoordinates() {
    return free.clone();
  }

  /** {@code log P2(R)} of particle positions {@code xyz} (flat, Angstrom, order of the reference). */
  public double logProb(double[] xyz) {
    return logProb(List.of(xyz))[0];
  }

  /** {@code log P2(R)} of each of {@code structures} (particle positions, flat), evaluated as one batch. */
  public double[] logProb(List<double[]> structures) {
    int m = structures.size();
    double[] q = new double[ic.dims()];
    float[] z = new float[m * free.length];
    double[] out = new double[m];
    double logScale = logScale();
    for (int k = 0; k < m; k++) {
      double[] xyz = structures.get(k);
      if (xyz.length != 3 * ic.particles()) {
        throw new IllegalArgumentException(xyz.length / 3 + " particles, the CG flow's structure has " + ic.particles());
      }
      ic.toInternal(xyz, q);
      standardise(q, z, k * free.length);
      out[k] = -logScale - ic.logJacobian(q);
    }
    double[] lp;
    try (var _ = GradMode.noGrad()) {
      lp = flow.logProb(Tensor.wrap(z, m, free.length), null).toDoubleArray();
    }
    for (int k = 0; k < m; k++) {
      out[k] += lp[k];
    }
    return out;
  }

  /** {@code log P2(R)} of a CG structure of the reference's topology. */
  public double logProb(CgStructure cg) {
    return logProb(cg.particles());
  }

  /** One sample: particle positions and their {@code log P2(R)}. */
  public record Sample(double[] xyz, double logProb) {}

  /** {@code n} structures drawn from the flow, each with its {@code log P2(R)} (recomputed from the drawn positions). */
  public List<Sample> sample(int n, Rng rng) {
    ConditionalFlow.Sample s;
    try (var _ = GradMode.noGrad()) {
      s = flow.sample(null, n, rng);
    }
    float[] z = s.values().toFloatArray();
    List<double[]> xyzs = new ArrayList<>(n);
    double[] q = new double[ic.dims()];
    for (int k = 0; k < n; k++) {
      System.arraycopy(values, 0, q, 0, q.length);
      for (int j = 0; j < free.length; j++) {
        q[free[j]] = shift[j] + scale[j] * z[k * free.length + j];
      }
      double[] xyz = new double[3 * ic.particles()];
      ic.toCartesian(q, xyz);
      xyzs.add(xyz);
    }
    double[] lp = logProb(xyzs);
    List<Sample> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(new Sample(xyzs.get(k), lp[k]));
    }
    return out;
  }

  @Override
  public List<Draw> draw(int n, java.util.SplittableRandom random) {
    List<Draw> out = new ArrayList<>(n);
    for (Sample d : sample(n, Rng.seeded(random.nextLong()))) {
      out.add(new Draw(reference.withParticles("cg-flow sample", d.xyz()), d.logProb(), -1, -1));
    }
    return out;
  }

  @Override
  public CgStructure topology() {
    return reference;
  }

  @Override
  public String describe() {
    return "cg-flow, " + free.length + " of " + ic.dims() + " internal coordinates";
  }

  /** Writes the flow into {@code dir}: {@value #MANIFEST} with its weights, and {@value #REFERENCE}. */
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    reference.writePdb(dir.resolve(REFERENCE));
    ObjectNode node = JSON.createObjectNode();
    node.put("format", "backmap-cg-flow");
    node.put("version", 1);
    node.set("flow", JSON.valueToTree(flow.config()));
    node.set("free", JSON.valueToTree(free));
    node.set("values", JSON.valueToTree(values));
    node.set("shift", JSON.valueToTree(shift));
    node.set("scale", JSON.valueToTree(scale));
    ModelCheckpoints.save(dir.resolve(MANIFEST), node, this);
  }

  /**
   * Reads a flow written by {@link #save}.
   *
   * @throws CheckpointException when the folder holds no CG flow, or its files do not fit together
   */
  public static CgFlow load(Path dir) throws CheckpointException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest) || !Files.isRegularFile(dir.resolve(REFERENCE))) {
      throw new CheckpointException(dir + " holds no CG flow (" + MANIFEST + " and " + REFERENCE + " are needed)");
    }
    Checkpoint stored = CheckpointReader.read(manifest);
    JsonNode node = stored.config();
    if (node == null || !"backmap-cg-flow".equals(node.path("format").asText())) {
      throw new CheckpointException(manifest + " is not a CG flow");
    }
    try {
      CgStructure reference = CgStructure.read(dir.resolve(REFERENCE), TemplateLibrary.ff14SB());
      FlowConfig config = JSON.treeToValue(node.get("flow"), FlowConfig.class);
      int[] free = JSON.treeToValue(node.get("free"), int[].class);
      double[] values = JSON.treeToValue(node.get("values"), double[].class);
      double[] shift = JSON.treeToValue(node.get("shift"), double[].class);
      double[] scale = JSON.treeToValue(node.get("scale"), double[].class);
      CgFlow model = new CgFlow(reference, free, values, shift, scale, config);
      if (values.length != model.ic.dims() || shift.length != free.length || scale.length != free.length || config.dims() != free.length) {
        throw new CheckpointException(manifest + ": its coordinates do not fit " + REFERENCE);
      }
      ModelCheckpoints.restore(stored, model);
      return model;
    } catch (IOException | RuntimeException e) {
      if (e instanceof CheckpointException c) {
        throw c;
      }
      throw new CheckpointException(manifest + ": " + e.getMessage());
    }
  }

  private void standardise(double[] q, float[] out, int offset) {
    for (int j = 0; j < free.length; j++) {
      double v = q[free[j]];
      out[offset + j] = (float) (torsion[free[j]] ? InternalCoordinates.wrap(v) : (v - shift[j]) / scale[j]);
    }
  }

  private double logScale() {
    double s = 0;
    for (double v : scale) {
      s += Math.log(v);
    }
    return s;
  }
}
