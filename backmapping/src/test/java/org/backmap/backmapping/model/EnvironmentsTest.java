package org.backmap.backmapping.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EnvironmentsTest {

  @Test
  void frameOfGivesTheBeadInTheRootsFrame() {
    // roots on the axes: r1 at the origin, r2 along +x, r0 in the xy plane at positive y
    double[] roots = {0.5, 1.5, 0, 0, 0, 0, 1.5, 0, 0};
    double[] bead = {2.0, -0.7, 0.9};
    double[] f = new double[3];
    Environments.frameOf(roots, 0, bead, 0, f);
    assertEquals(0.5, f[0], 1e-12);
    assertEquals(-0.7, f[1], 1e-12);
    assertEquals(0.9, f[2], 1e-12);
  }

  @Test
  void frameOfIsInvariantToRigidMotionsAndFlipsUnderReflection() {
    Random random = new Random(3);
    for (int trial = 0; trial < 50; trial++) {
      double[] pts = new double[12];
      for (int i = 0; i < 12; i++) {
        pts[i] = 3 * random.nextGaussian();
      }
      double[] f = new double[3];
      Environments.frameOf(pts, 0, pts, 9, f);
      double[][] rot = randomRotation(random);
      double[] shift = {random.nextGaussian() * 10, random.nextGaussian() * 10, random.nextGaussian() * 10};
      double[] moved = new double[12];
      double[] mirrored = new double[12];
      for (int p = 0; p < 4; p++) {
        for (int c = 0; c < 3; c++) {
          double v = shift[c];
          for (int k = 0; k < 3; k++) {
            v += rot[c][k] * pts[3 * p + k];
          }
          moved[3 * p + c] = v;
        }
        mirrored[3 * p] = -pts[3 * p];
        mirrored[3 * p + 1] = pts[3 * p + 1];
        mirrored[3 * p + 2] = pts[3 * p + 2];
      }
      double[] g = new double[3];
      Environments.frameOf(moved, 0, moved, 9, g);
      double[] h = new double[3];
      Environments.frameOf(mirrored, 0, mirrored, 9, h);
      for (int c = 0; c < 3; c++) {
        assertEquals(f[c], g[c], 1e-9 * (1 + Math.abs(f[c])));
      }
      assertEquals(f[0], h[0], 1e-9 * (1 + Math.abs(f[0])));
      assertEquals(f[1], h[1], 1e-9 * (1 + Math.abs(f[1])));
      assertEquals(-f[2], h[2], 1e-9 * (1 + Math.abs(f[2])));
    }
  }

  @Test
  void frameOfRejectsDegenerateRoots() {
    double[] out = new double[3];
    assertThrows(IllegalArgumentException.class,
        () -> Environments.frameOf(new double[9], 0, new double[] {1, 2, 3}, 0, out));
    assertThrows(IllegalArgumentException.class,
        () -> Environments.frameOf(new double[] {2, 0, 0, 0, 0, 0, 1, 0, 0}, 0, new double[3], 0, out));
    assertThrows(IllegalArgumentException.class,
        () -> Environments.frameOf(new double[] {0, 1, 0, 0, 0, 0, 1, 0, 0}, 0, new double[] {Double.NaN, 0, 0}, 0,
            out));
  }

  private static double[][] randomRotation(Random random) {
    double[] q = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
    double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    double w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
    return new double[][] {
        {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
        {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
        {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)}};
  }
}
