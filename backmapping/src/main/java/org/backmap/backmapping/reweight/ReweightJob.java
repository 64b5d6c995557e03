package org.backmap.backmapping.reweight;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.backmap.backmapping.cgmodel.CgModel;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.DecodePlan;
import org.backmap.backmapping.decode.DecodedEnergies;
import org.backmap.backmapping.decode.DecodedSamples;
import org.backmap.backmapping.decode.Decoder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.EnergyComponent;
import org.backmap.md.geometry.InternalCoordinates;
import org.backmap.md.geometry.Superposition;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.TrajectoryOutput;
import org.backmap.nn.Rng;

/**
 * Generated samples and their importance weights into the AMBER14SB + GBn2 ensemble: R is drawn from a CG model
 * ({@link CgModel}: frames by cluster, or a CG flow), r decoded from R with the residue models, and each sample gets
 * {@code log w = -U(r)/kT + log P1(R | r) - log P2(R) - log P2(r | R)} with its parts and observables, one CSV row
 * per sample, streamed in batches (memory: the frames plus one batch). The file appears only when complete.
 *
 * <p>Columns: {@code sample, frame, cluster, logP2R, logP2rR, logP1Rr, energy_kJ_per_mol, logW,
 * endToEndCaAngstrom, caRmsdToReferenceAngstrom}, then the decoded structure's side-chain torsions in degrees
 * ({@link SideChainTorsions}, e.g. {@code chi1_TYR2}) and its energy per force-field term ({@code U_bond, U_angle, U_torsion,
 * U_lj, U_coulomb, U_gb_polar, U_gb_surface}, kJ/mol, summing to {@code energy_kJ_per_mol}); frame and cluster (1-based) are empty for a model that
 * generates new structures.
 */
public final class ReweightJob {
  /** The force-field terms written per sample ({@code U_bond}, ...; the restraint term is always 0 here). */
  public static final List<EnergyComponent> TERMS = List.of(EnergyComponent.BOND, EnergyComponent.ANGLE, EnergyComponent.TORSION,
      EnergyComponent.LENNARD_JONES, EnergyComponent.COULOMB, EnergyComponent.GB_POLAR, EnergyComponent.GB_SURFACE);

  private ReweightJob() {}

  /**
   * Settings.
   *
   * @param samples samples to draw
   * @param batchSize samples decoded together
   * @param kelvin temperature of P1
   * @param seed seed of the frame draws and of decoding
   * @param threads threads of the energy evaluations
   */
  public record Options(long samples, int batchSize, double kelvin, long seed, int threads) {
    public Options {
      if (samples < 1 || batchSize < 1 || threads < 1) {
        throw new IllegalArgumentException("samples, batch size and threads must be at least 1");
      }
      if (!(kelvin > 0) || Double.isInfinite(kelvin)) {
        throw new IllegalArgumentException("temperature must be positive and finite, got " + kelvin);
      }
    }
  }

  /** Called after each batch. */
  public interface Progress {
    void samplesDone(long done, long total);
  }

  /**
   * What a run measured.
   *
   * @param kishEss Kish's effective sample size of the weights
   * @param essFraction {@code kishEss / samples}
   */
  public record Summary(long samples, String cgModel, double kishEss, double essFraction, double maxLogW, double meanEnergy,
      double seconds) {}

