package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplicaExchangeTest {
  private static final double KB = LangevinMiddleIntegrator.BOLTZMANN;

  @Test
  void geometricLadderHasConstantRatios() {
    double[] t = ReplicaExchange.geometricLadder(300, 450, 6);
    assertEquals(300, t[0], 1e-12);
    assertEquals(450, t[5], 1e-9);
    double ratio = Math.pow(450.0 / 300.0, 1.0 / 5);
    for (int i = 1; i < 6; i++) {
      assertEquals(ratio, t[i] / t[i - 1], 1e-12);
    }
  }

  /** A toy replica whose whole configuration is one number; swaps exchange it and are counted. */
  private abstract static class ScalarReplica<R extends ScalarReplica<R>> implements Replica<R> {
    final double temperature;
    double state;
    long swaps;

    ScalarReplica(double temperature, double state) {
      this.temperature = temperature;
      this.state = state;
    }

    @Override
    public double temperature() {
      return temperature;
    }

    @Override
    public void swapConfigurations(R other) {
      double s = state;
      state = other.state;
      other.state = s;
      swaps++;
      other.swaps++;
    }
  }

  /**
   * A replica whose configuration is just an energy; every step returns it to its own energy, so each exchange
   * attempt sees the same gap.
   */
  private static final class FixedEnergyReplica extends ScalarReplica<FixedEnergyReplica> {
    private final double ownEnergy;

    FixedEnergyReplica(double temperature, double energy) {
      super(temperature, energy);
      this.ownEnergy = energy;
    }

    @Override
    public double potentialEnergy() {
      return state;
    }

    @Override
    public void step(int count) {
      state = ownEnergy;
    }
  }

  @Test
  void acceptanceFollowsTheMetropolisRuleForBothSignsOfTheGap() {
    double tLow = 300;
    double tHigh = 400;
    double dBeta = 1 / (KB * tLow) - 1 / (KB * tHigh);
    int attempts = 20_000;
    // delta = (beta_low - beta_high)(E_low - E_high): negative when the cold replica holds the higher energy
    for (double delta : new double[] {-4, -2, -1, -0.3, 0, 0.5, 3}) {
      double gap = delta / dBeta;
      FixedEnergyReplica cold = new FixedEnergyReplica(tLow, -50 + gap);
      FixedEnergyReplica hot = new FixedEnergyReplica(tHigh, -50);
      ReplicaExchange<FixedEnergyReplica> remd = new ReplicaExchange<>(List.of(cold, hot), 11, 1);
      // with two replicas only even rounds hold a pair
      for (int c = 0; c < 2 * attempts; c++) {
        remd.cycle(1);
      }
      double expected = Math.min(1, Math.exp(delta));
      double measured = remd.acceptance(0);
      double sigma = Math.sqrt(expected * (1 - expected) / attempts);
      System.out.printf(Locale.ROOT, "exchange delta %+.2f: accepted %.4f, min(1, exp(delta)) %.4f, sigma %.4f%n",
          delta, measured, expected, sigma);
      assertEquals(expected, measured, 5 * sigma, "delta " + delta);
      assertEquals(Math.round(measured * attempts), cold.swaps);
      assertEquals(cold.swaps, hot.swaps);
    }
  }

  /** A 1-D particle at {@code state} in {@code U(x) = h (x^2 - 1)^2}, sampled by random-walk Metropolis. */
  private static final class DoubleWellReplica extends ScalarReplica<DoubleWellReplica> {
    private final double barrier;
    private final double stepSize;
    private final SplittableRandom random;

    DoubleWellReplica(double temperature, double barrier, double stepSize, double x0, long seed) {
      super(temperature, x0);
      this.barrier = barrier;
      this.stepSize = stepSize;
      this.random = new SplittableRandom(seed);
    }

    static double energy(double x, double barrier) {
      double s = x * x - 1;
      return barrier * s * s;
    }

    @Override
    public double potentialEnergy() {
      return energy(state, barrier);
    }

    @Override
    public void step(int count) {
      double beta = 1 / (KB * temperature);
      for (int s = 0; s < count; s++) {
        double trial = state + stepSize * (2 * random.nextDouble() - 1);
        double dU = energy(trial, barrier) - energy(state, barrier);
        if (dU <= 0 || random.nextDouble() < Math.exp(-beta * dU)) {
          state = trial;
        }
      }
    }
  }

  @Test
  void eachReplicaSamplesTheBoltzmannDensityOfItsOwnTemperature() {
    double tLow = 300;
    double tHigh = 600;
    double h = 3 * KB * tLow;
    // both start in the left well: the right one is reached by crossing, at the cold temperature mostly by swaps
    List<DoubleWellReplica> replicas = List.of(new DoubleWellReplica(tLow, h, 0.6, -1, 1),
        new DoubleWellReplica(tHigh, h, 0.6, -1, 2));
    ReplicaExchange<DoubleWellReplica> remd = new ReplicaExchange<>(replicas, 3, 1);
    double lo = -2.2;
    double width = 0.2;
    int bins = 22;
    int batches = 40;
    int perBatch = 10_000;
    long[][][] counts = new long[2][batches][bins];
    remd.cycle(1000); // burn-in
    for (int b = 0; b < batches; b++) {
      for (int c = 0; c < perBatch; c++) {
        remd.cycle(5);
        for (int r = 0; r < 2; r++) {
          int bin = (int) Math.floor((replicas.get(r).state - lo) / width);
          assertTrue(bin >= 0 && bin < bins, "x = " + replicas.get(r).state);
          counts[r][b][bin]++;
        }
      }
    }
    double acceptance = remd.acceptance(0);
    int n = batches * perBatch;
    for (int r = 0; r < 2; r++) {
      double beta = 1 / (KB * replicas.get(r).temperature());
      double[] exact = boltzmannBinProbabilities(h, beta, lo, width, bins);
      double worstError = 0;
      double worstZ = 0;
      double chi2 = 0;
      for (int k = 0; k < bins; k++) {
        // Standard error from batch means (the chain is correlated), never below the independent-sample one.
        double mean = 0;
        double sq = 0;
        for (int b = 0; b < batches; b++) {
          double f = (double) counts[r][b][k] / perBatch;
          mean += f / batches;
          sq += f * f / batches;
        }
        double batchSe = Math.sqrt(Math.max(0, sq - mean * mean) / (batches - 1));
        double se = Math.max(batchSe, Math.sqrt(exact[k] * (1 - exact[k]) / n));
        double error = Math.abs(mean - exact[k]);
        worstError = Math.max(worstError, error);
        worstZ = Math.max(worstZ, error / se);
        chi2 += error * error / (se * se);
        assertTrue(error < 5 * se, String.format(Locale.ROOT, "replica %d bin %d: %.5f vs Boltzmann %.5f (se %.5f)",
            r, k, mean, exact[k], se));
      }
      System.out.printf(Locale.ROOT, "double well at %.0f K (h = %.1f kT): %d samples, max |p - p_Boltzmann| %.5f, "
          + "max z %.2f, chi2 %.1f on %d bins, exchange acceptance %.3f%n", replicas.get(r).temperature(),
          h * beta, n, worstError, worstZ, chi2, bins, acceptance);
    }
    // the swaps did mix the two chains
    assertTrue(acceptance > 0.2 && acceptance < 0.95, "acceptance " + acceptance);
  }

  /**
   * Replica exchange of real {@link LangevinMiddleIntegrator}s (one particle each, in the double well of
   * {@link ModelPotentials.DoubleWell}, barrier 4 kT at 300 K and 2 kT at 600 K): each replica's positions follow
   * the Boltzmann density of its own bath, and its kinetic temperature is that bath's, so swapped velocities were
   * rescaled. 400 independent two-replica ensembles, all started in the left well, give 4000 nearly independent
   * samples per temperature (10 snapshots 5 ps apart after 10 ps); chi-square at p = 1e-3.
   */
  @Test
  void langevinReplicasEachSampleTheirOwnTemperature() {
    double tLow = 300;
    double tHigh = 600;
    double h = 4 * KB * tLow;
    double a = 0.05;
    ModelPotentials.DoubleWell well = new ModelPotentials.DoubleWell(1, 12, h, a, 8 * h / (a * a));
    int ensembles = 400;
    List<ReplicaExchange<LangevinMiddleIntegrator>> all = new java.util.ArrayList<>();
    for (int e = 0; e < ensembles; e++) {
      all.add(new ReplicaExchange<>(List.of(
          new LangevinMiddleIntegrator(well, null, well.start(-a), tLow, 5, 0.004, 1000 + 2 * e),
          new LangevinMiddleIntegrator(well, null, well.start(-a), tHigh, 5, 0.004, 1001 + 2 * e)), e, 1));
    }
    int snapshots = 10;
    double[][] x = new double[2][snapshots * ensembles];
    double[] kinetic = new double[2];
    for (int round = 0; round < 100; round++) { // 10 ps: 25 steps (0.1 ps) between exchange attempts
      all.forEach(remd -> remd.cycle(25));
    }
    for (int s = 0; s < snapshots; s++) {
      for (int round = 0; round < 50; round++) {
        all.forEach(remd -> remd.cycle(25));
      }
      for (int e = 0; e < ensembles; e++) {
        for (int r = 0; r < 2; r++) {
          LangevinMiddleIntegrator md = all.get(e).replicas().get(r);
          x[r][s * ensembles + e] = md.positions()[0];
          kinetic[r] += md.kineticTemperature() / (snapshots * ensembles);
        }
      }
    }
    double acceptance = all.stream().mapToDouble(remd -> remd.acceptance(0)).average().orElseThrow();
    double lo = -2 * a, hi = 2 * a;
    for (int r = 0; r < 2; r++) {
      double t = r == 0 ? tLow : tHigh;
      double beta = 1 / (KB * t);
      double[] p = SamplingStatistics.binProbabilities(v -> Math.exp(-beta * well.energyX(v)), -3 * a, 3 * a, lo, hi, 30);
      double[] chi = SamplingStatistics.chiSquare(x[r], p, lo, hi);
      double right = java.util.Arrays.stream(x[r]).filter(v -> v > 0).count() / (double) x[r].length;
      // 4000 samples of 3 degrees of freedom: standard error of the kinetic temperature t sqrt(2 / 12000)
      double se = t * Math.sqrt(2.0 / (3 * x[r].length));
      System.out.printf(Locale.ROOT, "Langevin replica exchange, %.0f K replica (barrier %.1f kT): x chi2 %.1f on %.0f dof, p = %.3f;"
          + " right well %.3f (exact 0.5); kinetic temperature %.1f K (se %.1f); acceptance %.3f%n", t, h * beta, chi[0], chi[1],
          chi[2], right, kinetic[r], se, acceptance);
      assertTrue(chi[2] > 1e-3, "replica at " + t + " K: positions differ from Boltzmann, chi2 " + chi[0] + ", p " + chi[2]);
      assertEquals(t, kinetic[r], 4 * se, "kinetic temperature of the " + t + " K replica");
    }
    assertTrue(acceptance > 0.1 && acceptance < 0.95, "acceptance " + acceptance);
  }

  /** {@code P(bin k)} under {@code exp(-beta U)} by Simpson's rule, normalised over the whole line. */
  private static double[] boltzmannBinProbabilities(double h, double beta, double lo, double width, int bins) {
    double[] p = new double[bins];
    double total = simpson(h, beta, -4, 4, 8000);
    for (int k = 0; k < bins; k++) {
      p[k] = simpson(h, beta, lo + k * width, lo + (k + 1) * width, 200) / total;
    }
    return p;
  }

  private static double simpson(double h, double beta, double a, double b, int intervals) {
    double dx = (b - a) / intervals;
    double sum = 0;
    for (int i = 0; i <= intervals; i++) {
      double w = i == 0 || i == intervals ? 1 : i % 2 == 1 ? 4 : 2;
      sum += w * Math.exp(-beta * DoubleWellReplica.energy(a + i * dx, h));
    }
    return sum * dx / 3;
  }
}
