package org.backmap.autodiff.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

/** Backends are discovered through ServiceLoader and selected by name. */
class BackendsTest {

  @Test
  void discoversCpuAndScalarBackendsAndPrefersCpu() {
    assertEquals(java.util.List.of("cpu", "scalar"), Backends.all().stream().map(Backend::name).toList());
    assertEquals("cpu", Backends.current().name()); // tests run with jdk.incubator.vector
  }

  @Test
  void switchingBackendsGivesTheSameResults() {
    Tensor a = Tensor.uniform(new SplittableRandom(1), DType.F64, -1, 1, 20, 30);
    Tensor b = Tensor.uniform(new SplittableRandom(2), DType.F64, -1, 1, 30, 10);
    String before = Backends.current().name();
    try {
      Backends.use("scalar");
      double[] scalar = a.matmul(b).tanh().toDoubleArray();
      Backends.use("cpu");
      double[] vector = a.matmul(b).tanh().toDoubleArray();
      assertArrayEquals(scalar, vector, 1e-13);
    } finally {
      Backends.use(before);
    }
  }

  @Test
  void unknownBackendNameIsRejectedWithTheInstalledNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.use("opencl-gpu"));
    assertTrue(e.getMessage().contains("opencl-gpu") && e.getMessage().contains("scalar"), e.getMessage());
  }
}
