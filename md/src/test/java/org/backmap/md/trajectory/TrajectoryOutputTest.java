package org.backmap.md.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.md.TestData;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every trajectory format gives back exactly {@link TrajectoryOutput#rounding} of what was appended. */
class TrajectoryOutputTest {

  @Test
  void readersGetBackWhatAsWrittenSays(@TempDir Path dir) throws Exception {
    Structure s = StructureReader.read(TestData.corpus("1UAO.pdb"));
    double[] nm = SystemBuilder.positionsNm(s);
    double[][] frames = new double[2][];
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int k = 0; k < 2; k++) {
      frames[k] = new double[nm.length];
      for (int i = 0; i < nm.length; i++) {
        frames[k][i] = 10 * nm[i] + rng.nextDouble(-1, 1); // Angstrom, with digits beyond every format's precision
      }
    }
    for (String name : new String[] {"t.pdb", "t.cif", "t.dcd"}) {
      Path file = dir.resolve(name);
      double[][] expected = new double[2][];
      try (TrajectoryOutput out = TrajectoryOutput.open(file, s, "test")) {
        for (int k = 0; k < 2; k++) {
          expected[k] = java.util.Arrays.stream(frames[k]).map(TrajectoryOutput.rounding(file)).toArray();
          double[] x = new double[nm.length];
          for (int i = 0; i < x.length; i++) {
            x[i] = expected[k][i] / 10;
          }
          out.append(x);
        }
        out.finish();
      }
      for (int k = 0; k < 2; k++) {
        double[] back;
        if (name.endsWith(".dcd")) {
          try (DcdReader r = new DcdReader(file)) {
            back = new double[nm.length];
            for (int j = 0; j <= k; j++) {
              r.next(back);
            }
          }
          assertTrue(Files.exists(TrajectoryOutput.topologyFile(file)));
        } else {
          assertEquals(2, StructureReader.modelCount(file), name);
          back = SystemBuilder.positionsNm(StructureReader.read(file, k));
          for (int i = 0; i < back.length; i++) {
            back[i] *= 10;
          }
          for (int i = 0; i < back.length; i++) {
            back[i] = Math.round(back[i] * 1e4) / 1e4; // undo the nm round trip of the reader
          }
        }
        assertArrayEquals(expected[k], back, 1e-9, name + " frame " + k);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> TrajectoryOutput.open(dir.resolve("t.xyz"), s, "test"));
    assertThrows(IllegalArgumentException.class, () -> TrajectoryOutput.rounding(dir.resolve("t.xyz")));
  }
}
