package org.backmap.backmapping.cgmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgFlowTest {
  @TempDir Path tmp;

  @Test
  void densityOverATwoDimensionalToyIntegratesToOne() throws Exception {
    // N, CA, C: the N-CA bond held fixed (as a constrained bond), the CA-C bond and the angle bimodal
    SplittableRandom random = new SplittableRandom(5);
    CgInternalCoordinates ic = null;
    List<CgStructure> frames = new ArrayList<>();
    for (int f = 0; f < 600; f++) {
      double b2 = 1.52 + 0.04 * random.nextGaussian() + (f % 2 == 0 ? 0.1 : 0);
      double a2 = 1.9 + 0.08 * random.nextGaussian();
      CgStructure s = three(1.46, b2, a2);
      frames.add(s);
      ic = CgInternalCoordinates.of(s);
    }
    CgFlow.Settings settings = new CgFlow.Settings(2, 16, 8, 15, 64, 0.1, 3, 0);
    CgFlow.Fitted fitted = CgFlow.fit(frames, settings, null);
    CgFlow flow = fitted.flow();
    assertArrayEquals(new int[] {1, 2}, flow.freeCoordinates(), "the fixed N-CA bond is not modelled");
    double first = fitted.training().history().get(0).validationLoss();
    assertTrue(fitted.training().bestValidationLoss() < first - 0.05, "learned: " + first + " -> " + fitted.training().bestValidationLoss());
    // integrate p(b2, a2) = P2(R) J over a grid wide enough for the tails
    int nb = 240, na = 240;
    double b0 = 1.1, b1 = 2.1, a0 = 1.2, a1 = 2.6;
    List<double[]> grid = new ArrayList<>();
    List<Double> logJ = new ArrayList<>();
    double[] q = new double[3];
    for (int i = 0; i < nb; i++) {
      for (int j = 0; j < na; j++) {
        q[0] = 1.46;
        q[1] = b0 + (i + 0.5) * (b1 - b0) / nb;
        q[2] = a0 + (j + 0.5) * (a1 - a0) / na;
        double[] xyz = new double[9];
        ic.toCartesian(q, xyz);
        grid.add(xyz);
        logJ.add(ic.logJacobian(q));
      }
    }
    double[] lp = flow.logProb(grid);
    double integral = 0;
    for (int k = 0; k < lp.length; k++) {
      integral += Math.exp(lp[k] + logJ.get(k));
    }
    integral *= (b1 - b0) / nb * (a1 - a0) / na;
    assertEquals(1.0, integral, 2e-3);
  }

  @Test
  void savedFlowGivesTheSameDensityAndSamplesCarryIt() throws Exception {
    Path file = tmp.resolve("1UAO.pdb");
    Files.copy(CgFlowTest.class.getResourceAsStream("/structures/1UAO.pdb"), file);
    CgStructure cg = PreparedProtein.read(file, PreparationOptions.defaults().withRepair(false)).cg();
    double[] base = cg.particles();
    SplittableRandom random = new SplittableRandom(2);
    List<CgStructure> frames = new ArrayList<>();
    for (int f = 0; f < 40; f++) {
      double[] x = base.clone();
      for (int i = 0; i < x.length; i++) {
        x[i] += 0.1 * random.nextGaussian();
      }
      frames.add(cg.withParticles("frame" + f, x));
    }
    CgFlow flow = CgFlow.fit(frames, new CgFlow.Settings(5, 32, 8, 2, 16, 0.25, 1, 0), null).flow();
    flow.save(tmp.resolve("flow"));
    CgFlow back = CgFlow.load(tmp.resolve("flow"));
    List<CgFlow.Sample> draws = flow.sample(5, Rng.seeded(4));
    for (CgFlow.Sample d : draws) {
      assertTrue(Double.isFinite(d.logProb()));
      assertEquals(d.logProb(), back.logProb(d.xyz()), 1e-6 * Math.max(1, Math.abs(d.logProb())));
    }
    double[] data = flow.logProb(frames.stream().map(CgStructure::particles).toList());
    assertEquals(data[3], back.logProb(frames.get(3)), 1e-6 * Math.abs(data[3]));
    // a rigid motion does not change the density
    double[] moved = frames.get(3).particles();
    for (int p = 0; p < moved.length / 3; p++) {
      double x = moved[3 * p], y = moved[3 * p + 1];
      moved[3 * p] = -y + 4;
      moved[3 * p + 1] = x - 2;
    }
    assertEquals(data[3], flow.logProb(moved), 1e-4 * Math.abs(data[3]));
    assertThrows(CheckpointException.class, () -> CgFlow.load(tmp.resolve("nothing")));
  }

  private static CgStructure three(double b1, double b2, double a2) {
    // N at the origin, CA on +x, C at angle a2 from N about CA
    double cx = b1 - b2 * Math.cos(a2), cy = b2 * Math.sin(a2);
    return new CgStructure("toy", List.of(new CgResidue("A", 1, ' ', "GLY", List.of(new Atom("N", Element.N, 0, 0, 0),
        new Atom("CA", Element.C, b1, 0, 0), new Atom("C", Element.C, cx, cy, 0)), null, true)));
  }
}
