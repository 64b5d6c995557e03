package org.backmap.backmapping.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.backmapping.decode.DecodeOrder;
import org.backmap.backmapping.decode.DecodePlan;
import org.backmap.backmapping.decode.DecodedEnergies;
import org.backmap.backmapping.decode.Decoder;
import org.backmap.backmapping.decode.ModelSet;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.backmapping.decode.RandomModels;
import org.backmap.backmapping.cgmodel.ClusterModel;
import org.backmap.backmapping.cgmodel.FrameClusters;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reweighting chignolin frames with untrained models: every log-weight recomputed from the written files. */
class ReweightJobTest {
  @TempDir Path tmp;

  @Test
  void everyLogWeightIsRecomputedFromTheWrittenStructures() throws Exception {
    Path file = tmp.resolve("1UAO.pdb");
    Files.copy(ReweightJobTest.class.getResourceAsStream("/structures/1UAO.pdb"), file);
    PreparedProtein p = PreparedProtein.read(file, PreparationOptions.defaults().withRepair(false));
    CgStructure cg = p.cg();
    ProteinLayout layout = new ProteinLayout(cg, TemplateLibrary.ff14SB());
    ModelSet models = RandomModels.write(tmp.resolve("models"), layout);
    // the Laplace scales go in the models' manifest, as model-report writes them
    StringBuilder manifest = new StringBuilder("{\"format\": \"backmap-models\", \"version\": 1, \"types\": {");
    String[] types = {"GLY", "TYR", "ASP", "PRO", "GLU", "THR", "TRP"};
    for (int i = 0; i < types.length; i++) {
      manifest.append(i == 0 ? "" : ",").append('"').append(types[i]).append("\": {\"laplaceScaleAngstrom\": ").append(0.3 + 0.1 * i).append('}');
    }
    Files.writeString(tmp.resolve("models/manifest.json"), manifest.append("}}").toString());

    // four frames: the structure and three moved copies, two of them close to each other
    List<CgStructure> frames = new ArrayList<>();
    double[] base = cg.particles();
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int f = 0; f < 4; f++) {
      double[] x = base.clone();
      for (int i = 0; i < x.length; i++) {
        x[i] += f == 0 ? 0 : rng.nextDouble(-0.1, 0.1) * f;
      }
      frames.add(cg.withParticles("frame" + f, x));
    }
    List<double[]> ca = frames.stream().map(ReweightJob::ca).toList();
    ClusterModel clusters = ClusterModel.fit(ca, 0.2, ClusterModel.Choice.UNIFORM);
    Path csv = tmp.resolve("weights.csv");
    Path pdb = tmp.resolve("samples.pdb");
    ReweightJob.Summary s = ReweightJob.run(new FrameClusters(frames, clusters), models, cg, new ReweightJob.Options(7, 3, 300, 5, 1), csv, pdb, (d, t) -> {});
    assertEquals(7, s.samples());
    List<String> rows = Files.readAllLines(csv);
    assertEquals(8, rows.size());
    assertTrue(rows.get(0).startsWith("sample,frame,cluster,logP2R,logP2rR,logP1Rr,energy_kJ_per_mol,logW"));
    assertEquals(7, StructureReader.modelCount(pdb));
    String[] header = rows.get(0).split(",");
    assertEquals("chi1_TYR2", header[10]);
    assertEquals("chi2_TYR2", header[11]);

    Decoder decoder = new Decoder(models);
    EncodingProbability encoding = EncodingProbability.of(layout, models.laplaceScales());
    double[] logW = new double[7];
    for (int i = 1; i <= 7; i++) {
      String[] c = rows.get(i).split(",");
      int frame = Integer.parseInt(c[1]) - 1;
      ProteinLayout frameLayout = new ProteinLayout(frames.get(frame), TemplateLibrary.ff14SB());
      double[] xyz = layout.coordinatesOf(StructureReader.read(pdb, i - 1));
      double energy = new DecodedEnergies(layout, xyz, 1).energy(xyz);
      double p2rR = decoder.score(new ProteinLayout[] {frameLayout}, DecodePlan.of(layout, DecodeOrder.SEQUENCE, 5), new double[][] {xyz}).logProb()[0];
      double enc = encoding.logProb(xyz, frameLayout);
      double p2R = clusters.logProb(frame);
      double expected = LogWeights.logWeight(energy, LogWeights.kT(300), enc, p2R, p2rR);
      assertEquals(p2R, Double.parseDouble(c[3]), 1e-6, "row " + i);
      assertEquals(p2rR, Double.parseDouble(c[4]), 1e-4, "row " + i);
      assertEquals(enc, Double.parseDouble(c[5]), 1e-4, "row " + i);
      assertEquals(energy, Double.parseDouble(c[6]), 1e-4 * Math.max(1, Math.abs(energy)), "row " + i);
      assertEquals(expected, Double.parseDouble(c[7]), 1e-3 + 1e-8 * Math.abs(expected), "row " + i);
      logW[i - 1] = Double.parseDouble(c[7]);
      // chi1 of TYR2 (N-CA-CB-CG) from the written structure
      var tyr = StructureReader.read(pdb, i - 1).chains().get(0).residues().get(1);
      double chi1 = Math.toDegrees(org.backmap.md.geometry.InternalCoordinates.torsion(flat(tyr.atom("N"), tyr.atom("CA"), tyr.atom("CB"), tyr.atom("CG")), 0, 3, 6, 9));
      assertEquals(chi1, Double.parseDouble(c[10]), 0.02, "row " + i);
      double sum = 0;
      for (int k = c.length - ReweightJob.TERMS.size(); k < c.length; k++) {
        sum += Double.parseDouble(c[k]);
      }
      assertEquals(energy, sum, 1e-4 * Math.max(1, Math.abs(energy)), "the terms add up, row " + i);
    }
    assertEquals(LogWeights.of(logW).kishEss(), s.kishEss(), 1e-6 * s.kishEss());
    assertTrue(s.essFraction() > 0 && s.essFraction() <= 1);
  }

  @Test
  void aFailedRunLeavesNoFile() throws Exception {
    Path csv = tmp.resolve("weights.csv");

    Path file = tmp.resolve("1UAO.pdb");
    Files.copy(ReweightJobTest.class.getResourceAsStream("/structures/1UAO.pdb"), file);
    CgStructure cg = PreparedProtein.read(file).cg();
    // models without a manifest: no Laplace scales, an error before anything is written
    ModelSet empty = ModelSet.directory(tmp.resolve("none"));
    assertTrue(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> ReweightJob.run(new FrameClusters(List.of(cg), ClusterModel.fit(List.of(ReweightJob.ca(cg)), 2, ClusterModel.Choice.UNIFORM)), empty, null, new ReweightJob.Options(2, 2, 300, 1, 1), csv, null, (d, t) -> {}))
        .getMessage().contains("manifest"));
    assertFalse(Files.exists(csv));
  }

  private static double[] flat(org.backmap.md.structure.Atom... atoms) {
    double[] x = new double[3 * atoms.length];
    for (int i = 0; i < atoms.length; i++) {
      x[3 * i] = atoms[i].x();
      x[3 * i + 1] = atoms[i].y();
      x[3 * i + 2] = atoms[i].z();
    }
    return x;
  }
}
