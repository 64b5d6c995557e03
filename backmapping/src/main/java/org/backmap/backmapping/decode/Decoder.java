package org.backmap.backmapping.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.backmapping.model.Environments;
import org.backmap.backmapping.model.ResidueModel;
import org.backmap.md.bat.BatConverter;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.dataset.EnvironmentBuilder;
import org.backmap.md.dataset.ExampleBatch;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;

/**
 * Decodes CG structures into all-atom ones with the residue models, step by step along a {@link DecodePlan}, all
 * samples of a structure at once (each step is one batch through its model), and scores given all-atom structures
 * the same way.
 *
 * <p>At each step a group's environment is, as in training, the nearest particles to its residue's bead among
 * the CG particles and the atoms decoded so far by other residues' steps. The sampled BAT vector is rounded to
 * float32 (the models' precision) before it is placed, and its log-density is the model's forward
 * {@code logProb} of exactly those values, so that scoring the decoded coordinates gives the same numbers.
 */
public final class Decoder {
  private final ModelSet models;

  /** Decodes with {@code models}. */
  public Decoder(ModelSet models) {
    this.models = models;
  }

  /** The models. */
  public ModelSet models() {
    return models;
  }

  /**
   * Draws {@code samples} all-atom structures of {@code layout}'s CG structure.
   *
   * @throws CheckpointException naming the residue type when a model is missing or unreadable
   */
  public DecodedSamples decode(ProteinLayout layout, DecodePlan plan, int samples, Rng rng) throws CheckpointException {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    ProteinLayout[] frames = new ProteinLayout[samples];
    java.util.Arrays.fill(frames, layout);
    return decode(frames, plan, rng);
  }

  /**
   * Draws one all-atom structure of each of {@code frames}' CG structures, all in one batch per step: CG frames
   * of one protein (a trajectory, or one frame repeated), each sample decoding its own frame.
   *
   * @throws IllegalArgumentException when the frames are not of one protein (the residues of the plan's layout)
   * @throws CheckpointException naming the residue type when a model is missing or unreadable
   */
  public DecodedSamples decode(ProteinLayout[] frames, DecodePlan plan, Rng rng) throws CheckpointException {
    return decode(frames, plan, rng, null);
  }

  /**
   * As {@link #decode(ProteinLayout[], DecodePlan, Rng)}, with every coordinate rounded by {@code snap} as soon
   * as it is placed (e.g. {@link org.backmap.md.trajectory.TrajectoryOutput#rounding} of an output file): the
   * structures are those a file of that format holds, and their log-probabilities are exactly what
   * {@link #score} gives for them.
   */
  public DecodedSamples decode(ProteinLayout[] frames, DecodePlan plan, Rng rng, DoubleUnaryOperator snap) throws CheckpointException {
    if (frames.length < 1) {
      throw new IllegalArgumentException("no frames to decode");
    }
    double[][] xyz = new double[frames.length][];
    for (int s = 0; s < frames.length; s++) {
      xyz[s] = frames[s].newCoordinates();
    }
    return run(frames, plan, xyz, rng, snap, List.of(), List.of());
  }

  /**
   * Draws {@code samples} versions of one step's atoms (e.g. one residue's side chain) with every other atom of
   * {@code structure} (Angstrom, layout order) held where it is: the step's environment holds the CG particles and
   * all atoms of the other residues, as if they had been decoded before it. The samples' log-probabilities are that
   * step's log-density, Jacobian included.
   *
   * @throws IllegalArgumentException when the step is not one of {@code layout}'s or the structure's size differs
   * @throws CheckpointException naming the residue type when its model is missing or unreadable
   */
  public DecodedSamples decodeStep(ProteinLayout layout, double[] structure, DecodeStep step, int samples, Rng rng) throws CheckpointException {
    if (structure.length != 3 * layout.atoms() || samples < 1 || step.residue() < 0 || step.residue() >= layout.residues()) {
      throw new IllegalArgumentException("a structure of " + structure.length / 3 + " atoms for a layout of " + layout.atoms()
          + ", residue " + step.residue() + ", " + samples + " samples");
    }
    ProteinLayout[] frames = new ProteinLayout[samples];
    java.util.Arrays.fill(frames, layout);
    double[][] xyz = new double[samples][];
    for (int s = 0; s < samples; s++) {
      xyz[s] = structure.clone();
    }
    List<int[]> fixed = new ArrayList<>();
    List<Integer> fixedResidues = new ArrayList<>();
    for (int r = 0; r < layout.residues(); r++) {
      if (r == step.residue()) {
        continue;
      }
      List<Integer> atoms = new ArrayList<>();
      for (int g = layout.firstAtom(r); g < layout.firstAtom(r + 1); g++) {
        if (!layout.isCg(g)) {
          atoms.add(g);
        }
      }
      fixed.add(atoms.stream().mapToInt(Integer::intValue).toArray());
      fixedResidues.add(r);
    }
    return run(frames, new DecodePlan(DecodeOrder.SEQUENCE, 0, List.of(step)), xyz, rng, null, fixed, fixedResidues);
  }

