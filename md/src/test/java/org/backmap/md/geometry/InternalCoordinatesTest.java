package org.backmap.md.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InternalCoordinatesTest {
  @Test
  void placeIsTheInverseOfMeasuring() {
    Random rng = new Random(7);
    for (int trial = 0; trial < 1000; trial++) {
      double[] xyz = new double[12];
      for (int i = 0; i < 9; i++) {
        xyz[i] = 3 * rng.nextGaussian();
      }
      double b = 0.5 + 2 * rng.nextDouble();
      double theta = 0.05 + (Math.PI - 0.1) * rng.nextDouble();
      double phi = -Math.PI + 2 * Math.PI * rng.nextDouble();
      InternalCoordinates.place(xyz, 9, 6, 3, 0, b, theta, phi);
      assertEquals(b, InternalCoordinates.distance(xyz, 9, 6), 1e-12);
      assertEquals(theta, InternalCoordinates.angle(xyz, 9, 6, 3), 1e-10);
      assertEquals(0, InternalCoordinates.wrap(phi - InternalCoordinates.torsion(xyz, 9, 6, 3, 0)), 1e-10);
    }
  }

  @Test
  void torsionFollowsTheIupacSign() {
    // a on +x, b at origin, c on +z, d on +y: looking along b->c (+z), x turns clockwise onto y => +90 degrees.
    double[] xyz = {1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1};
    assertEquals(Math.PI / 2, InternalCoordinates.torsion(xyz, 0, 3, 6, 9), 1e-12);
    assertEquals(Math.PI / 2, InternalCoordinates.angle(xyz, 0, 3, 6), 1e-12);
  }

  @Test
  void wrapMapsIntoTheHalfOpenInterval() {
    assertEquals(Math.PI, InternalCoordinates.wrap(-Math.PI), 1e-15);
    assertEquals(Math.PI, InternalCoordinates.wrap(3 * Math.PI), 1e-12);
    assertEquals(-Math.PI / 2, InternalCoordinates.wrap(3 * Math.PI / 2), 1e-12);
  }
}
