package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.NonbondedParameters;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;

/** The vacuum nonbonded term with a cutoff: its limit, its definition pair by pair, and its gradient. */
class CutoffNonbondedTermTest {
  private static final Structure BPTI = StructureReader.read(OpenMmOracle.structure("bpti"));
  private static final ForceFieldSystem SYSTEM = SystemBuilder.build(BPTI);

  private static double[] positions() {
    return SystemBuilder.positionsNm(BPTI);
  }

  private static double[] perturbed(long seed, double sd) {
    double[] x = positions();
    Random rng = new Random(seed);
    for (int k = 0; k < x.length; k++) {
      x[k] += sd * rng.nextGaussian();
    }
    return x;
  }

  private static EnergyBreakdown evaluate(EnergyTerm term, double[] x, double[] f, ParallelLoop loop) {
    EnergyBreakdown e = new EnergyBreakdown();
    term.compute(x, f, e, loop);
    return e;
  }

  @Test
  void aCutoffBeyondTheProteinGivesTheNoCutoffTerm() {
    double[] x = positions();
    double[] f0 = new double[x.length];
    double[] f1 = new double[x.length];
    EnergyBreakdown plain = evaluate(new NonbondedTerm(SYSTEM.nonbonded()), x, f0, ParallelLoop.sequential());
    EnergyBreakdown cut = evaluate(new CutoffNonbondedTerm(SYSTEM.nonbonded(), 1e12, 0.1), x, f1, ParallelLoop.sequential());
    for (EnergyComponent c : new EnergyComponent[] {EnergyComponent.LENNARD_JONES, EnergyComponent.COULOMB}) {
      assertEquals(plain.get(c), cut.get(c), 1e-9 * Math.abs(plain.get(c)), c.key());
    }
    double largest = 0;
    for (double v : f0) {
      largest = Math.max(largest, Math.abs(v));
    }
    for (int k = 0; k < x.length; k++) {
      assertEquals(f0[k], f1[k], 1e-9 * largest, "force component " + k);
    }
  }

  @Test
  void theVacuumEnergyWithAHugeCutoffEqualsTheVacuumEnergyWithout() {
    double[] x = perturbed(3, 0.005);
    EnergyEvaluation plain = ForceFieldEnergy.vacuum(SYSTEM, 1).evaluate(x);
    EnergyEvaluation cut = ForceFieldEnergy.vacuum(SYSTEM, 2, 1e12).evaluate(x);
    assertEquals(plain.total(), cut.total(), 1e-9 * Math.abs(plain.total()));
    assertEquals(0, plain.energies().get(EnergyComponent.GB_POLAR));
    assertEquals(plain.energies().get(EnergyComponent.BOND), ForceFieldEnergy.of(SYSTEM, 1).evaluate(x).energies().get(EnergyComponent.BOND), 1e-9);
  }

