package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;

/** Forces are minus the gradient of the energy: central finite differences, per coordinate and along the force. */
class ForceFiniteDifferenceTest {
  private static final double STEP = 1e-6;

  private static ForceFieldEnergy chignolin(double[] x) {
    Structure s = StructureReader.read(OpenMmOracle.structure("1UAO"));
    ForceFieldSystem system = SystemBuilder.build(s);
    System.arraycopy(SystemBuilder.positionsNm(s), 0, x, 0, x.length);
    return ForceFieldEnergy.of(system, 1);
  }

  @Test
  void forceComponentsEqualMinusTheCentralDifference() {
    double[] x = new double[3 * 138];
    ForceFieldEnergy energy = chignolin(x);
    // Perturb so that restraints have non-zero force too.
    Random rng = new Random(7);
    double[] reference = x.clone();
    for (int k = 0; k < x.length; k++) {
      x[k] += 0.01 * rng.nextGaussian();
    }
    ForceFieldEnergy restrained = energy.withRestraints(new int[] {0, 5, 17, 60}, reference, 1000);
    double[] f = new double[x.length];
    restrained.evaluate(x, f);
    for (int trial = 0; trial < 60; trial++) {
      int k = rng.nextInt(x.length);
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[k] += STEP;
      xm[k] -= STEP;
      double numeric = -(restrained.energy(xp) - restrained.energy(xm)) / (2 * STEP);
      assertEquals(numeric, f[k], 1e-5 * Math.max(1, Math.abs(f[k])) + 2e-3, "coordinate " + k);
    }
  }

  @Test
  void energyChangesByForceTimesStepAlongTheForce() {
    double[] x = new double[3 * 138];
    ForceFieldEnergy energy = chignolin(x);
    double[] f = new double[x.length];
    energy.evaluate(x, f);
    double norm = 0;
    for (double v : f) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    double delta = 1e-5;
    double[] xp = x.clone();
    double[] xm = x.clone();
    for (int k = 0; k < x.length; k++) {
      xp[k] += delta * f[k] / norm;
      xm[k] -= delta * f[k] / norm;
    }
    // U(x + d F/|F|) - U(x - d F/|F|) = -2 d |F| + O(d^3)
    assertEquals(-2 * delta * norm, energy.energy(xp) - energy.energy(xm), 1e-6 * 2 * delta * norm);
  }

  @Test
  void threadCountDoesNotChangeTheResult() {
    double[] x = new double[3 * 138];
    ForceFieldEnergy one = chignolin(x);
    ForceFieldEnergy two = ForceFieldEnergy.of(one.system(), 2);
    double[] f1 = new double[x.length];
    double[] f2 = new double[x.length];
    double e1 = one.evaluate(x, f1).total();
    double e2 = two.evaluate(x, f2).total();
    assertEquals(e1, e2, 1e-9 * Math.abs(e1));
    for (int k = 0; k < x.length; k++) {
      assertEquals(f1[k], f2[k], 1e-9 * Math.max(1, Math.abs(f1[k])));
    }
    EnergyBreakdown[] many = two.evaluateMany(new double[][] {x, x.clone()}, null);
    assertEquals(e1, many[0].total(), 1e-9 * Math.abs(e1));
    assertEquals(e1, many[1].total(), 1e-9 * Math.abs(e1));
  }
}
