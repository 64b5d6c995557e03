package org.backmap.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.OpenMmOracle;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Minimized energies agree with OpenMM's LocalEnergyMinimizer from the same start (within 1 %). */
class EnergyMinimizerOpenMmTest {

  @ParameterizedTest
  @ValueSource(strings = {"1UAO", "1T2Y", "bpti"})
  void minimizedEnergyIsWithinOnePercentOfOpenMm(String name) {
    Structure s = StructureReader.read(OpenMmOracle.structure(name));
    ForceFieldEnergy energy = ForceFieldEnergy.of(SystemBuilder.build(s), 2);
    double[] x0 = SystemBuilder.positionsNm(s);
    long t0 = System.nanoTime();
    MinimizationResult r = EnergyMinimizer.minimize(energy, x0, EnergyMinimizer.DEFAULT_TOLERANCE, 0, null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    JsonNode ref = OpenMmOracle.run("minimize", OpenMmOracle.structure(name).toString(), "10", "0");
    double expected = ref.get("final").asDouble();
    System.out.printf(Locale.ROOT, "%s: start %.3f, ours %.3f (%d iterations, %d evaluations, rms force %.3f, %.2f s), openmm %.3f, diff %.3f %%%n",
        name, ref.get("start").asDouble(), r.value(), r.iterations(), r.evaluations(), r.rmsGradient(), seconds, expected,
        100 * (r.value() - expected) / Math.abs(expected));
    assertTrue(r.converged(), "not converged: rms force " + r.rmsGradient());
    assertEquals(ref.get("start").asDouble(), energy.energy(x0), 1e-6 * Math.abs(expected));
    assertEquals(expected, r.value(), 0.01 * Math.abs(expected));
    assertEquals(r.value(), energy.energy(r.x()), 1e-9 * Math.abs(expected));
  }

  @Test
  void findsTheMinimumOfTheRosenbrockFunction() {
    Objective rosenbrock = (x, g) -> {
      double a = 1 - x[0], b = x[1] - x[0] * x[0];
      g[0] = -2 * a - 400 * x[0] * b;
      g[1] = 200 * b;
      return a * a + 100 * b * b;
    };
    MinimizationResult r = new LbfgsMinimizer(5, 0.1).minimize(rosenbrock, new double[] {-1.2, 1}, 1e-10, 1000, null);
    assertTrue(r.converged());
    assertEquals(1, r.x()[0], 1e-8);
    assertEquals(1, r.x()[1], 1e-8);
  }
}
