package org.backmap.md.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CellGridTest {
  @Test
  void findsExactlyThePointsABruteForceSearchFinds() {
    Random random = new Random(7);
    int n = 2000;
    double[] xyz = new double[3 * n];
    CellGrid grid = new CellGrid(1.2);
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < 3; d++) {
        // negative coordinates too, and a box small enough for many close pairs
        xyz[3 * i + d] = random.nextDouble() * 30 - 15;
      }
      assertEquals(i, grid.add(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]));
    }
    assertEquals(n, grid.size());
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      double range = i % 2 == 0 ? 1.2 : 0.7;
      List<Integer> expected = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        double dx = xyz[3 * i] - xyz[3 * j], dy = xyz[3 * i + 1] - xyz[3 * j + 1], dz = xyz[3 * i + 2] - xyz[3 * j + 2];
        if (Math.sqrt(dx * dx + dy * dy + dz * dz) < range) {
          expected.add(j);
        }
      }
      List<Integer> found = new ArrayList<>();
      grid.forEachWithin(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], range, (j, d) -> found.add(j));
      found.sort(null);
      assertEquals(expected, found, "point " + i);
      pairs += expected.size() - 1;
      assertEquals(0, grid.nearest(new double[] {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]}, range), "the point itself");
      assertEquals(range, grid.nearest(new double[] {xyz[3 * i] + 100, 0, 0}, range), "far from every point");
    }
    assertTrue(pairs > 200, "the test has close pairs: " + pairs);
  }

  @Test
  void aRangeBeyondTheCellIsRefused() {
    CellGrid grid = new CellGrid(1.0);
    assertThrows(IllegalArgumentException.class, () -> grid.forEachWithin(0, 0, 0, 1.5, (j, d) -> { }));
    assertThrows(IllegalArgumentException.class, () -> new CellGrid(0));
  }
}