  /**
   * The log-probabilities of given all-atom structures of {@code layout} (coordinates in its atom order, Angstrom)
   * under the models and the plan. The CG atoms are taken from the structures as they are.
   */
  public DecodedSamples score(ProteinLayout layout, DecodePlan plan, double[][] coordinates) throws CheckpointException {
    ProteinLayout[] frames = new ProteinLayout[coordinates.length];
    java.util.Arrays.fill(frames, layout);
    return score(frames, plan, coordinates);
  }

  /**
   * The log-probabilities of given all-atom structures, structure {@code s} given the CG frame
   * {@code frames[s]} (its beads; its CG atoms are taken from the structure as it is).
   */
  public DecodedSamples score(ProteinLayout[] frames, DecodePlan plan, double[][] coordinates) throws CheckpointException {
    if (frames.length != coordinates.length) {
      throw new IllegalArgumentException(coordinates.length + " structures, " + frames.length + " frames");
    }
    double[][] xyz = new double[coordinates.length][];
    for (int s = 0; s < xyz.length; s++) {
      if (coordinates[s].length != 3 * frames[s].atoms()) {
        throw new IllegalArgumentException("structure " + s + " has " + coordinates[s].length / 3 + " atoms, the layout " + frames[s].atoms());
      }
      xyz[s] = coordinates[s].clone();
    }
    return run(frames, plan, xyz, null, null, List.of(), List.of());
  }

