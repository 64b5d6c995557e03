package org.backmap.md.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.backmap.md.protein.PreparedProtein;
import org.junit.jupiter.api.Test;

/** Non-finite values stop a minimization with an error naming the iteration, never with NaN coordinates. */
class MinimizationDivergedTest {

  @Test
  void aNaNOnTheWayNamesTheIteration() {
    // (x - 10)^2, undefined beyond x = 3: reached after a few iterations from 0
    Objective f = (x, g) -> {
      g[0] = x[0] > 3 ? Double.NaN : 2 * (x[0] - 10);
      return x[0] > 3 ? Double.NaN : (x[0] - 10) * (x[0] - 10);
    };
    MinimizationDivergedException e = assertThrows(MinimizationDivergedException.class,
        () -> new LbfgsMinimizer(5, 0.5).minimize(f, new double[] {0}, 1e-9, 0, null));
    assertTrue(e.iteration() >= 1, e.getMessage());
    assertTrue(e.getMessage().contains("iteration " + e.iteration()), e.getMessage());
    assertEquals("non-finite energy", e.reason());
  }

  @Test
  void anInfiniteTrialIsAStepTooFar() {
    // a wall at x = 3 (+Infinity beyond): the line search backs off and converges to the minimum at 2
    Objective f = (x, g) -> {
      g[0] = 2 * (x[0] - 2);
      return x[0] > 3 ? Double.POSITIVE_INFINITY : (x[0] - 2) * (x[0] - 2);
    };
    MinimizationResult r = new LbfgsMinimizer(5, 10).minimize(f, new double[] {0}, 1e-8, 0, null);
    assertEquals(2, r.x()[0], 1e-6);
  }

  @Test
  void nanCoordinatesNameTheAtom() {
    PreparedProtein protein = PreparedProtein.read(Path.of(MinimizationDivergedTest.class.getResource("/energy/1UAO.pdb").getPath()));
    double[] x = protein.positionsNm();
    x[3 * 5 + 1] = Double.NaN;
    MinimizationDivergedException e = assertThrows(MinimizationDivergedException.class,
        () -> EnergyMinimizer.minimize(protein.energy(1), x, EnergyMinimizer.DEFAULT_TOLERANCE, 0, null));
    assertEquals(0, e.iteration());
    assertTrue(e.getMessage().startsWith("energy minimization became unstable at iteration 0 (non-finite energy; largest force on "),
        e.getMessage());
    assertTrue(Arrays.stream(x).filter(Double::isNaN).count() == 1);
  }
}
