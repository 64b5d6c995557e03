package org.backmap.flows.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradCheck;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each family: density integrates to one, samples follow the density (chi-square), gradients are exact. */
class DistributionTest {

  record Case(String name, Function<Tensor[], Distribution> make, double[] params, double lo, double hi) {
    @Override
    public String toString() {
      return name;
    }

    Distribution build() {
      Tensor[] p = new Tensor[params.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = Tensor.scalar(params[i], DType.F64);
      }
      return make.apply(p);
    }
  }

  static Case[] cases() {
    return new Case[] {
      new Case("normal", p -> new Normal(p[0], p[1]), new double[] {0.4, 0.7}, -8, 8),
      new Case("laplace", p -> new Laplace(p[0], p[1]), new double[] {-0.3, 0.5}, -20, 20),
      new Case("uniform", p -> new Uniform(p[0], p[1]), new double[] {-1.0, 2.5}, -1, 2.5),
      new Case("vonMises k=1e-6", p -> new VonMises(p[0], p[1]), new double[] {1.0, 1e-6}, -Math.PI, Math.PI),
      new Case("vonMises k=0.5", p -> new VonMises(p[0], p[1]), new double[] {2.9, 0.5}, -Math.PI, Math.PI),
      new Case("vonMises k=8", p -> new VonMises(p[0], p[1]), new double[] {-3.0, 8}, -Math.PI, Math.PI),
      new Case("vonMises k=1e4", p -> new VonMises(p[0], p[1]), new double[] {0.2, 1e4}, -Math.PI, Math.PI),
    };
  }

  private static double[] density(Distribution d, double[] x) {
    return d.logProb(Tensor.of(x, x.length)).exp().toDoubleArray();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void densityIntegratesToOne(Case c) {
    int n = 400_001;
    double h = (c.hi() - c.lo()) / (n - 1);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = c.lo() + i * h;
    }
    double[] p = density(c.build(), x);
    double integral = 0;
    for (int i = 0; i < n - 1; i++) {
      integral += 0.5 * (p[i] + p[i + 1]) * h; // trapezoid; the Uniform's closed right end is excluded below
    }
    if (c.name().equals("uniform")) {
      integral += 0.5 * h / (c.hi() - c.lo()); // p(hi) = 0 for [low, high): add the half cell the rule misses
    }
    assertEquals(1.0, integral, 1e-4, c.name());
  }

  /** Histogram of 1e5 samples against the integrated density per bin, Pearson chi-square at the 0.1 % level. */
  @ParameterizedTest
  @MethodSource("cases")
  void samplesFollowTheDensity(Case c) {
    Distribution single = c.build();
    int n = 100_000;
    Tensor[] broadcast = new Tensor[c.params().length];
    for (int i = 0; i < broadcast.length; i++) {
      broadcast[i] = Tensor.full(DType.F64, c.params()[i], n);
    }
    Tensor samples = c.make().apply(broadcast).sample(new SplittableRandom(11));
    double mean = 0;
    for (double v : samples.toDoubleArray()) {
      mean += v / n;
    }
    // bins over the central region holding almost all mass; the rest pooled into two tail bins
    double[] q = quantileRange(single, c);
    int bins = 40;
    double width = (q[1] - q[0]) / bins;
    long[] observed = new long[bins + 2];
    for (double v : samples.toDoubleArray()) {
      int b = v < q[0] ? 0 : v >= q[1] ? bins + 1 : 1 + Math.min(bins - 1, (int) ((v - q[0]) / width));
      observed[b]++;
    }
    double[] expected = new double[bins + 2];
    double inside = 0;
    for (int b = 0; b < bins; b++) {
      expected[b + 1] = n * integrate(single, q[0] + b * width, q[0] + (b + 1) * width);
      inside += expected[b + 1];
    }
    double below = n * integrate(single, c.lo(), q[0]);
    expected[0] = below;
    expected[bins + 1] = n - inside - below;
    double chi2 = 0;
    int used = 0;
    for (int b = 0; b < expected.length; b++) {
      if (expected[b] >= 5) {
        chi2 += Math.pow(observed[b] - expected[b], 2) / expected[b];
        used++;
      } else {
        assertTrue(observed[b] <= 20, c.name() + ": " + observed[b] + " samples where ~0 expected");
      }
    }
    double critical = new ChiSquaredDistribution(used - 1).inverseCumulativeProbability(0.999);
    assertTrue(chi2 < critical, c.name() + ": chi2 " + chi2 + " > " + critical + " (mean " + mean + ")");
  }

