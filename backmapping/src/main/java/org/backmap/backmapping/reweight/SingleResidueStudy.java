package org.backmap.backmapping.reweight;

import java.util.ArrayList;
import java.util.List;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.DecodePlan;
import org.backmap.backmapping.decode.DecodeStep;
import org.backmap.backmapping.decode.DecodedEnergies;
import org.backmap.backmapping.decode.DecodedSamples;
import org.backmap.backmapping.decode.Decoder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.dataset.ResidueType;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;

/**
 * Reweighting one side chain at a time: every atom of a structure fixed except one residue's side chain, which is
 * decoded {@code n} times. R is then fixed (P2(R) = 1) and so is the rest of r, and the bead's encoding, which the
 * study takes as a delta, adds a constant: {@code log w = -U(r)/kT - log P2(r_i | R, r_rest)}. Its effective sample
 * size measures how well one model alone reproduces the force field's conditional distribution of its side chain,
 * free of the CG model and of the other residues' errors.
 */
public final class SingleResidueStudy {
  private SingleResidueStudy() {}

  /**
   * One residue's result.
   *
   * @param residue e.g. {@code TRP9}
   * @param samples side chains drawn
   * @param kishEss Kish's effective sample size
   * @param essFraction {@code kishEss / samples}
   * @param lowestEnergy the lowest potential energy among the samples (kJ/mol)
   * @param structureEnergy the potential energy of the given structure (kJ/mol)
   */
  public record Result(String residue, long samples, double kishEss, double essFraction, double lowestEnergy, double structureEnergy) {}

  /** Called after each batch of a residue. */
  public interface Progress {
    void samplesDone(String residue, long done, long total);
  }

  /**
   * Runs the study for every residue with a conditional side-chain model (or those of {@code residues}, 0-based
   * indices, when not null).
   *
   * @param structure all-atom coordinates of {@code layout} (Angstrom, layout order), e.g. a minimised structure
   */
  public static List<Result> run(ProteinLayout layout, double[] structure, ModelSet models, List<Integer> residues, long samples, int batch,
      double kelvin, long seed, int threads, Progress progress) throws CheckpointException {
    if (samples < 1 || batch < 1 || !(kelvin > 0)) {
      throw new IllegalArgumentException("samples and batch must be at least 1 and the temperature positive");
    }
    Decoder decoder = new Decoder(models);
    DecodedEnergies energies = new DecodedEnergies(layout, structure, threads);
    double structureEnergy = energies.energy(structure);
    double kT = LogWeights.kT(kelvin);
    Rng rng = Rng.seeded(seed).fork("single-residue");
    List<Result> out = new ArrayList<>();
    for (DecodeStep step : DecodePlan.of(layout, DecodeOrder.SEQUENCE, seed).steps()) {
      if (step.group() != BatGroup.SIDECHAIN || ResidueType.UNCONDITIONAL.contains(step.type())
          || (residues != null && !residues.contains(step.residue()))) {
        continue;
      }
      String name = layout.template(step.residue()).residueName() + layout.cg().residues().get(step.residue()).number();
      double[] logW = new double[Math.toIntExact(samples)];
      double lowest = Double.POSITIVE_INFINITY;
      for (long done = 0; done < samples; ) {
        int b = (int) Math.min(batch, samples - done);
        DecodedSamples d = decoder.decodeStep(layout, structure, step, b, rng.split());
        for (int s = 0; s < b; s++) {
          double u = energies.energy(d.coordinates()[s]);
          lowest = Math.min(lowest, u);
          logW[(int) done + s] = -u / kT - d.logProb()[s];
        }
        done += b;
        progress.samplesDone(name, done, samples);
      }
      LogWeights w = LogWeights.of(logW);
      out.add(new Result(name, samples, w.kishEss(), w.essFraction(), lowest, structureEnergy));
    }
    return out;
  }
}
