package org.backmap.flows;

import java.util.List;
import java.util.SplittableRandom;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Module;

/** Builds untrained float64 flows whose parameters are randomised, so that every spline is far from the identity. */
final class FlowTestSupport {

  private FlowTestSupport() {}

  static ConditionalFlow randomFlow(List<Boolean> circular, int contextDim, long seed, double noise) {
    FlowConfig config = FlowConfig.defaults(circular, contextDim).withDtype(DType.F64)
        .withArchitecture(16, 1, 8, 3);
    ConditionalFlow flow = new ConditionalFlow(config);
    randomize(flow, seed, noise);
    return flow;
  }

  static void randomize(Module module, long seed, double noise) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (Tensor t : module.parameters()) {
      double[] d = t.doubleData();
      for (int i = 0; i < d.length; i++) {
        d[i] += noise * rng.nextGaussian();
      }
    }
  }

  /** exp(log p(x | context)) for the rows of {@code x[n, D]}, in chunks and without recording gradients. */
  static double[] density(ConditionalFlow flow, double[] x, double[] context) {
    int dims = flow.config().dims();
    int n = x.length / dims;
    double[] out = new double[n];
    int chunk = 10_000;
    try (var _ = org.backmap.autodiff.GradMode.noGrad()) {
      for (int from = 0; from < n; from += chunk) {
        int m = Math.min(chunk, n - from);
        Tensor xs = Tensor.of(java.util.Arrays.copyOfRange(x, from * dims, (from + m) * dims), m, dims);
        Tensor c = flow.config().contextDim() > 0 ? repeatedContext(context, m) : null;
        System.arraycopy(flow.logProb(xs, c).exp().toDoubleArray(), 0, out, from, m);
      }
    }
    return out;
  }

  /** The same context row repeated n times. */
  static Tensor repeatedContext(double[] row, int n) {
    return Tensor.of(row, 1, row.length).expand(n, row.length);
  }
}
