package org.backmap.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Rng;
import org.junit.jupiter.api.Test;

class AdamTest {

  private static Tensor parameter(double... values) {
    return Tensor.of(values, values.length).requiresGrad(true);
  }

  /** Sets {@code p.grad = g} through the tape: the gradient of {@code sum(p * g)}. */
  private static void setGradient(Tensor p, double... g) {
    p.zeroGrad();
    p.mul(Tensor.of(g, g.length)).sum().backward();
  }

  @Test
  void defaultsAreTensorFlows() {
    Adam.Config c = Adam.Config.defaults();
    assertEquals(1e-3, c.learningRate());
    assertEquals(0.9, c.beta1());
    assertEquals(0.999, c.beta2());
    assertEquals(1e-7, c.epsilon());
    assertEquals("none", c.clipping().toString());
  }

  @Test
  void firstThreeStepsMatchTheHandComputedTensorFlowUpdate() {
    Tensor p = parameter(1.0);
    Adam adam = new Adam(Map.of("p", p));
    // lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t);  p -= lr_t * m / (sqrt(v) + eps)
    // t = 1, g = 0.5
    double m1 = 0.1 * 0.5;
    double v1 = 0.001 * 0.5 * 0.5;
    double p1 = 1.0 - 1e-3 * Math.sqrt(1 - 0.999) / (1 - 0.9) * m1 / (Math.sqrt(v1) + 1e-7);
    // t = 2, g = -1
    double m2 = 0.9 * m1 + 0.1 * -1.0;
    double v2 = 0.999 * v1 + 0.001 * 1.0;
    double p2 = p1 - 1e-3 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9) * m2 / (Math.sqrt(v2) + 1e-7);
    // t = 3, g = 2
    double m3 = 0.9 * m2 + 0.1 * 2.0;
    double v3 = 0.999 * v2 + 0.001 * 4.0;
    double p3 = p2 - 1e-3 * Math.sqrt(1 - 0.999 * 0.999 * 0.999) / (1 - 0.9 * 0.9 * 0.9) * m3
        / (Math.sqrt(v3) + 1e-7);

