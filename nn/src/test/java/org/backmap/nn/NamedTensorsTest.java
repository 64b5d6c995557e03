package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class NamedTensorsTest {

  private static Map<String, Tensor> target() {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("a", Tensor.zeros(DType.F32, 2, 2));
    m.put("b", Tensor.zeros(DType.F64, 3));
    return m;
  }

  @Test
  void copyIntoWritesTheLiveArrays() {
    Map<String, Tensor> target = target();
    float[] live = target.get("a").floatData();
    Map<String, Tensor> source = Map.of("a", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
        "b", Tensor.of(new double[] {5, 6, 7}, 3));
    NamedTensors.copyInto(source, target);
    assertArrayEquals(new float[] {1, 2, 3, 4}, live);
    assertArrayEquals(new double[] {5, 6, 7}, target.get("b").doubleData());
  }

  @Test
  void copyIntoNamesEveryMismatchAndCopiesNothing() {
    Map<String, Tensor> target = target();
    Tensor a = Tensor.ones(DType.F32, 2, 2);
    assertEquals("missing tensor 'b'", message(Map.of("a", a), target));
    assertEquals("unexpected tensor 'c'",
        message(Map.of("a", a, "b", Tensor.zeros(DType.F64, 3), "c", a), target));
    assertEquals("tensor 'b' has shape [1, 3], expected [3]",
        message(Map.of("a", a, "b", Tensor.zeros(DType.F64, 1, 3)), target));
    assertEquals("tensor 'b' has dtype F32, expected F64",
        message(Map.of("a", a, "b", Tensor.zeros(DType.F32, 3)), target));
    assertArrayEquals(new float[4], target.get("a").floatData());
  }

  private static String message(Map<String, Tensor> source, Map<String, Tensor> target) {
    return assertThrows(IllegalArgumentException.class, () -> NamedTensors.copyInto(source, target)).getMessage();
  }
}
