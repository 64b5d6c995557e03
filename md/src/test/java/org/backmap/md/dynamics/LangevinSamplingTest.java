package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.backmap.md.dynamics.ModelPotentials.ConstantForce;
import org.backmap.md.dynamics.ModelPotentials.DoubleWell;
import org.backmap.md.dynamics.ModelPotentials.PulledDumbbell;
import org.junit.jupiter.api.Test;

/**
 * What {@link LangevinMiddleIntegrator} samples, against exact Boltzmann densities. Each model holds many
 * independent particles or molecules, so one run gives many independent samples: snapshots of all of them, taken
 * several relaxation times apart after a burn-in. Tests are deterministic (fixed seeds) and reject at
 * p = 1e-3: Pearson chi-square (bins with fewer than 5 expected counts left out) and one-sample
 * Kolmogorov-Smirnov with the asymptotic distribution (critical distance about 1.95 / sqrt(n)).
 *
 * <p>They fail for a broken integrator: with the noise amplitude {@code sqrt(kT (1 - a))} instead of
 * {@code sqrt(kT (1 - a^2))}, or with only one of the two half drifts, the double-well and dumbbell tests reject
 * at p below 1e-10 (checked by hand; see md/README.md, "Sampling tests").
 */
class LangevinSamplingTest {
  private static final double T = 300;
  private static final double KT = LangevinMiddleIntegrator.BOLTZMANN * T;
  private static final double P_LEVEL = 1e-3;

  @Test
  void startVelocitiesLagThePositionsByHalfAStepAsInOpenMm() {
    // same seed, same Maxwell-Boltzmann draws: the only difference is -(dt/2) F/m
    int n = 50;
    double dt = 0.002;
    double[] masses = new double[n];
    double[] force = new double[3 * n];
    SplittableRandom r = new SplittableRandom(5);
    for (int i = 0; i < n; i++) {
      masses[i] = 1 + 15 * r.nextDouble();
    }
    for (int k = 0; k < 3 * n; k++) {
      force[k] = 2000 * (r.nextDouble() - 0.5);
    }
    double[] x0 = new double[3 * n];
    LangevinMiddleIntegrator free = new LangevinMiddleIntegrator(new ConstantForce(masses, new double[3 * n]), null, x0, T, 1, dt, 9);
    LangevinMiddleIntegrator pushed = new LangevinMiddleIntegrator(new ConstantForce(masses, force), null, x0, T, 1, dt, 9);
    double worst = 0;
    for (int k = 0; k < 3 * n; k++) {
      double expected = free.velocities()[k] - 0.5 * dt * force[k] / masses[k / 3];
      worst = Math.max(worst, Math.abs(pushed.velocities()[k] - expected));
    }
    assertTrue(worst < 1e-12, "start velocities differ from v_MB - (dt/2) F/m by " + worst + " nm/ps");
  }

  @Test
  void doubleWellPositionsFollowTheBoltzmannDensity() {
    // 2000 particles, barrier 2 kT, wells at +-0.05 nm; omega dt = 0.15 at the minima (dt 4 fs, 12 Da)
    double h = 2 * KT;
    double a = 0.05;
    DoubleWell well = new DoubleWell(2000, 12, h, a, 8 * h / (a * a));
    double dt = 0.004;
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(well, null, well.start(-a), T, 5, dt, 17);
    int snapshots = 10;
    double[] xs = new double[snapshots * well.n()];
    double[] ys = new double[snapshots * well.n()];
    double kinetic = 0;
    md.step(2500); // 10 ps burn-in, all particles start in the left well
    for (int s = 0; s < snapshots; s++) {
      md.step(1250); // 5 ps between snapshots: several barrier crossings per particle
      for (int i = 0; i < well.n(); i++) {
        xs[s * well.n() + i] = md.positions()[3 * i];
        ys[s * well.n() + i] = md.positions()[3 * i + 1];
      }
      kinetic += md.kineticTemperature() / snapshots;
    }
    double beta = 1 / KT;
    double lo = -2 * a, hi = 2 * a;
    double[] px = SamplingStatistics.binProbabilities(x -> Math.exp(-beta * well.energyX(x)), -3 * a, 3 * a, lo, hi, 40);
    double[] chiX = SamplingStatistics.chiSquare(xs, px, lo, hi);
    double sdY = Math.sqrt(KT / well.k());
    double[] ksY = SamplingStatistics.kolmogorovSmirnov(ys, y -> normalCdf(y / sdY));
    double rightWell = java.util.Arrays.stream(xs).filter(x -> x > 0).count() / (double) xs.length;
    System.out.printf(Locale.ROOT, "double well (h = 2 kT, %d samples): x chi2 %.1f on %.0f dof, p = %.3f; y KS D = %.4f, p = %.3f;"
        + " right well %.4f (exact 0.5); kinetic temperature %.2f K%n", xs.length, chiX[0], chiX[1], chiX[2], ksY[0], ksY[1],
        rightWell, kinetic);
    assertTrue(chiX[2] > P_LEVEL, "double-well x histogram differs from Boltzmann: chi2 " + chiX[0] + ", p " + chiX[2]);
    assertTrue(ksY[1] > P_LEVEL, "harmonic y differs from Boltzmann: KS D " + ksY[0] + ", p " + ksY[1]);
    // 6000 coordinates: the mean kinetic temperature of 10 snapshots has a standard error near 300 * sqrt(2 / 60000) = 1.7 K
    assertEquals(T, kinetic, 7, "kinetic temperature");
  }