    double[] gradients = {0.5, -1.0, 2.0};
    double[] expected = {p1, p2, p3};
    for (int t = 0; t < 3; t++) {
      setGradient(p, gradients[t]);
      adam.step();
      assertEquals(expected[t], p.item(), 1e-15, "after step " + (t + 1));
    }
    assertEquals(3, adam.steps());
    assertEquals(m3, adam.state().get("m/p").item(), 1e-15);
    assertEquals(v3, adam.state().get("v/p").item(), 1e-15);
    // Adam's first step has length ~lr whatever the gradient's scale (up to eps / sqrt(v1) = 6.3e-6 relative)
    assertEquals(1.0 - 1e-3, p1, 1e-3 * 1e-5);
  }

  @Test
  void roundsTheFloat64UpdateOnceIntoFloat32Parameters() {
    Tensor p32 = Tensor.of(new float[] {0.3f}, 1).requiresGrad(true);
    Tensor p64 = parameter(0.3f);
    Adam a32 = new Adam(Map.of("p", p32));
    Adam a64 = new Adam(Map.of("p", p64));
    p32.zeroGrad();
    p32.mul(Tensor.of(new float[] {0.7f}, 1)).sum().backward();
    setGradient(p64, 0.7f);
    a32.step();
    a64.step();
    assertEquals((float) p64.item(), p32.floatData()[0]);
  }

  @Test
  void minimisesAnIllConditionedQuadratic() {
    Rng rng = Rng.seeded(1);
    int n = 10;
    double[] a = new double[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = Math.pow(10, -1 + 2.0 * i / (n - 1)); // curvatures from 0.1 to 10
      c[i] = 4 * rng.nextDouble() - 2;
    }
    Tensor curvature = Tensor.of(a, n);
    Tensor centre = Tensor.of(c, n);
    Tensor p = Tensor.zeros(DType.F64, n).requiresGrad(true);
    Adam adam = new Adam(Map.of("p", p), Adam.Config.defaults().withLearningRate(0.05));
    // f(p) = sum_i a_i (p_i - c_i)^2, minimum 0 at p = c
    double initial = curvature.mul(p.sub(centre).square()).sum().item();
    for (int step = 0; step < 3000; step++) {
      adam.zeroGrad();
      curvature.mul(p.sub(centre).square()).sum().backward();
      adam.step();
    }
    double last = curvature.mul(p.sub(centre).square()).sum().item();
    assertTrue(initial > 1, "initial loss " + initial);
    assertTrue(last < 1e-8, "final loss " + last);
    assertArrayEquals(c, p.toDoubleArray(), 1e-3);
  }

  @Test
  void clippingByValueClampsEachElementBeforeTheMoments() {
    Tensor p = parameter(0, 0, 0);
    Adam adam = new Adam(Map.of("p", p), Adam.Config.defaults().withClipping(GradientClipping.byValue(0.1)));
    setGradient(p, 0.05, 3.0, -7.0);
    adam.step();
    // m1 = (1 - beta1) * clip(g)
    assertArrayEquals(new double[] {0.1 * 0.05, 0.1 * 0.1, 0.1 * -0.1}, adam.state().get("m/p").toDoubleArray(),
        1e-15);
  }

  @Test
  void clippingByGlobalNormScalesAllParametersTogether() {
    Tensor a = parameter(0);
    Tensor b = parameter(0, 0);
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("a", a);
    params.put("b", b);
    Adam adam = new Adam(params, Adam.Config.defaults().withClipping(GradientClipping.byGlobalNorm(1.0)));
    setGradient(a, 3.0);
    setGradient(b, 0.0, 4.0); // global norm sqrt(9 + 16) = 5, so every gradient is scaled by 1/5
    adam.step();
    assertEquals(0.1 * 3.0 / 5, adam.state().get("m/a").item(), 1e-15);
    assertArrayEquals(new double[] {0, 0.1 * 4.0 / 5}, adam.state().get("m/b").toDoubleArray(), 1e-15);
  }

  @Test
  void parametersWithoutGradientStayUnchanged() {
    Tensor used = parameter(1);
    Tensor unused = parameter(2);
    Adam adam = new Adam(Map.of("used", used, "unused", unused));
    setGradient(used, 1.0);
    adam.step();
    assertNull(unused.grad());
    assertEquals(2.0, unused.item());
    assertEquals(1.0 - 1e-3, used.item(), 1e-8);
  }

  @Test
  void resumingFromSavedStateContinuesBitForBit() {
    Tensor p = parameter(0.5, -0.25);
    Adam adam = new Adam(Map.of("p", p), Adam.Config.defaults().withLearningRate(0.01));
    List<double[]> grads = List.of(new double[] {1, -2}, new double[] {0.3, 0.1}, new double[] {-1, 4},
        new double[] {2, 2});
    for (int t = 0; t < 2; t++) {
      setGradient(p, grads.get(t));
      adam.step();
    }
    Tensor q = parameter(p.toDoubleArray());
    Adam resumed = new Adam(Map.of("p", q), Adam.Config.defaults().withLearningRate(0.01));
    resumed.loadState(Map.of("step", adam.state().get("step").copy(), "m/p", adam.state().get("m/p").copy(),
        "v/p", adam.state().get("v/p").copy()));
    for (int t = 2; t < 4; t++) {
      setGradient(p, grads.get(t));
      adam.step();
      setGradient(q, grads.get(t));
      resumed.step();
    }
    assertArrayEquals(p.toDoubleArray(), q.toDoubleArray(), 0.0);
    assertEquals(4, resumed.steps());
  }

  @Test
  void stateListsStepThenMomentsAndRejectsMismatches() {
    Adam adam = new Adam(Map.of("w", parameter(1, 2)));
    assertEquals(List.of("step", "m/w", "v/w"), List.copyOf(adam.state().keySet()));
    assertThrows(IllegalArgumentException.class, () -> adam.loadState(Map.of("step", Tensor.zeros(DType.F64))));
  }
}
