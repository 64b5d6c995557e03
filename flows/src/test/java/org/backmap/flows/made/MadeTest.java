package org.backmap.flows.made;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.flows.ConditionalFlow;
import org.backmap.flows.FlowConfig;
import org.backmap.nn.Activation;
import org.backmap.nn.Rng;
import org.junit.jupiter.api.Test;

/** The autoregressive property, checked on Jacobians rather than on masks. */
class MadeTest {

  @Test
  void outputsOfDimensionDDependOnlyOnEarlierInputs() {
    int dims = 6;
    Made made = new Made(dims, 3, 20, 2, 4, Activation.TANH, Rng.seeded(1), DType.F64);
    SplittableRandom rng = new SplittableRandom(2);
    Tensor context = Tensor.randn(rng, DType.F64, 1, 3);
    for (int d = 0; d < dims; d++) {
      Tensor x = Tensor.randn(rng, DType.F64, 1, dims).requiresGrad(true);
      made.forward(x, context).slice(1, d, d + 1).sum().backward();
      for (int i = 0; i < dims; i++) {
        double g = Math.abs(x.grad().getFlat(i));
        if (i >= d) {
          assertEquals(0.0, g, 0.0, "output of dimension " + d + " depends on input " + i);
        } else {
          assertTrue(g > 0, "output of dimension " + d + " ignores earlier input " + i);
        }
      }
    }
  }

  /** The flow's Jacobian is triangular in each block's order, and so the full map's log-det is a sum. */
  @Test
  void eachBlockIsTriangularInItsOrder() {
    List<Boolean> circular = List.of(false, true, true, false, true);
    FlowConfig config = FlowConfig.defaults(circular, 2).withDtype(DType.F64).withArchitecture(16, 1, 6, 1);
    ConditionalFlow flow = new ConditionalFlow(config); // one block: the forward (identity) order
    SplittableRandom rng = new SplittableRandom(3);
    Tensor context = Tensor.randn(rng, DType.F64, 1, 2);
    double[] x0 = {0.3, -1.0, 2.0, 0.5, 1.2};
    double h = 1e-6;
    for (int j = 0; j < 5; j++) {
      double[] up = x0.clone();
      double[] down = x0.clone();
      up[j] += h;
      down[j] -= h;
      double[] fu = flow.forwardTransform(Tensor.of(up, 1, 5), context).value().toDoubleArray();
      double[] fd = flow.forwardTransform(Tensor.of(down, 1, 5), context).value().toDoubleArray();
      for (int i = 0; i < j; i++) {
        assertEquals(0.0, (fu[i] - fd[i]) / (2 * h), 0.0, "dz_" + i + "/dx_" + j + " must vanish");
      }
      assertTrue((fu[j] - fd[j]) / (2 * h) > 0, "diagonal must be positive (monotone splines)");
    }
  }
}