  /**
   * Decodes ({@code rng} given) or scores ({@code rng} null) every step for all samples. When decoding, each
   * step's sampled BAT vectors are placed, the placed atoms rounded by {@code snap} (elementwise, e.g. to an output
   * format's precision; the initial coordinates were rounded too), and the step is then scored exactly as
   * {@code score} would score the rounded structure: BAT from the coordinates, the model's forward log-density and
   * the Jacobian. So decoding with a rounding equals scoring what a file holds, at no extra cost.
   */
  private DecodedSamples run(ProteinLayout[] frames, DecodePlan plan, double[][] xyz, Rng rng, DoubleUnaryOperator snap,
      List<int[]> fixedBlocks, List<Integer> fixedResidues) throws CheckpointException {
    int samples = xyz.length;
    for (ProteinLayout f : frames) {
      if (!f.sameResidues(frames[0])) {
        throw new IllegalArgumentException(f.cg().source() + " is not a frame of " + frames[0].cg().source() + " (other residues)");
      }
    }
    if (snap != null) {
      for (double[] x : xyz) {
        for (int i = 0; i < x.length; i++) {
          x[i] = snap.applyAsDouble(x[i]);
        }
      }
    }
    int steps = plan.steps().size();
    double[][] stepLog = new double[samples][steps];
    double[][] stepJac = new double[samples][steps];
    double[] total = new double[samples];
    // atoms decoded so far, as blocks of one step each: atom indices and owning residue
    List<int[]> blocks = new ArrayList<>(fixedBlocks);
    List<Integer> blockResidue = new ArrayList<>(fixedResidues);
    int env = ExampleExtractor.ENVIRONMENT_SIZE;
    EnvironmentBuilder builder = new EnvironmentBuilder();
    double[] scratchXyz = new double[0];
    int[] scratchLabel = new int[0];
    for (int k = 0; k < steps; k++) {
      DecodeStep step = plan.steps().get(k);
      ResidueModel model = models.get(step.type());
      ZMatrix z = step.z();
      int d = z.size();
      int[] idx = step.atoms();
      int placed = z.placedCount();
      long t0 = System.nanoTime();
      Environments environments;
      if (model.config().conditional()) {
        float[] r = new float[samples * env * 3];
        byte[] labels = new byte[samples * env];
        byte[] mask = new byte[samples * env];
        for (int s = 0; s < samples; s++) {
          ProteinLayout layout = frames[s];
          builder.reset(layout.bead(step.residue()));
          builder.offer(layout.cgCoordinates(), layout.cgClasses(), 0, layout.cgClasses().length);
          for (int b = 0; b < blocks.size(); b++) {
            if (blockResidue.get(b) == step.residue()) {
              continue; // as in training: a residue's own atoms are never its environment
            }
            int[] block = blocks.get(b);
            if (scratchLabel.length < block.length) {
              scratchXyz = new double[3 * block.length];
              scratchLabel = new int[block.length];
            }
            for (int a = 0; a < block.length; a++) {
              System.arraycopy(xyz[s], 3 * block[a], scratchXyz, 3 * a, 3);
              scratchLabel[a] = layout.atomClass(block[a]);
            }
            builder.offer(scratchXyz, scratchLabel, 0, block.length);
          }
          builder.write(r, labels, mask, s);
        }
        double[] beads = new double[3 * samples];
        double[] roots = new double[9 * samples];
        for (int s = 0; s < samples; s++) {
          System.arraycopy(frames[s].bead(step.residue()), 0, beads, 3 * s, 3);
          for (int a = 0; a < 3; a++) {
            System.arraycopy(xyz[s], 3 * idx[a], roots, 9 * s + 3 * a, 3); // the roots come first in idx
          }
        }
        ExampleBatch batch = new ExampleBatch(z.template(), z.group(), samples, d, new double[samples * d],
            beads, roots, r, labels, mask);
        environments = model.environments(batch);
      } else {
        environments = Environments.none(samples);
      }
      long t1 = System.nanoTime();
      Tensor context;
      try (var _ = GradMode.noGrad()) {
        context = model.context(environments);
      }
      long t2 = System.nanoTime();
      double[] group = new double[3 * (3 + placed)];
      if (rng != null) {
        float[] sampled = model.sampleIn(context, samples, rng).values().toFloatArray();
        long t3 = System.nanoTime();
        double[] one = new double[d];
        for (int s = 0; s < samples; s++) {
          gather(xyz[s], idx, group); // the roots: CG atoms or atoms decoded by earlier steps
          for (int i = 0; i < d; i++) {
            one[i] = sampled[s * d + i];
          }
          BatConverter.toCartesian(z, one, 1, group);
          for (int a = 3; a < idx.length; a++) {
            for (int c = 0; c < 3; c++) {
              double v = group[3 * a + c];
              xyz[s][3 * idx[a] + c] = snap == null ? v : snap.applyAsDouble(v);
            }
          }
        }
        timings.sample += t3 - t2;
        timings.place += System.nanoTime() - t3;
      }
      long t4 = System.nanoTime();
      // the step's log-density of the coordinates as they now are: decoded (and rounded), or given
      float[] batF = new float[samples * d];
      double[] bat = new double[d];
      for (int s = 0; s < samples; s++) {
        gather(xyz[s], idx, group);
        BatConverter.toBat(z, group, 1, bat);
        for (int i = 0; i < d; i++) {
          batF[s * d + i] = (float) bat[i];
        }
      }
      double[] batD = new double[samples * d];
      for (int i = 0; i < batD.length; i++) {
        batD[i] = batF[i];
      }
      double[] logdet = new double[samples];
      BatConverter.logDetJacobian(z, batD, samples, logdet);
      long t5 = System.nanoTime();
      double[] logp;
      try (var _ = GradMode.noGrad()) {
        logp = model.logProbIn(Tensor.wrap(batF, samples, d), context).toDoubleArray();
      }
      long t6 = System.nanoTime();
      for (int s = 0; s < samples; s++) {
        stepLog[s][k] = logp[s];
        stepJac[s][k] = logdet[s];
        total[s] += logp[s] + logdet[s];
      }
      blocks.add(java.util.Arrays.copyOfRange(idx, 3, idx.length));
      blockResidue.add(step.residue());
      timings.environment += t1 - t0;
      timings.encoder += t2 - t1;
      timings.bat += t5 - t4;
      timings.score += t6 - t5;
    }
    return new DecodedSamples(plan, xyz, total, stepLog, stepJac);
  }

  /** Where decoding time went since this decoder was made, in nanoseconds (single-threaded use). */
  public static final class Timings {
    long environment;
    long encoder;
    long sample;
    long place;
    long bat;
    long score;

    /** Building environments (nearest particles of each step). */
    public double environmentSeconds() {
      return environment / 1e9;
    }

    /** The attention encoder's descriptions of the environments. */
    public double encoderSeconds() {
      return encoder / 1e9;
    }

    /** Drawing BAT vectors from the flows (inverse passes). */
    public double sampleSeconds() {
      return sample / 1e9;
    }

    /** Placing atoms from BAT (and rounding them). */
    public double placeSeconds() {
      return place / 1e9;
    }

    /** BAT of the placed atoms and the Jacobians. */
    public double batSeconds() {
      return bat / 1e9;
    }

    /** The flows' forward log-densities. */
    public double scoreSeconds() {
      return score / 1e9;
    }
  }

  private final Timings timings = new Timings();

  /** Where this decoder's time went so far. */
  public Timings timings() {
    return timings;
  }

  private static void gather(double[] xyz, int[] idx, double[] out) {
    for (int a = 0; a < idx.length; a++) {
      System.arraycopy(xyz, 3 * idx[a], out, 3 * a, 3);
    }
  }
}
