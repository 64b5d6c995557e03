package org.backmap.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.distributions.Angles;
import org.backmap.flows.distributions.VonMises;
import org.backmap.nn.Rng;
import org.backmap.nn.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Maximum-likelihood fit of a synthetic sidechain-like density: a bond and an angle whose Gaussian means depend
 * on a 2-D context, and two coupled torsions drawn from a two-component von Mises mixture on the torus.
 */
class FlowLearningTest {

  private static final int BINS = 60;

  /** One draw of [bond, angle, chi1, chi2] given the context. */
  private static double[] truth(double c0, double c1, SplittableRandom rng) {
    double bond = 1.53 + 0.05 * c0 + 0.02 * rng.nextGaussian();
    double angle = 1.94 + 0.10 * c1 + 0.04 * rng.nextGaussian();
    boolean first = rng.nextDouble() < 0.6;
    double chi1 = Angles.wrap((first ? -1.1 : 2.9) + sampleVonMises(4.0, rng));
    double chi2 = Angles.wrap(chi1 + (first ? 1.6 : -2.0) + sampleVonMises(3.0, rng));
    return new double[] {bond, angle, chi1, chi2};
  }

  private static double sampleVonMises(double kappa, SplittableRandom rng) {
    return new VonMises(Tensor.scalar(0, DType.F64), Tensor.scalar(kappa, DType.F64)).sample(rng).item();
  }

  private static Tensor[] batch(int n, SplittableRandom rng) {
    double[] x = new double[4 * n];
    double[] c = new double[2 * n];
    for (int i = 0; i < n; i++) {
      c[2 * i] = rng.nextDouble(-1, 1);
      c[2 * i + 1] = rng.nextDouble(-1, 1);
      System.arraycopy(truth(c[2 * i], c[2 * i + 1], rng), 0, x, 4 * i, 4);
    }
    return new Tensor[] {Tensor.of(x, n, 4).to(DType.F32), Tensor.of(c, n, 2).to(DType.F32)};
  }

  @Test
  void maximumLikelihoodRecoversEveryMarginalAndTheContextDependence() {
    FlowConfig config = FlowConfig.defaults(List.of(false, false, true, true), 2);
    ConditionalFlow flow = new ConditionalFlow(config);
    Adam adam = new Adam(flow.namedParameters(), Adam.Config.defaults().withLearningRate(3e-3));
    SplittableRandom rng = new SplittableRandom(2024);
    int steps = 1500;
    for (int step = 0; step < steps; step++) {
      Tensor[] b = batch(256, rng);
      flow.zeroGrad();
      Tensor loss = flow.logProb(b[0], b[1]).mean().neg();
      loss.backward();
      adam.step();
    }

    int n = 40_000;
    Tensor[] test = batch(n, new SplittableRandom(7));
    double[] model;
    try (var _ = GradMode.noGrad()) {
      model = flow.sample(test[1], n, Rng.seeded(3)).values().toDoubleArray();
    }
    double[] data = test[0].toDoubleArray();
    String[] names = {"bond", "angle", "chi1", "chi2"};
    for (int d = 0; d < 4; d++) {
      double js = jensenShannon(column(data, d), column(model, d), d >= 2);
      System.out.printf("marginal %s: JS divergence %.5f%n", names[d], js);
      assertTrue(js < 0.01, names[d] + ": JS divergence " + js);
    }

    // the learned conditional follows the context: bond mean 1.53 + 0.05 c0, angle mean 1.94 + 0.10 c1
    for (double c : new double[] {-0.9, 0.9}) {
      Tensor ctx = Tensor.of(new float[] {(float) c, (float) c}, 1, 2).expand(5000, 2);
      double[] s = flow.sample(ctx, 5000, Rng.seeded(4)).values().toDoubleArray();
      System.out.printf("context %.1f: bond mean %.4f (true %.4f), angle mean %.4f (true %.4f)%n",
          c, mean(column(s, 0)), 1.53 + 0.05 * c, mean(column(s, 1)), 1.94 + 0.10 * c);
      assertEquals(1.53 + 0.05 * c, mean(column(s, 0)), 0.006, "bond mean at c=" + c);
      assertEquals(1.94 + 0.10 * c, mean(column(s, 1)), 0.012, "angle mean at c=" + c);
    }
  }

  private static double[] column(double[] rows, int d) {
    double[] out = new double[rows.length / 4];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows[4 * i + d];
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** JS divergence (natural log) between 60-bin histograms over the data's range (the circle for angles). */
  static double jensenShannon(double[] p, double[] q, boolean circular) {
    double lo = circular ? -Math.PI : Double.POSITIVE_INFINITY;
    double hi = circular ? Math.PI : Double.NEGATIVE_INFINITY;
    if (!circular) {
      for (double v : p) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double[] hp = histogram(p, lo, hi);
    double[] hq = histogram(q, lo, hi);
    double js = 0;
    for (int b = 0; b < BINS; b++) {
      double m = 0.5 * (hp[b] + hq[b]);
      js += hp[b] > 0 ? 0.5 * hp[b] * Math.log(hp[b] / m) : 0;
      js += hq[b] > 0 ? 0.5 * hq[b] * Math.log(hq[b] / m) : 0;
    }
    return js;
  }

  private static double[] histogram(double[] v, double lo, double hi) {
    double[] h = new double[BINS];
    for (double x : v) {
      int b = (int) Math.floor((x - lo) / (hi - lo) * BINS);
      h[Math.max(0, Math.min(BINS - 1, b))] += 1.0 / v.length; // out-of-range values count in the edge bins
    }
    return h;
  }
}
