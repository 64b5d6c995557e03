package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.function.Supplier;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.GradMode;
import org.backmap.autodiff.Tensor;

/**
 * Checks a module's parameter gradients against central finite differences {@code (L(p + h) - L(p - h)) / 2h},
 * perturbing each float64 parameter element in place and restoring it.
 */
final class ParameterGradients {

  private ParameterGradients() {}

  /** Asserts {@code |analytic - numeric| <= tolerance * max(1, |numeric|)} for every parameter element. */
  static void assertMatchFiniteDifferences(Module module, Supplier<Tensor> loss, double h, double tolerance) {
    module.zeroGrad();
    loss.get().backward();
    for (Map.Entry<String, Tensor> e : module.namedParameters().entrySet()) {
      Tensor p = e.getValue();
      assertEquals(DType.F64, p.dtype(), "gradient checks run in float64");
      assertNotNull(p.grad(), "no gradient reached " + e.getKey());
      double[] data = p.doubleData();
      for (int i = 0; i < data.length; i++) {
        double saved = data[i];
        data[i] = saved + h;
        double plus = evaluate(loss);
        data[i] = saved - h;
        double minus = evaluate(loss);
        data[i] = saved;
        double numeric = (plus - minus) / (2 * h);
        double analytic = p.grad().getFlat(i);
        int element = i;
        assertEquals(numeric, analytic, tolerance * Math.max(1, Math.abs(numeric)),
            () -> e.getKey() + " element " + element);
      }
    }
  }

  private static double evaluate(Supplier<Tensor> loss) {
    try (var _ = GradMode.noGrad()) {
      return loss.get().item();
    }
  }
}
