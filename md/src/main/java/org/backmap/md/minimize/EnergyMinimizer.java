package org.backmap.md.minimize;

import java.util.function.IntConsumer;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.LargestForce;

/**
 * Local energy minimization of a force-field system with {@link LbfgsMinimizer}: positions in nm, stop when
 * {@code |F| <= tolerance * max(1, |x|)} (kJ/mol/nm), the test OpenMM 7.7's {@code LocalEnergyMinimizer} applies.
 */
public final class EnergyMinimizer {
  /** OpenMM's default tolerance (kJ/mol/nm). */
  public static final double DEFAULT_TOLERANCE = 10;
  /** First trial displacement (nm) along the steepest-descent direction. */
  public static final double FIRST_STEP_NM = 0.01;

  private EnergyMinimizer() {}

  /**
   * Minimizes the energy from {@code x0} (nm, flat; not modified).
   *
   * @param maxIterations iteration limit, 0 for none
   * @param progress called after each iteration (may be {@code null})
   * @throws MinimizationDivergedException when the energy or a force is not finite, naming the iteration and
   *     the atom with the largest force
   */
  public static MinimizationResult minimize(ForceFieldEnergy energy, double[] x0, double tolerance, int maxIterations, IntConsumer progress) {
    double[][] lastGradient = new double[1][];
    Objective objective = (x, gradient) -> {
      double u = energy.evaluate(x, gradient).total();
      for (int k = 0; k < gradient.length; k++) {
        gradient[k] = -gradient[k];
      }
      lastGradient[0] = gradient;
      return u;
    };
    try {
      return new LbfgsMinimizer(LbfgsMinimizer.DEFAULT_MEMORY, FIRST_STEP_NM).minimize(objective, x0, tolerance, maxIterations, progress);
    } catch (MinimizationDivergedException e) {
      int atom = LargestForce.atom(lastGradient[0]);
      throw new MinimizationDivergedException("energy minimization became unstable at iteration " + e.iteration() + " (" + e.reason()
          + (atom < 0 ? "" : "; largest force on " + energy.system().atomLabel(atom)) + ")", e.iteration(), e.reason());
    }
  }
}