  /**
   * A structure written by {@code backmap prepare}, against OpenMM 7.7's {@code NonbondedForce} with
   * {@code CutoffNonPeriodic} at 1.0 nm and with {@code NoCutoff} ({@code src/test/python/prepare_reference.py}).
   */
  @Test
  void theVacuumEnergiesEqualOpenMms() throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/pdb/prepare");
    com.fasterxml.jackson.databind.JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("openmm-minimized.json").toFile()).get("prepared").get("1bbo-prepared.pdb");
    Structure s = StructureReader.read(dir.resolve("1bbo-prepared.pdb"));
    ForceFieldSystem system = SystemBuilder.build(s);
    double[] x = SystemBuilder.positionsNm(s);
    double cut = ForceFieldEnergy.vacuum(system, 1, 1.0).energy(x);
    double plain = ForceFieldEnergy.vacuum(system, 1).energy(x);
    assertEquals(ref.get("cutoff").asDouble(), cut, 1e-9 * Math.abs(cut));
    assertEquals(ref.get("nocutoff").asDouble(), plain, 1e-9 * Math.abs(cut));
  }

  @Test
  void everyPairWithinTheCutoffCountsAsDefined() {
    double cutoff = 1.0;
    double[] x = perturbed(5, 0.01);
    double[] f = new double[x.length];
    CutoffNonbondedTerm term = new CutoffNonbondedTerm(SYSTEM.nonbonded(), cutoff, 0.1);
    EnergyBreakdown e = evaluate(term, x, f, ParallelLoop.of(2));
    double[] expected = bruteForce(SYSTEM.nonbonded(), x, cutoff);
    assertEquals(expected[0], e.get(EnergyComponent.LENNARD_JONES), 1e-9 * Math.abs(expected[0]));
    assertEquals(expected[1], e.get(EnergyComponent.COULOMB), 1e-9 * Math.abs(expected[1]));
  }

  @Test
  void forcesAreMinusTheGradient() {
    double[] x = perturbed(11, 0.01);
    ForceFieldEnergy energy = ForceFieldEnergy.vacuum(SYSTEM, 1, 1.0);
    double[] f = new double[x.length];
    energy.evaluate(x, f);
    Random rng = new Random(13);
    double step = 1e-6;
    for (int trial = 0; trial < 80; trial++) {
      int k = rng.nextInt(x.length);
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[k] += step;
      xm[k] -= step;
      double numeric = -(energy.energy(xp) - energy.energy(xm)) / (2 * step);
      assertEquals(numeric, f[k], 1e-5 * Math.max(1, Math.abs(f[k])) + 2e-3, "coordinate " + k);
    }
  }

  @Test
  void theListIsRebuiltWhenAtomsMoveFarAndStaysCorrect() {
    CutoffNonbondedTerm term = new CutoffNonbondedTerm(SYSTEM.nonbonded(), 1.0, 0.1);
    double[] x = positions();
    evaluate(term, x, new double[x.length], ParallelLoop.sequential());
    double[] small = x.clone();
    small[0] += 0.04;
    evaluate(term, small, new double[x.length], ParallelLoop.sequential());
    assertEquals(1, term.neighbourListBuilds());
    double[] far = perturbed(19, 0.05);
    double[] f = new double[x.length];
    EnergyBreakdown e = evaluate(term, far, f, ParallelLoop.sequential());
    assertEquals(2, term.neighbourListBuilds());
    double[] fresh = new double[x.length];
    EnergyBreakdown expected = evaluate(new CutoffNonbondedTerm(SYSTEM.nonbonded(), 1.0, 0.1), far, fresh, ParallelLoop.sequential());
    assertEquals(expected.total(), e.total(), 0);
    assertTrue(java.util.Arrays.equals(fresh, f));
  }

  /** The energy of the class description, over all pairs, straight from the parameters. */
  private static double[] bruteForce(NonbondedParameters p, double[] x, double rc) {
    double ke = NonbondedTerm.ONE_4PI_EPS0;
    double eps = CutoffNonbondedTerm.REACTION_FIELD_DIELECTRIC;
    double kRf = (eps - 1) / ((2 * eps + 1) * rc * rc * rc);
    double cRf = 3 * eps / ((2 * eps + 1) * rc);
    double lj = 0, coulomb = 0;
    int n = p.count();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (java.util.Arrays.binarySearch(p.excludedAbove()[i], j) >= 0) {
          continue;
        }
        double r = Math.sqrt(sq(x[3 * i] - x[3 * j]) + sq(x[3 * i + 1] - x[3 * j + 1]) + sq(x[3 * i + 2] - x[3 * j + 2]));
        if (r >= rc) {
          continue;
        }
        double sigma = 0.5 * (p.sigma()[i] + p.sigma()[j]);
        double epsilon = Math.sqrt(p.epsilon()[i] * p.epsilon()[j]);
        lj += 4 * epsilon * (Math.pow(sigma / r, 12) - Math.pow(sigma / r, 6));
        coulomb += ke * p.charges()[i] * p.charges()[j] * (1 / r + kRf * r * r - cRf);
      }
    }
    for (int q = 0; q < p.pair14Count(); q++) {
      int i = p.pair14Atoms()[2 * q], j = p.pair14Atoms()[2 * q + 1];
      double r = Math.sqrt(sq(x[3 * i] - x[3 * j]) + sq(x[3 * i + 1] - x[3 * j + 1]) + sq(x[3 * i + 2] - x[3 * j + 2]));
      double s = p.pair14Sigma()[q] / r;
      lj += 4 * p.pair14Epsilon()[q] * (Math.pow(s, 12) - Math.pow(s, 6));
      coulomb += ke * p.pair14ChargeProduct()[q] / r;
    }
    return new double[] {lj, coulomb};
  }

  private static double sq(double v) {
    return v * v;
  }
}
