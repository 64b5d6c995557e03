package org.backmap.backmapping.decode;

import java.util.ArrayList;
import java.util.List;
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
    if (frames.length < 1) {
      throw new IllegalArgumentException("no frames to decode");
    }
    double[][] xyz = new double[frames.length][];
    for (int s = 0; s < frames.length; s++) {
      xyz[s] = frames[s].newCoordinates();
    }
    return run(frames, plan, xyz, rng);
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
    return run(frames, plan, xyz, null);
  }

  /** Decodes ({@code rng} given) or scores ({@code rng} null) every step for all samples. */
  private DecodedSamples run(ProteinLayout[] frames, DecodePlan plan, double[][] xyz, Rng rng) throws CheckpointException {
    int samples = xyz.length;
    for (ProteinLayout f : frames) {
      if (!f.sameResidues(frames[0])) {
        throw new IllegalArgumentException(f.cg().source() + " is not a frame of " + frames[0].cg().source() + " (other residues)");
      }
    }
    int steps = plan.steps().size();
    double[][] stepLog = new double[samples][steps];
    double[][] stepJac = new double[samples][steps];
    double[] total = new double[samples];
    // atoms decoded so far, as blocks of one step each: atom indices and owning residue
    List<int[]> blocks = new ArrayList<>();
    List<Integer> blockResidue = new ArrayList<>();
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
        ExampleBatch batch = new ExampleBatch(z.template(), z.group(), samples, d, new double[samples * d],
            new double[3 * samples], new double[9 * samples], r, labels, mask);
        environments = model.environments(batch);
      } else {
        environments = Environments.none(samples);
      }
      float[] batF = new float[samples * d];
      double[] group = new double[3 * (3 + placed)];
      if (rng != null) {
        batF = model.sample(environments, rng).values().toFloatArray();
      } else {
        double[] bat = new double[d];
        for (int s = 0; s < samples; s++) {
          gather(xyz[s], idx, group);
          BatConverter.toBat(z, group, 1, bat);
          for (int i = 0; i < d; i++) {
            batF[s * d + i] = (float) bat[i];
          }
        }
      }
      double[] batD = new double[samples * d];
      for (int i = 0; i < batD.length; i++) {
        batD[i] = batF[i];
      }
      double[] logp;
      try (var _ = GradMode.noGrad()) {
        logp = model.logProb(Tensor.wrap(batF, samples, d), environments).toDoubleArray();
      }
      double[] logdet = new double[samples];
      BatConverter.logDetJacobian(z, batD, samples, logdet);
      double[] one = new double[d];
      for (int s = 0; s < samples; s++) {
        if (rng != null) {
          gather(xyz[s], idx, group); // the roots: CG atoms or atoms decoded by earlier steps
          System.arraycopy(batD, s * d, one, 0, d);
          BatConverter.toCartesian(z, one, 1, group);
          for (int a = 3; a < idx.length; a++) {
            System.arraycopy(group, 3 * a, xyz[s], 3 * idx[a], 3);
          }
        }
        stepLog[s][k] = logp[s];
        stepJac[s][k] = logdet[s];
        total[s] += logp[s] + logdet[s];
      }
      blocks.add(java.util.Arrays.copyOfRange(idx, 3, idx.length));
      blockResidue.add(step.residue());
    }
    return new DecodedSamples(plan, xyz, total, stepLog, stepJac);
  }

  private static void gather(double[] xyz, int[] idx, double[] out) {
    for (int a = 0; a < idx.length; a++) {
      System.arraycopy(xyz, 3 * idx[a], out, 3 * a, 3);
    }
  }
}
