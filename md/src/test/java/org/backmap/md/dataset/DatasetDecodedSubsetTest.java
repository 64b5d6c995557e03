package org.backmap.md.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Atom;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

class DatasetDecodedSubsetTest {
  @Test
  void theNumberDecodedIsUniformAndTheSubsetUniformGivenIt() {
    int n = 8, target = 3, draws = 80_000;
    SplittableRandom random = new SplittableRandom(5);
    long[] bySize = new long[n];
    long[] byResidue = new long[n];
    for (int d = 0; d < draws; d++) {
      int[] decoded = DecodedSubsets.draw(n, target, random);
      bySize[decoded.length]++;
      for (int i = 1; i < decoded.length; i++) {
        assertTrue(decoded[i] > decoded[i - 1], "sorted, no repeats");
      }
      for (int r : decoded) {
        byResidue[r]++;
      }
    }
    // k on 0..n-1: chi-square against the uniform distribution, 7 degrees of freedom, p = 0.001.
    double expected = (double) draws / n;
    double chi2 = Arrays.stream(bySize).mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
    double critical = new ChiSquaredDistribution(n - 1).inverseCumulativeProbability(0.999);
    assertTrue(chi2 < critical, "chi-square " + chi2 + " >= " + critical + " for sizes " + Arrays.toString(bySize));
    assertEquals(0, byResidue[target], "the target is never decoded");
    // Each other residue is decoded in half the draws on average (E[k]/(n-1) = 1/2).
    for (int r = 0; r < n; r++) {
      if (r != target) {
        assertEquals(0.5, (double) byResidue[r] / draws, 0.01, "residue " + r);
      }
    }
    assertArrayEquals(DecodedSubsets.draw(50, 7, new SplittableRandom(9)), DecodedSubsets.draw(50, 7, new SplittableRandom(9)));
  }

  @Test
  void decodedResiduesBringTheirNonCgAtomsIntoTheEnvironment() {
    PreparedProtein p = PreparedProtein.read(ExtractionFixtures.energy("1UAO.pdb"));
    Topology t = p.topology();
    ExampleExtractor x = new ExampleExtractor(t);
    int n = x.residueCount();
    int target = 4;
    double[] bead = x.cg().residues().get(target).bead();
    int cgNear = 0;
    for (CgResidue r : x.cg().residues()) {
      for (Atom a : r.atoms()) {
        cgNear += near(a.x(), a.y(), a.z(), bead);
      }
      cgNear += near(r.bead()[0], r.bead()[1], r.bead()[2], bead);
    }
    int othersNear = 0;
    int[] all = new int[n - 1];
    for (ResidueTopology rt : t.residues()) {
      if (rt.index() != target) {
        all[rt.index() < target ? rt.index() : rt.index() - 1] = rt.index();
        for (Atom a : rt.residue().atoms()) {
          if (!CgMapper.KEPT.contains(a.name())) {
            othersNear += near(a.x(), a.y(), a.z(), bead);
          }
        }
      }
    }
    assertTrue(cgNear + othersNear <= ExampleExtractor.ENVIRONMENT_SIZE, "chignolin fits: nothing is cut at 150");
    TrainingExample none = x.extract(target, BatGroup.SIDECHAIN, new int[0]);
    assertEquals(cgNear, none.particleCount(), "k = 0: the CG particles only");
    ParticleClasses classes = new ParticleClasses(t.library());
    int beads = 0;
    for (int k = 0; k < ExampleExtractor.ENVIRONMENT_SIZE; k++) {
      beads += none.mask()[k] == 1 && none.labels()[k] >= 34 ? 1 : 0;
    }
    assertTrue(beads > 1 && classes.count() == 112);
    TrainingExample everything = x.extract(target, BatGroup.SIDECHAIN, all);
    assertEquals(cgNear + othersNear, everything.particleCount(), "all decoded: plus every other residue's side-chain atoms");
    TrainingExample some = x.extract(target, BatGroup.SIDECHAIN, new int[] {target - 1, target + 1});
    assertTrue(some.particleCount() > none.particleCount() && some.particleCount() < everything.particleCount());
  }

  private static int near(double x, double y, double z, double[] bead) {
    double dx = x - bead[0], dy = y - bead[1], dz = z - bead[2];
    return dx * dx + dy * dy + dz * dz < ExampleExtractor.CUTOFF * ExampleExtractor.CUTOFF ? 1 : 0;
  }
}
