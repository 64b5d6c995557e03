package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MlpTest {

  @Test
  void namesLayersAndShapesOutputs() {
    Mlp mlp = new Mlp(MlpConfig.of(3, List.of(8, 5), 2, Activation.RELU), Rng.seeded(1));
    assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias",
        "layers.2.weight", "layers.2.bias"), List.copyOf(mlp.namedParameters().keySet()));
    assertArrayEquals(new int[] {5, 2}, mlp.layers().get(2).weight().shape());
    assertArrayEquals(new int[] {7, 2}, mlp.forward(Tensor.zeros(DType.F32, 7, 3)).shape());
  }

  @Test
  void forwardComposesLayersAndActivations() {
    MlpConfig config = MlpConfig.of(2, List.of(4), 3, Activation.TANH).withOutputActivation(Activation.SIGMOID)
        .withDtype(DType.F64);
    Mlp mlp = new Mlp(config, Rng.seeded(2));
    Tensor x = Tensor.randn(Rng.seeded(3).generator(), DType.F64, 6, 2);
    Linear first = mlp.layers().get(0);
    Linear second = mlp.layers().get(1);
    Tensor expected = second.forward(first.forward(x).tanh()).sigmoid();
    assertArrayEquals(expected.toDoubleArray(), mlp.forward(x).toDoubleArray());
  }

  @Test
  void withoutHiddenLayersIsOneAffineMap() {
    Mlp mlp = new Mlp(MlpConfig.of(3, List.of(), 2, Activation.GELU), Rng.seeded(4));
    assertEquals(1, mlp.layers().size());
    Tensor x = Tensor.ones(DType.F32, 1, 3);
    assertArrayEquals(mlp.layers().get(0).forward(x).floatData(), mlp.forward(x).floatData());
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void gradientsMatchFiniteDifferences(Activation activation) {
    Rng rng = Rng.seeded(5);
    MlpConfig config = MlpConfig.of(3, List.of(5, 4), 2, activation).withOutputActivation(activation)
        .withDtype(DType.F64);
    Mlp mlp = new Mlp(config, rng);
    for (Tensor p : mlp.parameters()) { // non-zero biases, so that every path carries a gradient
      for (int i = 0; i < p.size(); i++) {
        p.setFlat(i, p.getFlat(i) + 0.3 * rng.nextGaussian());
      }
    }
    Tensor x = Tensor.randn(rng.generator(), DType.F64, 6, 3);
    Tensor w = Tensor.randn(rng.generator(), DType.F64, 6, 2);
    ParameterGradients.assertMatchFiniteDifferences(mlp, () -> mlp.forward(x).mul(w).sum(), 1e-6, 1e-6);
  }

  @Test
  void configSurvivesJsonAndRebuildsTheSameNetwork() throws Exception {
    MlpConfig config = new MlpConfig(2, List.of(16, 8), 1, Activation.SOFTPLUS, Activation.IDENTITY, DType.F64);
    ObjectMapper json = new ObjectMapper();
    MlpConfig back = json.treeToValue(json.valueToTree(config), MlpConfig.class);
    assertEquals(config, back);
    assertArrayEquals(new Mlp(config, Rng.seeded(6)).layers().get(1).weight().doubleData(),
        new Mlp(back, Rng.seeded(6)).layers().get(1).weight().doubleData());
  }
}