  /**
   * Draws {@code options.samples()} samples from {@code cgModel}, decodes and weighs them, and writes the CSV to
   * {@code output}.
   *
   * @param reference structure whose CA atoms the RMSD observable is measured against (its CG form), or null
   * @param structures where to write the decoded structures too (.pdb, .cif or .dcd, sample order; coordinates
   *     rounded to that format as they are placed, so every number of the CSV is that of the file's structure),
   *     or null
   */
  public static Summary run(CgModel cgModel, ModelSet models, CgStructure reference, Options options, Path output,
      Path structures, Progress progress) throws IOException {
    long t0 = System.nanoTime();
    TemplateLibrary library = TemplateLibrary.ff14SB();
    ProteinLayout first = new ProteinLayout(cgModel.topology(), library);
    DecodePlan plan = DecodePlan.of(first, DecodeOrder.SEQUENCE, options.seed());
    Decoder decoder = new Decoder(models);
    EncodingProbability encoding = EncodingProbability.of(first, models.laplaceScales());
    SideChainTorsions chis = new SideChainTorsions(first);
    double kT = LogWeights.kT(options.kelvin());
    double[] refCa = reference == null ? null : ca(reference);
    SplittableRandom draws = new SplittableRandom(options.seed());
    Rng rng = Rng.seeded(options.seed()).fork("reweight");
    List<Double> logW = new ArrayList<>();
    double sumEnergy = 0;
    DecodedEnergies energies = null;
    java.util.function.DoubleUnaryOperator rounding = structures == null ? null : TrajectoryOutput.rounding(structures);
    TrajectoryOutput trajectory = null;
    try (AtomicOutput file = new AtomicOutput(output)) {
      OutputStream stream = Channels.newOutputStream(file.channel());
      Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      out.write("sample,frame,cluster,logP2R,logP2rR,logP1Rr,energy_kJ_per_mol,logW,endToEndCaAngstrom,caRmsdToReferenceAngstrom");
      for (String name : chis.names()) {
        out.write("," + name);
      }
      for (EnergyComponent term : TERMS) {
        out.write(",U_" + term.key());
      }
      out.write("\n");
      long done = 0;
      while (done < options.samples()) {
        int b = (int) Math.min(options.batchSize(), options.samples() - done);
        List<CgModel.Draw> drawn = cgModel.draw(b, draws);
        ProteinLayout[] layouts = new ProteinLayout[b];
        for (int s = 0; s < b; s++) {
          layouts[s] = new ProteinLayout(drawn.get(s).structure(), library);
          if (!layouts[s].sameResidues(first)) {
            throw new StructureException(drawn.get(s).structure().source(), "holds other residues than the CG model's topology");
          }
        }
        DecodedSamples d = decoder.decode(layouts, plan, rng.split(), rounding);
        if (energies == null) {
          energies = new DecodedEnergies(first, d.coordinates()[0], options.threads());
          if (structures != null) {
            trajectory = TrajectoryOutput.open(structures, first.structure(d.coordinates()[0]), "backmap reweight");
          }
        }
        StringBuilder row = new StringBuilder();
        for (int s = 0; s < b; s++) {
          CgModel.Draw draw = drawn.get(s);
          double[] xyz = d.coordinates()[s];
          if (trajectory != null) {
            trajectory.append(ProteinLayout.nanometres(xyz));
          }
          EnergyBreakdown terms = energies.terms(xyz);
          double u = terms.total();
          double enc = encoding.logProb(xyz, layouts[s]);
          double p2rR = d.logProb()[s];
          double lw = LogWeights.logWeight(u, kT, enc, draw.logProb(), p2rR);
          double[] caXyz = ca(draw.structure());
          double e2e = endToEnd(caXyz);
          double rmsd = refCa == null ? Double.NaN : Superposition.rmsd(caXyz, refCa);
          row.setLength(0);
          row.append(String.format(Locale.ROOT, "%d,%s,%s,%.6f,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f", done + s + 1, oneBased(draw.frame()),
              oneBased(draw.cluster()), draw.logProb(), p2rR, enc, u, lw, e2e, rmsd));
          for (double chi : chis.compute(xyz)) {
            row.append(String.format(Locale.ROOT, ",%.2f", chi));
          }
          for (EnergyComponent term : TERMS) {
            row.append(String.format(Locale.ROOT, ",%.6f", terms.get(term)));
          }
          out.write(row.append('\n').toString());
          logW.add(lw);
          sumEnergy += u;
        }
        done += b;
        progress.samplesDone(done, options.samples());
      }
      out.flush();
      LogWeights w = LogWeights.of(logW.stream().mapToDouble(Double::doubleValue).toArray());
      if (trajectory != null) {
        trajectory.finish();
      }
      file.commitAfter(() -> {});
      double max = logW.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      return new Summary(options.samples(), cgModel.describe(), w.kishEss(), w.essFraction(), max, sumEnergy / options.samples(),
          (System.nanoTime() - t0) / 1e9);
    } finally {
      if (trajectory != null) {
        trajectory.close();
      }
    }
  }

  private static String oneBased(int index) {
    return index < 0 ? "" : Integer.toString(index + 1);
  }

  /** CA coordinates of a CG structure, residue order (Angstrom). */
  public static double[] ca(CgStructure cg) {
    double[] x = new double[3 * cg.residues().size()];
    int i = 0;
    for (CgResidue r : cg.residues()) {
      Atom a = r.atom("CA");
      if (a == null) {
        throw new StructureException(cg.source(), "residue " + r.number() + " has no CA");
      }
      x[i++] = a.x();
      x[i++] = a.y();
      x[i++] = a.z();
    }
    return x;
  }

  /** Distance between the first and the last of flat CA coordinates (Angstrom). */
  public static double endToEnd(double[] ca) {
    int n = ca.length / 3;
    return InternalCoordinates.distance(ca, 0, 3 * n - 3);
  }
}
