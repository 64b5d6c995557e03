package org.backmap.backmapping.reweight;

import java.nio.file.Path;
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
import org.backmap.plot.Png;
import org.jfree.chart.JFreeChart;

/**
 * Reweighting one side chain at a time: every atom of a structure fixed except one residue's side chain, which is
 * decoded {@code n} times. R is then fixed (P2(R) = 1) and so is the rest of r, and the bead's encoding, which the
 * study takes as a delta, adds a constant: {@code log w = -U(r)/kT - log P2(r_i | R, r_rest)}. Its effective sample
 * size measures how well one model alone reproduces the force field's conditional distribution of its side chain,
 * free of the CG model and of the other residues' errors. Given a reference simulation of the same structure (e.g. one
 * with the CG atoms restrained), the side chain's torsions are compared with it before and after reweighting.
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
   * @param chis the side chain's chi1 (and chi2): JS divergence (nats) to the reference simulation, raw and reweighted;
   *     empty without a reference
   */
  public record Result(String residue, long samples, double kishEss, double essFraction, double lowestEnergy, double structureEnergy,
      List<ReweightingStudy.ChiDivergence> chis) {}

  /** Called after each batch of a residue. */
  public interface Progress {
    void samplesDone(String residue, long done, long total);
  }

  /**
   * Runs the study for every residue with a conditional side-chain model (or those of {@code residues}, 0-based
   * indices, when not null).
   *
   * @param structure all-atom coordinates of {@code layout} (Angstrom, layout order), e.g. a minimised structure
   * @param md a simulation of the same protein to compare the torsions with, or null
   * @param figure where to write the torsion histograms (PNG, one panel per torsion) when {@code md} is given, or null
   * @throws IllegalArgumentException when {@code md}'s torsions are not those of {@code layout}
   */
  public static List<Result> run(ProteinLayout layout, double[] structure, ModelSet models, List<Integer> residues, long samples, int batch,
      double kelvin, long seed, int threads, ReweightingStudy.Reference md, Path figure, Progress progress)
      throws CheckpointException {
    if (samples < 1 || batch < 1 || !(kelvin > 0)) {
      throw new IllegalArgumentException("samples and batch must be at least 1 and the temperature positive");
    }
    SideChainTorsions torsions = new SideChainTorsions(layout);
    if (md != null && !md.chiNames().equals(torsions.names())) {
      throw new IllegalArgumentException("the simulation's side-chain torsions " + md.chiNames() + " are not the structure's " + torsions.names());
    }
    List<JFreeChart> panels = new ArrayList<>();
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
      List<Integer> own = new ArrayList<>(); // this side chain's torsions among the protein's
      for (int k = 0; md != null && k < torsions.count(); k++) {
        if (torsions.names().get(k).endsWith("_" + name)) {
          own.add(k);
        }
      }
      int n = Math.toIntExact(samples);
      double[] logW = new double[n];
      double[][] chi = new double[own.size()][n];
      double lowest = Double.POSITIVE_INFINITY;
      for (int done = 0; done < n; ) {
        int b = Math.min(batch, n - done);
        DecodedSamples d = decoder.decodeStep(layout, structure, step, b, rng.split());
        for (int s = 0; s < b; s++) {
          double u = energies.energy(d.coordinates()[s]);
          lowest = Math.min(lowest, u);
          logW[done + s] = -u / kT - d.logProb()[s];
          if (!own.isEmpty()) {
            double[] all = torsions.compute(d.coordinates()[s]);
            for (int k = 0; k < own.size(); k++) {
              chi[k][done + s] = all[own.get(k)];
            }
          }
        }
        done += b;
        progress.samplesDone(name, done, samples);
      }
      LogWeights w = LogWeights.of(logW);
      double[] p = w.probabilities();
      List<ReweightingStudy.ChiDivergence> divergences = new ArrayList<>();
      for (int k = 0; k < own.size(); k++) {
        double[] reference = md.chis()[own.get(k)];
        divergences.add(ReweightingStudy.divergence(torsions.names().get(own.get(k)), reference, chi[k], p));
        panels.add(ReweightingStudy.chiPanel(divergences.getLast(), reference, chi[k], p));
      }
      out.add(new Result(name, samples, w.kishEss(), w.essFraction(), lowest, structureEnergy, List.copyOf(divergences)));
    }
    if (figure != null && !panels.isEmpty()) {
      Png.write(figure, panels, Math.min(4, panels.size()), 340, 240);
    }
    return out;
  }
}
