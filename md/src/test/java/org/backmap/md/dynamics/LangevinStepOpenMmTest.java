package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.OpenMmOracle;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;

/**
 * {@link LangevinMiddleIntegrator} step for step against OpenMM 7.7's {@code LangevinMiddleIntegrator} (Reference
 * platform) on chignolin with bonds to hydrogen constrained. At 0 K the O step is {@code v <- exp(-gamma dt) v}
 * with no noise, so from the same positions and velocities the two engines must follow the same trajectory: this
 * checks the kick, the velocity constraint, both half drifts, the friction factor, SHAKE and the velocity correction
 * together. The start velocities are checked apart: what the force adds to the Maxwell-Boltzmann draw
 * ({@code -(dt/2) F/m}, projected on the constraints) against what OpenMM's {@code setVelocitiesToTemperature} adds.
 */
class LangevinStepOpenMmTest {
  private static final int STEPS = 20;
  private static final double DT = 0.002;

  @Test
  void deterministicStepsAndStartVelocitiesMatchOpenMm() throws IOException {
    Path pdb = OpenMmOracle.structure("1UAO");
    Structure s = StructureReader.read(pdb);
    ForceFieldSystem system = SystemBuilder.build(s);
    ForceFieldEnergy energy = ForceFieldEnergy.of(system, 1);
    // tighter than the default so that constraint tolerances do not blur the comparison (OpenMM side: 1e-10)
    BondConstraints constraints = new BondConstraints(system.constraints().atoms(), system.constraints().length(), system.masses(), 1e-12);
    // the unminimised structure: large forces make the start-velocity shift visible
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(energy, constraints, SystemBuilder.positionsNm(s), 0, 1, DT, 7);
    double[] x0 = md.positions().clone();
    double[] v0 = new double[x0.length];
    double[] mass = system.masses();
    for (int k = 0; k < v0.length; k++) {
      v0[k] = 1.5 * Math.sin(1.7 * k + 0.3) / Math.sqrt(mass[k / 3]);
    }
    md.restore(new IntegratorState(x0, v0, 0, 0, md.state().random()));
    Path in = Files.createTempFile("langevin-steps", ".json");
    JsonNode ref;
    try {
      new ObjectMapper().writeValue(in.toFile(), Map.of("positions", x0, "velocities", v0));
      ref = OpenMmOracle.run("steps", pdb.toString(), Integer.toString(STEPS), "1", in.toString());
    } finally {
      Files.deleteIfExists(in);
    }
    md.step(STEPS);
    double dx = maxDifference(md.positions(), ref.get("positions"));
    double dv = maxDifference(md.velocities(), ref.get("velocities"));

    // start velocities: the same draw with and without forces (same masses, seed and constraints)
    DynamicsPotential noForce = new DynamicsPotential() {
      @Override
      public double[] masses() {
        return system.masses();
      }

      @Override
      public EnergyBreakdown evaluate(double[] x, double[] forces) {
        java.util.Arrays.fill(forces, 0);
        return new EnergyBreakdown();
      }
    };
    double[] pushed = new LangevinMiddleIntegrator(energy, constraints, x0, 300, 1, DT, 7).velocities();
    double[] free = new LangevinMiddleIntegrator(noForce, constraints, x0, 300, 1, DT, 7).velocities();
    double[] shift = new double[pushed.length];
    double largestShift = 0;
    for (int k = 0; k < shift.length; k++) {
      shift[k] = pushed[k] - free[k];
      largestShift = Math.max(largestShift, Math.abs(ref.get("shift").get(k).asDouble()));
    }
    double dShift = maxDifference(shift, ref.get("shift"));
    System.out.printf(Locale.ROOT, "LangevinMiddle at 0 K, %d steps of chignolin vs OpenMM Reference: max |dx| %.2e nm, max |dv| %.2e nm/ps;"
        + " start-velocity shift (largest %.3f nm/ps) differs by %.2e nm/ps%n", STEPS, dx, dv, largestShift, dShift);
    assertTrue(dx < 1e-10, "positions differ from OpenMM by " + dx + " nm");
    assertTrue(dv < 1e-7, "velocities differ from OpenMM by " + dv + " nm/ps");
    assertTrue(largestShift > 0.1, "OpenMM's start-velocity shift is too small to test: " + largestShift);
    // OpenMM constrains the drawn velocities to 1e-5 only
    assertTrue(dShift < 1e-4, "start velocities: backmap's force shift differs from OpenMM's by " + dShift + " nm/ps");
  }

  private static double maxDifference(double[] mine, JsonNode theirs) {
    assertTrue(theirs.size() == mine.length, "OpenMM returned " + theirs.size() + " values, expected " + mine.length);
    double worst = 0;
    for (int k = 0; k < mine.length; k++) {
      worst = Math.max(worst, Math.abs(mine[k] - theirs.get(k).asDouble()));
    }
    return worst;
  }
}
