package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Precision#MIXED} against {@link Precision#DOUBLE}: every term within 1e-5 relative and the forces within
 * 1e-4 relative RMS (the tolerances of {@link ForceFieldEnergyOpenMmTest}), on chignolin and T4 lysozyme; the
 * energy-only and many-configuration paths give the same energies as {@link ForceFieldEnergy#evaluate}.
 */
class MixedPrecisionTest {
  private static final ForceFieldSystem CHIGNOLIN_SYSTEM;
  private static final double[] CHIGNOLIN_X;

  static {
    Structure s = StructureReader.read(OpenMmOracle.structure("1UAO"));
    CHIGNOLIN_SYSTEM = SystemBuilder.build(s);
    CHIGNOLIN_X = SystemBuilder.positionsNm(s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1UAO", "lysozyme-implicit"})
  void everyTermAndTheForcesMatchDouble(String name) {
    Structure s = StructureReader.read(OpenMmOracle.structure(name));
    ForceFieldSystem system = SystemBuilder.build(s);
    double[] x = SystemBuilder.positionsNm(s);
    double[] fd = new double[x.length], fm = new double[x.length];
    EnergyBreakdown ed = ForceFieldEnergy.of(system, 2, Precision.DOUBLE).evaluate(x, fd);
    EnergyBreakdown em = ForceFieldEnergy.of(system, 2, Precision.MIXED).evaluate(x, fm);
    StringBuilder report = new StringBuilder(name + " (" + system.atomCount() + " atoms), MIXED against DOUBLE\n");
    for (EnergyComponent c : EnergyComponent.values()) {
      report.append(String.format(Locale.ROOT, "  %-10s double %.9f mixed %.9f rel %.2e%n", c.key(), ed.get(c), em.get(c),
          Math.abs(em.get(c) - ed.get(c)) / Math.max(1e-300, Math.abs(ed.get(c)))));
    }
    double rms = relativeRms(fm, fd);
    report.append(String.format(Locale.ROOT, "  total rel %.2e, forces relative RMS %.2e%n",
        Math.abs(em.total() - ed.total()) / Math.abs(ed.total()), rms));
    System.out.print(report);
    for (EnergyComponent c : EnergyComponent.values()) {
      assertEquals(ed.get(c), em.get(c), ForceFieldEnergyOpenMmTest.RELATIVE * Math.abs(ed.get(c)), name + " " + c.key() + "\n" + report);
    }
    assertEquals(ed.total(), em.total(), ForceFieldEnergyOpenMmTest.RELATIVE * Math.abs(ed.total()), name + " total");
    assertTrue(rms < ForceFieldEnergyOpenMmTest.FORCE_RMS, name + " force relative RMS " + rms);
    // Reordering a pair's float32 products decides this: rounding q_i q_j on its own put Coulomb at 1.4e-6 and
    // GBn2 at 3.2e-6 on lysozyme (the same rounding repeated over every pair of two atom types).
    for (EnergyComponent c : new EnergyComponent[] {EnergyComponent.COULOMB, EnergyComponent.GB_POLAR}) {
      assertEquals(ed.get(c), em.get(c), 5e-7 * Math.abs(ed.get(c)), name + " " + c.key() + " to 5e-7\n" + report);
    }
  }

  @Test
  void energyOnlyEqualsTheEnergyOfAFullEvaluation() {
    for (Precision p : Precision.values()) {
      ForceFieldEnergy energy = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 2, p);
      EnergyBreakdown withForces = energy.evaluate(CHIGNOLIN_X, new double[CHIGNOLIN_X.length]);
      EnergyBreakdown only = energy.evaluate(CHIGNOLIN_X, null);
      for (EnergyComponent c : EnergyComponent.values()) {
        assertEquals(withForces.get(c), only.get(c), 0, p + " " + c.key());
      }
      assertEquals(withForces.total(), energy.energy(CHIGNOLIN_X), 0, p + " energy(x)");
    }
  }

  @Test
  void manyEnergiesEqualOneByOne() {
    double[][] configurations = perturbed(CHIGNOLIN_X, 5, 0.02, 11);
    ForceFieldEnergy two = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 2, Precision.MIXED);
    ForceFieldEnergy one = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 1, Precision.MIXED);
    double[] many = two.energies(configurations);
    EnergyBreakdown[] breakdowns = two.evaluateMany(configurations, null);
    assertEquals(configurations.length, many.length);
    for (int c = 0; c < configurations.length; c++) {
      // one configuration per thread, each with its pair loops in one chunk: the 1-thread result, bit for bit
      assertEquals(one.energy(configurations[c]), many[c], 0, "configuration " + c);
      assertEquals(many[c], breakdowns[c].total(), 0, "configuration " + c);
    }
    assertTrue(many[0] != many[1], "the configurations differ");
  }

  @Test
  void resultsDependOnlyOnTheChunking() {
    ForceFieldEnergy one = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 1, Precision.MIXED);
    ForceFieldEnergy three = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 3, Precision.MIXED);
    double[] f1 = new double[CHIGNOLIN_X.length], f1again = new double[CHIGNOLIN_X.length], f3 = new double[CHIGNOLIN_X.length];
    double e1 = one.evaluate(CHIGNOLIN_X, f1).total();
    assertEquals(e1, one.evaluate(CHIGNOLIN_X, f1again).total(), 0);
    assertArrayEquals(f1, f1again, 0);
    // three chunks add the same float32 pair values in another order, in float64
    double e3 = three.evaluate(CHIGNOLIN_X, f3).total();
    assertEquals(e1, e3, 1e-10 * Math.abs(e1));
    assertTrue(relativeRms(f3, f1) < 1e-12, "forces, 1 against 3 chunks");
  }

  @Test
  void anExcludedPairOnTopOfItsPartnerAddsNothing() {
    // atoms 0 and 1 (N and H1 of the N terminus) are bonded, so their pair is excluded
    double[] x = CHIGNOLIN_X.clone();
    System.arraycopy(x, 0, x, 3, 3);
    EnergyBreakdown ed = new EnergyBreakdown(), em = new EnergyBreakdown();
    double[] fd = new double[x.length], fm = new double[x.length];
    new NonbondedTerm(CHIGNOLIN_SYSTEM.nonbonded(), Precision.DOUBLE).compute(x, fd, ed, ParallelLoop.sequential());
    new NonbondedTerm(CHIGNOLIN_SYSTEM.nonbonded(), Precision.MIXED).compute(x, fm, em, ParallelLoop.sequential());
    for (EnergyComponent c : new EnergyComponent[] {EnergyComponent.LENNARD_JONES, EnergyComponent.COULOMB}) {
      assertTrue(Double.isFinite(em.get(c)), c.key());
      assertEquals(ed.get(c), em.get(c), 1e-5 * Math.abs(ed.get(c)), c.key());
    }
    assertTrue(relativeRms(fm, fd) < 1e-4, "forces");
  }

  @Test
  void dynamicsConservesEnergyWithMixedForces() {
    // velocity Verlet without constraints, 0.5 fs, from the structure with 300 K velocities: the total energy
    // drifts by discretisation only; float32 forces that were not the gradient of the energy would show up here
    ForceFieldEnergy energy = ForceFieldEnergy.of(CHIGNOLIN_SYSTEM, 1, Precision.MIXED);
    double[] m = CHIGNOLIN_SYSTEM.masses();
    double dt = 0.0005, kT = 0.0083144626 * 300;
    double[] x = CHIGNOLIN_X.clone(), v = new double[x.length], f = new double[x.length];
    Random random = new Random(3);
    for (int k = 0; k < x.length; k++) {
      v[k] = Math.sqrt(kT / m[k / 3]) * random.nextGaussian();
    }
    double u = energy.evaluate(x, f).total();
    double start = u + kinetic(v, m), worst = 0;
    for (int step = 0; step < 400; step++) {
      for (int k = 0; k < x.length; k++) {
        v[k] += 0.5 * dt * f[k] / m[k / 3];
        x[k] += dt * v[k];
      }
      u = energy.evaluate(x, f).total();
      for (int k = 0; k < x.length; k++) {
        v[k] += 0.5 * dt * f[k] / m[k / 3];
      }
      worst = Math.max(worst, Math.abs(u + kinetic(v, m) - start));
    }
    System.out.printf(Locale.ROOT, "chignolin MIXED, 400 steps of 0.5 fs: largest total-energy change %.3f kJ/mol (kinetic ~ %.0f)%n",
        worst, 0.5 * x.length * kT);
    assertTrue(worst < 5, "total energy changed by " + worst + " kJ/mol");
  }

  private static double kinetic(double[] v, double[] m) {
    double k = 0;
    for (int i = 0; i < v.length; i++) {
      k += 0.5 * m[i / 3] * v[i] * v[i];
    }
    return k;
  }

  static double[][] perturbed(double[] x, int count, double sd, long seed) {
    Random random = new Random(seed);
    double[][] out = new double[count][];
    for (int c = 0; c < count; c++) {
      out[c] = x.clone();
      for (int k = 0; k < x.length; k++) {
        out[c][k] += sd * random.nextGaussian();
      }
    }
    return out;
  }

  static double relativeRms(double[] actual, double[] expected) {
    double num = 0, den = 0;
    for (int k = 0; k < expected.length; k++) {
      num += (actual[k] - expected[k]) * (actual[k] - expected[k]);
      den += expected[k] * expected[k];
    }
    return Math.sqrt(num / den);
  }
}
