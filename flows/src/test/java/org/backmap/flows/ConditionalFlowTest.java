package org.backmap.flows;

import static org.backmap.flows.FlowTestSupport.randomFlow;
import static org.backmap.flows.FlowTestSupport.repeatedContext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.bijectors.Bijector;
import org.backmap.nn.Rng;
import org.backmap.nn.checkpoint.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactness of the conditional flow: normalisation, Jacobians, sampling, persistence. */
class ConditionalFlowTest {

  private static final double[] CONTEXT = {0.3, -1.2, 0.8};

  /** p on points of a 1-D flow. */
  private static double[] density(ConditionalFlow flow, double[] x) {
    return FlowTestSupport.density(flow, x, CONTEXT);
  }

  @Test
  void oneDimensionalDensitiesIntegrateToOne() {
    for (boolean circular : new boolean[] {false, true}) {
      for (int contextDim : new int[] {0, 3}) {
        ConditionalFlow flow = randomFlow(List.of(circular), contextDim, 7 + contextDim, 0.5);
        double lo = circular ? -Math.PI : -40;
        double hi = circular ? Math.PI : 40;
        int n = 200_001;
        double h = (hi - lo) / (n - 1);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
          x[i] = lo + i * h;
        }
        double[] p = density(flow, x);
        double integral = 0;
        for (int i = 0; i < n - 1; i++) {
          integral += 0.5 * (p[i] + p[i + 1]) * h;
        }
        assertEquals(1.0, integral, 1e-4, "circular=" + circular + " context=" + contextDim);
      }
    }
  }

  /** Trapezoid rule on a grid fine enough for each axis: circular axes are periodic, linear ones span +/-12. */
  @Test
  void twoDimensionalDensitiesIntegrateToOneOnTheTorusAndTheCylinder() {
    for (List<Boolean> circular : List.of(List.of(true, true), List.of(false, true))) {
      ConditionalFlow flow = randomFlow(circular, 3, 21, 0.3);
      int[] n = new int[2];
      double[] lo = new double[2];
      double[] h = new double[2];
      for (int d = 0; d < 2; d++) {
        n[d] = circular.get(d) ? 601 : 801;
        lo[d] = circular.get(d) ? -Math.PI : -12;
        h[d] = -2 * lo[d] / (n[d] - 1);
      }
      double[] grid = new double[2 * n[0] * n[1]];
      for (int i = 0; i < n[0]; i++) {
        for (int j = 0; j < n[1]; j++) {
          grid[2 * (i * n[1] + j)] = lo[0] + i * h[0];
          grid[2 * (i * n[1] + j) + 1] = lo[1] + j * h[1];
        }
      }
      double[] p = FlowTestSupport.density(flow, grid, CONTEXT);
      double integral = 0;
      for (int i = 0; i < n[0]; i++) {
        for (int j = 0; j < n[1]; j++) {
          double w = (i == 0 || i == n[0] - 1 ? 0.5 : 1) * (j == 0 || j == n[1] - 1 ? 0.5 : 1);
          integral += w * p[i * n[1] + j] * h[0] * h[1];
        }
      }
      assertEquals(1.0, integral, 1e-4, "dimensions " + circular);
    }
  }

  @Test
  void logDetEqualsTheLogDeterminantOfTheNumericalJacobian() {
    List<Boolean> circular = List.of(false, true, true, false);
    ConditionalFlow flow = randomFlow(circular, 3, 5, 0.4);
    double[] x0 = {0.4, -2.0, 1.1, -0.7};
    Tensor context = repeatedContext(CONTEXT, 1);
    double h = 1e-6;
    double[][] jacobian = new double[4][4];
    for (int j = 0; j < 4; j++) {
      double[] up = x0.clone();
      double[] down = x0.clone();
      up[j] += h;
      down[j] -= h;
      double[] fu = flow.forwardTransform(Tensor.of(up, 1, 4), context).value().toDoubleArray();
      double[] fd = flow.forwardTransform(Tensor.of(down, 1, 4), context).value().toDoubleArray();
      for (int i = 0; i < 4; i++) {
        jacobian[i][j] = (fu[i] - fd[i]) / (2 * h);
      }
    }
    double numeric = Math.log(Math.abs(new LUDecomposition(MatrixUtils.createRealMatrix(jacobian)).getDeterminant()));
    double analytic = flow.forwardTransform(Tensor.of(x0, 1, 4), context).logDet().item();
    assertEquals(numeric, analytic, 1e-6);
  }

  @Test
  void samplesInvertToTheirBaseDrawsAndCarryTheirExactLogDensity() {
    ConditionalFlow flow = randomFlow(List.of(true, false, true), 3, 9, 0.4);
    Tensor context = repeatedContext(CONTEXT, 500);
    ConditionalFlow.Sample s = flow.sample(context, 500, Rng.seeded(1));
    double[] lp = flow.logProb(s.values(), context).toDoubleArray();
    assertArrayEquals(lp, s.logProb().toDoubleArray(), 1e-7);
    Bijector.Result back = flow.forwardTransform(s.values(), context);
    Tensor again = flow.inverseTransform(back.value(), context).value();
    assertArrayEquals(s.values().toDoubleArray(), again.toDoubleArray(), 1e-7);
  }

  /** 1e5 samples of a 1-D flow against its integrated density, Pearson chi-square at the 0.1 % level. */
  @Test
  void samplesFollowTheDensity() {
    for (boolean circular : new boolean[] {false, true}) {
      ConditionalFlow flow = randomFlow(List.of(circular), 3, 13, 0.5);
      int n = 100_000;
      double[] x = flow.sample(repeatedContext(CONTEXT, n), n, Rng.seeded(2)).values().toDoubleArray();
      double lo = circular ? -Math.PI : -6;
      double hi = circular ? Math.PI : 6;
      int bins = 50;
      double w = (hi - lo) / bins;
      long[] observed = new long[bins];
      int outside = 0;
      for (double v : x) {
        if (v < lo || v >= hi) {
          outside++;
        } else {
          observed[Math.min(bins - 1, (int) ((v - lo) / w))]++;
        }
      }
      double chi2 = 0;
      int used = 0;
      int sub = 200;
      double mass = 0;
      for (int b = 0; b < bins; b++) {
        double[] pts = new double[sub + 1];
        for (int i = 0; i <= sub; i++) {
          pts[i] = lo + b * w + i * w / sub;
        }
        double[] p = density(flow, pts);
        double integral = 0;
        for (int i = 0; i < sub; i++) {
          integral += 0.5 * (p[i] + p[i + 1]) * w / sub;
        }
        mass += integral;
        double expected = n * integral;
        if (expected >= 5) {
          chi2 += Math.pow(observed[b] - expected, 2) / expected;
          used++;
        }
      }
      double expectedOutside = n * (1 - mass);
      if (expectedOutside >= 5) {
        chi2 += Math.pow(outside - expectedOutside, 2) / expectedOutside;
        used++;
      }
      double critical = new ChiSquaredDistribution(used - 1).inverseCumulativeProbability(0.999);
      assertTrue(chi2 < critical, "circular=" + circular + ": chi2 " + chi2 + " > " + critical);
    }
  }

  @Test
  void savedFlowIsRebuiltFromItsFileAlone(@TempDir Path dir) throws Exception {
    ConditionalFlow flow = randomFlow(List.of(false, true, true), 3, 17, 0.3);
    Path file = dir.resolve("flow.json");
    flow.save(file);
    ConditionalFlow loaded = ConditionalFlow.load(file);
    assertEquals(flow.config(), loaded.config());
    Tensor x = Tensor.of(new double[] {0.1, 2.0, -3.0, 1.5, -0.4, 0.2}, 2, 3);
    Tensor c = repeatedContext(CONTEXT, 2);
    assertArrayEquals(flow.logProb(x, c).toDoubleArray(), loaded.logProb(x, c).toDoubleArray(), 0.0);
  }

  @Test
  void loadingSomethingElseFailsWithAClearMessage(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.json");
    org.backmap.nn.checkpoint.CheckpointWriter.write(file,
        new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("kind", "mlp"), java.util.Map.of());
    CheckpointException e = assertThrows(CheckpointException.class, () -> ConditionalFlow.load(file));
    assertTrue(e.getMessage().contains("other.json"), e.getMessage());
    Files.writeString(dir.resolve("garbage.json"), "{not json");
    assertThrows(CheckpointException.class, () -> ConditionalFlow.load(dir.resolve("garbage.json")));
  }

  @Test
  void flowOnCircularOnlyLeavesLinearDimensionsToTheBase() {
    FlowConfig config = FlowConfig.defaults(List.of(false, true, false, true), 3).withDtype(DType.F64)
        .withArchitecture(16, 1, 8, 3).withFlowOnCircularOnly(true);
    ConditionalFlow flow = new ConditionalFlow(config);
    FlowTestSupport.randomize(flow, 3, 0.4);
    Tensor x = Tensor.of(new double[] {1.5, 0.3, 1.9, -2.0}, 1, 4);
    Tensor c = repeatedContext(CONTEXT, 1);
    Bijector.Result r = flow.forwardTransform(x, c);
    assertEquals(1.5, r.value().get(0, 0), 0.0);
    assertEquals(1.9, r.value().get(0, 2), 0.0);
    assertTrue(Math.abs(r.value().get(0, 1) - 0.3) > 1e-6, "circular dimension should be transformed");
  }
}
