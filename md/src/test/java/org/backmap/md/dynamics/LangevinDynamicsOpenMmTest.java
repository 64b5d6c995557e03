package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.OpenMmOracle;
import org.backmap.md.energy.Precision;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Langevin dynamics of chignolin at 300 K (2 fs, bonds to hydrogen constrained, 1/ps): the mean kinetic
 * temperature is 300 +/- 5 K, constraints hold to 1e-6 relative, and the potential-energy distribution overlaps
 * that of an OpenMM run of the same length, with the pair loops in either {@link Precision}. The run length is
 * {@code -Dbackmap.md.picoseconds} (default 100 ps).
 *
 * <p>Overlap statistic: the overlapping coefficient {@code OVL = sum_b min(p_b, q_b)} of the two potential-energy
 * histograms on 40 common bins spanning both samples (1 for identical distributions, 0 for disjoint ones),
 * sampled every 0.1 ps after the first tenth of the run (equilibration from the minimized start).
 *
 * <p>The OpenMM run (CPU platform, same protocol, seed 1) takes minutes, so its output is committed:
 * {@code src/test/resources/energy/1UAO-md-openmm-100ps.json}, written by
 * {@code src/test/python/openmm_reference.py md src/test/resources/energy/1UAO.pdb 100 1}.
 */
class LangevinDynamicsOpenMmTest {
  static final double PICOSECONDS = Math.min(100, Double.parseDouble(System.getProperty("backmap.md.picoseconds", "100")));
  static final int STEPS_PER_SAMPLE = 50;
  static final double DT = 0.002;

  @ParameterizedTest
  @EnumSource(Precision.class)
  void chignolinAt300KMatchesOpenMm(Precision precision) {
    Structure s = StructureReader.read(OpenMmOracle.structure("1UAO"));
    ForceFieldSystem system = SystemBuilder.build(s);
    ForceFieldEnergy energy = ForceFieldEnergy.of(system, 1, precision);
    double[] x0 = EnergyMinimizer.minimize(energy, SystemBuilder.positionsNm(s), EnergyMinimizer.DEFAULT_TOLERANCE, 0, null).x();
    BondConstraints constraints = new BondConstraints(system.constraints().atoms(), system.constraints().length(), system.masses(), BondConstraints.DEFAULT_TOLERANCE);
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(energy, constraints, x0, 300, 1, DT, 2024);
    int samples = (int) Math.round(PICOSECONDS / (STEPS_PER_SAMPLE * DT));
    int skip = samples / 10;
    double[] potential = new double[samples - skip];
    double temperatureSum = 0, worstConstraint = 0;
    long t0 = System.nanoTime();
    for (int k = 0; k < samples; k++) {
      md.step(STEPS_PER_SAMPLE);
      worstConstraint = Math.max(worstConstraint, constraints.maxRelativeError(md.positions()));
      if (k >= skip) {
        potential[k - skip] = md.potential().total();
        temperatureSum += md.kineticTemperature();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double meanT = temperatureSum / (samples - skip);

    JsonNode ref = readReference();
    double[] refPotential = new double[samples - skip];
    double refT = 0;
    for (int k = skip; k < samples; k++) {
      refPotential[k - skip] = ref.get("potential").get(k).asDouble();
      refT += ref.get("temperature").get(k).asDouble();
    }
    refT /= samples - skip;
    double ovl = overlap(potential, refPotential, 40);
    System.out.printf(Locale.ROOT, "chignolin %s %.0f ps: %.1f s (%.1f ns/day); mean T %.2f K (OpenMM %.2f K); max constraint error %.2e;"
        + " potential mean %.1f sd %.1f (OpenMM %.1f sd %.1f); overlap %.3f%n",
        precision, PICOSECONDS, seconds, PICOSECONDS / 1000 / (seconds / 86400), meanT, refT, worstConstraint,
        mean(potential), sd(potential), mean(refPotential), sd(refPotential), ovl);
    assertEquals(300, meanT, 5, "mean kinetic temperature");
    assertTrue(worstConstraint < 1e-6, "constraint error " + worstConstraint);
    assertTrue(ovl > 0.5, "potential-energy overlap " + ovl);
  }

  private static JsonNode readReference() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(OpenMmOracle.STRUCTURES.resolve("1UAO-md-openmm-100ps.json").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Overlapping coefficient of two samples' histograms on {@code bins} common bins. */
  static double overlap(double[] a, double[] b, int bins) {
    double lo = Math.min(Arrays.stream(a).min().orElseThrow(), Arrays.stream(b).min().orElseThrow());
    double hi = Math.max(Arrays.stream(a).max().orElseThrow(), Arrays.stream(b).max().orElseThrow());
    double[] p = histogram(a, lo, hi, bins), q = histogram(b, lo, hi, bins);
    double s = 0;
    for (int i = 0; i < bins; i++) {
      s += Math.min(p[i], q[i]);
    }
    return s;
  }

  private static double[] histogram(double[] v, double lo, double hi, int bins) {
    double[] h = new double[bins];
    for (double x : v) {
      h[Math.min(bins - 1, (int) ((x - lo) / (hi - lo) * bins))] += 1.0 / v.length;
    }
    return h;
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  private static double sd(double[] v) {
    double m = mean(v);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
  }
}
