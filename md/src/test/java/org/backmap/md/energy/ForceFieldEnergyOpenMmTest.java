package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every energy term and the total force agree with OpenMM 7.7 (Reference platform, float64) on real proteins:
 * chignolin (138 atoms), the 25-residue NMR peptide 1T2Y, crambin 1AB1 and BPTI (disulfides), CASP target T0922 and T4
 * lysozyme (2603 atoms), in both {@link Precision}s (one OpenMM run per protein).
 */
class ForceFieldEnergyOpenMmTest {
  /** Relative tolerance of each term. */
  static final double RELATIVE = 1e-5;
  /** Absolute tolerance (kJ/mol) for terms near zero. */
  static final double ABSOLUTE = 1e-3;
  /** Relative RMS tolerance of the forces. */
  static final double FORCE_RMS = 1e-4;

  private static final Map<String, JsonNode> REFERENCES = new ConcurrentHashMap<>();

  static Stream<Arguments> cases() {
    return Stream.of("1UAO", "1T2Y", "1ab1_A", "bpti", "T0922", "lysozyme-implicit")
        .flatMap(name -> Stream.of(Precision.values()).map(p -> Arguments.of(name, p)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyTermAndTheForcesMatchOpenMm(String name, Precision precision) {
    Structure s = StructureReader.read(OpenMmOracle.structure(name));
    ForceFieldSystem system = SystemBuilder.build(s);
    double[] x = SystemBuilder.positionsNm(s);
    double[] forces = new double[x.length];
    EnergyBreakdown e = ForceFieldEnergy.of(system, 2, precision).evaluate(x, forces);
    JsonNode ref = REFERENCES.computeIfAbsent(name, k -> OpenMmOracle.run("energy", OpenMmOracle.structure(k).toString()));
    StringBuilder report = new StringBuilder(name + " (" + system.atomCount() + " atoms), " + precision + "\n");
    for (EnergyComponent c : EnergyComponent.values()) {
      if (c == EnergyComponent.RESTRAINT) {
        continue;
      }
      double expected = ref.get(c.key()).asDouble();
      report.append(String.format(Locale.ROOT, "  %-10s ours %.9f openmm %.9f rel %.2e%n", c.key(), e.get(c), expected,
          Math.abs(e.get(c) - expected) / Math.abs(expected)));
    }
    double[] expectedForces = OpenMmOracle.flat(ref.get("forces"));
    double num = 0, den = 0;
    for (int k = 0; k < x.length; k++) {
      num += (forces[k] - expectedForces[k]) * (forces[k] - expectedForces[k]);
      den += expectedForces[k] * expectedForces[k];
    }
    double rms = Math.sqrt(num / den);
    report.append(String.format(Locale.ROOT, "  forces relative RMS %.2e%n", rms));
    System.out.print(report);
    for (EnergyComponent c : EnergyComponent.values()) {
      if (c == EnergyComponent.RESTRAINT) {
        continue;
      }
      double expected = ref.get(c.key()).asDouble();
      assertEquals(expected, e.get(c), Math.max(ABSOLUTE, RELATIVE * Math.abs(expected)), name + " " + precision + " " + c.key() + "\n" + report);
    }
    assertEquals(ref.get("total").asDouble(), e.total(), Math.max(ABSOLUTE, RELATIVE * Math.abs(ref.get("total").asDouble())), name + " " + precision + " total");
    assertTrue(rms < FORCE_RMS, name + " " + precision + " force relative RMS " + rms + "\n" + report);
  }
}
