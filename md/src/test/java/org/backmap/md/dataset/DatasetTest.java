package org.backmap.md.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backmap.md.TestData;
import org.backmap.md.bat.BatConverter;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  @Test
  void environmentIsTheNearestLabelledParticlesWithinTheCutoff() {
    Topology t = TestData.completed("bpti.pdb").topology();
    ExampleExtractor x = new ExampleExtractor(t);
    ParticleClasses classes = new ParticleClasses(lib);
    assertEquals(112, classes.count());
    List<Integer> targets = x.targets(BatGroup.SIDECHAIN);
    assertEquals(6, targets.stream().filter(i -> t.residues().get(i).template().residueName().equals("CYX")).count(), "CYX is a target");
    assertEquals(58, targets.size(), "58 residues");
    int target = targets.get(20);
    TrainingExample plain = x.extract(target, BatGroup.SIDECHAIN, Set.of());
    TrainingExample withNeighbours = x.extract(target, BatGroup.SIDECHAIN, Set.of(target - 1, target, target + 1));
    assertEquals(ZMatrix.of(lib, plain.template(), BatGroup.SIDECHAIN).size(), plain.bat().length);
    for (TrainingExample e : List.of(plain, withNeighbours)) {
      double last = 0;
      for (int k = 0; k < ExampleExtractor.ENVIRONMENT_SIZE; k++) {
        double r = Math.sqrt(sq(e.environment()[3 * k]) + sq(e.environment()[3 * k + 1]) + sq(e.environment()[3 * k + 2]));
        if (e.mask()[k] == 1) {
          assertTrue(r < ExampleExtractor.CUTOFF && r >= last - 1e-6, "sorted and inside the cutoff");
          last = r;
        } else {
          assertEquals(0, r);
        }
      }
    }
    // The bead itself is the nearest particle and carries its template's class.
    assertEquals(classes.ofBead(plain.template()), plain.labels()[0]);
    // Decoded neighbours add their side-chain atoms (the target's own never).
    int neighbourAtoms = 0;
    for (int d : new int[] {target - 1, target + 1}) {
      neighbourAtoms += (int) t.residues().get(d).residue().atoms().stream().filter(a -> !org.backmap.md.cg.CgMapper.KEPT.contains(a.name())).count();
    }
    assertTrue(withNeighbours.particleCount() > plain.particleCount());
    assertTrue(withNeighbours.particleCount() <= Math.min(150, plain.particleCount() + neighbourAtoms));
    assertThrows(IllegalArgumentException.class, () -> x.extract(targets.get(5), BatGroup.N_TERMINAL_HYDROGENS, Set.of()));
    TrainingExample nterm = x.extract(0, BatGroup.N_TERMINAL_HYDROGENS, Set.of());
    assertEquals(6, nterm.bat().length);
  }

  /** The roots and the BAT vector rebuild the group's atoms exactly, and a side chain's atoms give back its bead. */
  @Test
  void rootsAndBatRebuildTheAtomsAndTheBead() {
    Topology t = TestData.completed("bpti.pdb").topology();
    ExampleExtractor x = new ExampleExtractor(t);
    CgStructure cg = CgMapper.map(t, false);
    for (BatGroup g : BatGroup.values()) {
      for (int i : x.targets(g)) {
        TrainingExample e = x.extract(i, g, Set.of());
        ZMatrix z = ZMatrix.of(lib, e.template(), g);
        double[] want = new double[3 * (3 + z.placedCount())];
        z.gather(t.residues().get(i).residue(), want, 0);
        double[] got = new double[want.length];
        System.arraycopy(e.roots(), 0, got, 0, 9);
        BatConverter.toCartesian(z, e.bat(), 1, got);
        assertArrayEquals(want, got, 1e-9, e.template() + " " + g);
        if (g == BatGroup.SIDECHAIN) {
          assertArrayEquals(cg.residues().get(i).bead(), CgMapper.bead(lib, z, got, 0), 1e-9, e.template());
          assertArrayEquals(e.bead(), CgMapper.bead(lib, z, got, 0), 1e-9, e.template());
        }
      }
    }
  }

  @Test
  void writtenChunksStreamBackInAnyBatchSize(@TempDir Path dir) {
    Topology t = TestData.completed("T0902.pdb").topology();
    ExampleExtractor x = new ExampleExtractor(t);
    List<TrainingExample> lys = new ArrayList<>();
    for (int i : x.targets(BatGroup.SIDECHAIN)) {
      if (t.residues().get(i).template().name().equals("LEU")) {
        lys.add(x.extract(i, BatGroup.SIDECHAIN, Set.of(i - 1)));
      }
    }
    assertTrue(lys.size() > 20);
    Path file = dir.resolve("leu.bmds");
    try (DatasetWriter w = new DatasetWriter(file, "LEU", BatGroup.SIDECHAIN, lys.get(0).bat().length, 7)) {
      lys.forEach(w::write);
      assertThrows(IllegalArgumentException.class, () -> w.write(x.extract(x.targets(BatGroup.SIDECHAIN).stream()
          .filter(i -> t.residues().get(i).template().name().equals("ALA")).findFirst().orElseThrow(), BatGroup.SIDECHAIN, Set.of())));
    }
    for (int batchSize : new int[] {1, 5, 7, 64}) {
      int seen = 0;
      try (DatasetReader r = new DatasetReader(file, batchSize)) {
        assertEquals("LEU", r.template());
        assertEquals(112, r.classes());
        while (r.hasNext()) {
          ExampleBatch b = r.next();
          assertTrue(b.size() == batchSize || !r.hasNext());
          float[] oneHot = b.oneHot(112);
          for (int i = 0; i < b.size(); i++) {
            TrainingExample want = lys.get(seen + i);
            TrainingExample got = b.example(i);
            assertArrayEquals(want.bat(), got.bat(), 0);
            assertArrayEquals(want.bead(), got.bead(), 0);
            assertArrayEquals(want.roots(), got.roots(), 0);
            assertArrayEquals(want.environment(), got.environment(), 0);
            assertArrayEquals(want.labels(), got.labels());
            assertArrayEquals(want.mask(), got.mask());
            assertEquals(1f, oneHot[(i * 150) * 112 + want.labels()[0]]);
          }
          seen += b.size();
        }
      }
      assertEquals(lys.size(), seen, "batch size " + batchSize);
    }
  }

  /** A reader started at any chunk gives every example once: the file order rotated to that chunk. */
  @Test
  void aReaderStartedAtAChunkGivesTheFileRotated(@TempDir Path dir) {
    Topology t = TestData.completed("T0902.pdb").topology();
    ExampleExtractor x = new ExampleExtractor(t);
    List<TrainingExample> leu = new ArrayList<>();
    for (int i : x.targets(BatGroup.SIDECHAIN)) {
      if (t.residues().get(i).template().name().equals("LEU")) {
        leu.add(x.extract(i, BatGroup.SIDECHAIN, Set.of()));
      }
    }
    int n = leu.size();
    int chunks = (n + 6) / 7;
    Path file = dir.resolve("leu.bmds");
    try (DatasetWriter w = new DatasetWriter(file, "LEU", BatGroup.SIDECHAIN, leu.get(0).bat().length, 7)) {
      leu.forEach(w::write);
    }
    for (long start : new long[] {0, 1, chunks - 1, chunks, chunks + 2, 5L * chunks + 1}) {
      List<TrainingExample> got = new ArrayList<>();
      try (DatasetReader r = new DatasetReader(file, 5, start)) {
        while (r.hasNext()) {
          ExampleBatch b = r.next();
          for (int i = 0; i < b.size(); i++) {
            got.add(b.example(i));
          }
        }
      }
      assertEquals(n, got.size(), "start " + start);
      int first = (int) (start % chunks) * 7;
      for (int k = 0; k < n; k++) {
        assertArrayEquals(leu.get((first + k) % n).bat(), got.get(k).bat(), 0, "start " + start + ", example " + k);
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }
}
