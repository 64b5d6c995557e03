package org.backmap.md.prepare;

import java.util.Locale;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.protonation.ProtonationOptions;

/**
 * How each file is prepared.
 *
 * @param pH the pH of protonation (0..14)
 * @param minimize whether to minimise the vacuum energy
 * @param maxIterations L-BFGS iteration limit, at least 1
 * @param cutoffNm nonbonded cutoff (nm) of the vacuum energy, positive; {@link Double#POSITIVE_INFINITY} for none
 * @param tolerance force tolerance of the minimiser (kJ/mol/nm), OpenMM's rule
 */
public record PrepareSettings(double pH, boolean minimize, int maxIterations, double cutoffNm, double tolerance) {
  /** The reference method's iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 1000;
  /** Default nonbonded cutoff (nm). */
  public static final double DEFAULT_CUTOFF_NM = 1.0;

  public PrepareSettings {
    new ProtonationOptions(pH, java.util.Map.of()); // checks the pH
    if (maxIterations < 1) {
      throw new IllegalArgumentException("the iteration limit must be at least 1, got " + maxIterations);
    }
    if (!(cutoffNm > 0)) {
      throw new IllegalArgumentException("the cutoff must be positive, got " + cutoffNm + " nm");
    }
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("the tolerance must be positive and finite, got " + tolerance);
    }
  }

  /** pH 7, minimised, 1,000 iterations, 1.0 nm cutoff, tolerance 10 kJ/mol/nm. */
  public static PrepareSettings defaults() {
    return new PrepareSettings(ProtonationOptions.DEFAULT_PH, true, DEFAULT_MAX_ITERATIONS, DEFAULT_CUTOFF_NM, EnergyMinimizer.DEFAULT_TOLERANCE);
  }

  /** The same settings at pH {@code newPh}. */
  public PrepareSettings withPh(double newPh) {
    return new PrepareSettings(newPh, minimize, maxIterations, cutoffNm, tolerance);
  }

  /** The same settings with minimisation on or off. */
  public PrepareSettings withMinimize(boolean on) {
    return new PrepareSettings(pH, on, maxIterations, cutoffNm, tolerance);
  }

  /** The same settings with another iteration limit. */
  public PrepareSettings withMaxIterations(int limit) {
    return new PrepareSettings(pH, minimize, limit, cutoffNm, tolerance);
  }

  /** The same settings with another cutoff (nm). */
  public PrepareSettings withCutoffNm(double cutoff) {
    return new PrepareSettings(pH, minimize, maxIterations, cutoff, tolerance);
  }

  /**
   * The settings as one string; a manifest entry is reused only under the same key, so changing a setting
   * prepares every file again.
   */
  public String key() {
    return String.format(Locale.ROOT, "pH=%s minimize=%s maxIterations=%d cutoffNm=%s tolerance=%s", pH, minimize, maxIterations, cutoffNm, tolerance);
  }
}