  private static double[] quantileRange(Distribution d, Case c) {
    return switch (c.name()) {
      case "normal" -> new double[] {0.4 - 3 * 0.7, 0.4 + 3 * 0.7};
      case "laplace" -> new double[] {-0.3 - 3, -0.3 + 3};
      case "vonMises k=1e4" -> new double[] {0.2 - 0.04, 0.2 + 0.04};
      default -> new double[] {c.lo(), c.hi()};
    };
  }

  private static double integrate(Distribution d, double a, double b) {
    int n = 2001;
    double h = (b - a) / (n - 1);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.min(a + i * h, Math.nextDown(b));
    }
    double[] p = density(d, x);
    double s = 0;
    for (int i = 0; i < n - 1; i++) {
      s += 0.5 * (p[i] + p[i + 1]) * h;
    }
    return s;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void logProbGradientsMatchFiniteDifferences(Case c) {
    if (c.name().equals("uniform")) {
      return; // piecewise constant in the value; its parameter gradient is checked through log(high - low) below
    }
    SplittableRandom rng = new SplittableRandom(3);
    Tensor x = Tensor.uniform(rng, DType.F64, Math.max(c.lo(), -3), Math.min(c.hi(), 3), 5);
    x.setFlat(0, 0.2 + 0.01); // near the narrow von Mises mode
    Tensor[] params = new Tensor[c.params().length];
    for (int i = 0; i < params.length; i++) {
      params[i] = Tensor.full(DType.F64, c.params()[i], 5);
    }
    Tensor[] inputs = new Tensor[params.length + 1];
    inputs[0] = x;
    System.arraycopy(params, 0, inputs, 1, params.length);
    double step = c.params()[1] > 100 ? 1e-8 : 1e-6;
    GradCheck.Result r = GradCheck.check(t -> c.make().apply(java.util.Arrays.copyOfRange(t, 1, t.length))
        .logProb(t[0]), step, rng, inputs);
    assertTrue(r.maxError() < 1e-5 * Math.max(1, c.params()[1] / 100), c.name() + ": " + r);
  }

  /** Joints over two dimensions integrate to one: on the torus, the cylinder and the plane. */
  @org.junit.jupiter.api.Test
  void twoDimensionalJointsIntegrateToOne() {
    Tensor loc = Tensor.of(new double[] {0.4, -2.5}, 2);
    Tensor spread = Tensor.of(new double[] {0.6, 3.0}, 2);
    Distribution[] joints = {
      new FactorizedJoint(loc, spread, new boolean[] {true, true}),
      new FactorizedJoint(loc, spread, new boolean[] {false, true}),
      new Independent(new Laplace(loc, spread)),
    };
    // Simpson's rule; the Laplace grid has its kinks (the modes) on panel boundaries
    double[][] ranges = {{-Math.PI, Math.PI, -Math.PI, Math.PI}, {-6, 6, -Math.PI, Math.PI}, {0.4 - 25, 0.4 + 25, -2.5 - 45, -2.5 + 45}};
    for (int k = 0; k < joints.length; k++) {
      int n = 801;
      double[] r = ranges[k];
      double h0 = (r[1] - r[0]) / (n - 1);
      double h1 = (r[3] - r[2]) / (n - 1);
      double[] grid = new double[2 * n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          grid[2 * (i * n + j)] = r[0] + i * h0;
          grid[2 * (i * n + j) + 1] = r[2] + j * h1;
        }
      }
      double[] p = joints[k].logProb(Tensor.of(grid, n * n, 2)).exp().toDoubleArray();
      double integral = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          integral += simpson(i, n) * simpson(j, n) * p[i * n + j] * h0 * h1;
        }
      }
      assertEquals(1.0, integral, 1e-4, "joint " + k);
    }
  }

  /** Composite Simpson weight of node i of n (n odd). */
  private static double simpson(int i, int n) {
    return (i == 0 || i == n - 1 ? 1.0 : i % 2 == 1 ? 4.0 : 2.0) / 3.0;
  }
}
