package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backmap.md.protein.PreparedProtein;
import org.junit.jupiter.api.Test;

/** A step with a non-finite energy stops the integrator, naming the step and an atom. */
class DivergenceTest {

  @Test
  void aNonFiniteEnergyNamesTheStepAndTheAtom() throws Exception {
    PreparedProtein protein = PreparedProtein.read(Path.of(DivergenceTest.class.getResource("/energy/1UAO.pdb").toURI()));
    double[] x = protein.positionsNm();
    x[3 * 7] = Double.POSITIVE_INFINITY;
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(protein.energy(1), null, x, 300, 1, 0.002, 1);
    SimulationDivergedException e = assertThrows(SimulationDivergedException.class, () -> md.step(10));
    assertEquals(1, e.step());
    assertTrue(e.getMessage().startsWith("dynamics became unstable at step 1 (non-finite energy; largest force on A "), e.getMessage());
  }
}