  @Test
  void constrainedDumbbellSamplesPositionAndOrientationExactly() {
    // beta * pull * length = 2: cos(theta) has density 2 exp(2c) / (e^2 - e^-2) on [-1, 1]
    double length = 0.1;
    double pull = 2 * KT / length;
    double kTether = 500;
    PulledDumbbell model = new PulledDumbbell(1000, 12, 16, kTether, pull, length);
    BondConstraints constraints = model.constraints();
    double dt = 0.004;
    LangevinMiddleIntegrator md = new LangevinMiddleIntegrator(model, constraints, model.start(), T, 5, dt, 23);
    int snapshots = 10;
    double[] cos = new double[snapshots * model.n()];
    double[] za = new double[snapshots * model.n()];
    double kinetic = 0, worstConstraint = 0, worstBondVelocity = 0;
    md.step(1250); // 5 ps burn-in
    for (int s = 0; s < snapshots; s++) {
      md.step(625); // 2.5 ps between snapshots, about ten relaxation times of the tether
      double[] x = md.positions(), v = md.velocities();
      for (int i = 0; i < model.n(); i++) {
        int a = 6 * i, b = a + 3;
        double dx = x[b] - x[a], dy = x[b + 1] - x[a + 1], dz = x[b + 2] - x[a + 2];
        double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
        cos[s * model.n() + i] = dz / r;
        za[s * model.n() + i] = x[a + 2];
        double along = ((v[b] - v[a]) * dx + (v[b + 1] - v[a + 1]) * dy + (v[b + 2] - v[a + 2]) * dz) / r;
        worstBondVelocity = Math.max(worstBondVelocity, Math.abs(along));
      }
      worstConstraint = Math.max(worstConstraint, constraints.maxRelativeError(x));
      kinetic += md.kineticTemperature() / snapshots;
    }
    double c0 = pull * length / KT;
    double[] ksCos = SamplingStatistics.kolmogorovSmirnov(cos, c -> (Math.exp(c0 * c) - Math.exp(-c0)) / (Math.exp(c0) - Math.exp(-c0)));
    double mean = pull / kTether, sd = Math.sqrt(KT / kTether);
    double[] pz = SamplingStatistics.binProbabilities(z -> Math.exp(-0.5 * (z - mean) * (z - mean) / (sd * sd)),
        mean - 8 * sd, mean + 8 * sd, mean - 3 * sd, mean + 3 * sd, 30);
    double[] chiZ = SamplingStatistics.chiSquare(za, pz, mean - 3 * sd, mean + 3 * sd);
    double meanCos = java.util.Arrays.stream(cos).average().orElseThrow();
    double exactMeanCos = 1 / Math.tanh(c0) - 1 / c0;
    System.out.printf(Locale.ROOT, "dumbbell (%d samples): cos(theta) KS D = %.4f, p = %.3f, mean %.4f (exact %.4f); z_A chi2 %.1f on"
        + " %.0f dof, p = %.3f; kinetic temperature (5 dof per molecule) %.2f K; constraint error %.1e; largest |v_rel . u| %.2e nm/ps%n",
        cos.length, ksCos[0], ksCos[1], meanCos, exactMeanCos, chiZ[0], chiZ[1], chiZ[2], kinetic, worstConstraint, worstBondVelocity);
    assertTrue(ksCos[1] > P_LEVEL, "orientation differs from Boltzmann: KS D " + ksCos[0] + ", p " + ksCos[1]);
    assertTrue(chiZ[2] > P_LEVEL, "tethered atom differs from Boltzmann: chi2 " + chiZ[0] + ", p " + chiZ[2]);
    assertEquals(T, kinetic, 7, "kinetic temperature with one constraint per molecule");
    assertTrue(worstConstraint < 1e-6, "constraint error " + worstConstraint);
  }

  /** Standard normal CDF, through erfc's continued fraction-free Chebyshev fit (Numerical Recipes erfcc, |error| < 1.2e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * x);
    double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
  }
}
