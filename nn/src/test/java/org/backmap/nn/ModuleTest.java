package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {

  /** Own parameters, a child and a list of children, registered in a mixed order. */
  private static final class Composite extends Module {
    final Tensor scale = addParameter("scale", Tensor.ones(DType.F32, 3));
    final Linear head = addModule("head", new Linear(3, 2, Rng.seeded(1)));
    final Tensor shift = addParameter("shift", Tensor.zeros(DType.F32, 3));
    final ModuleList<Linear> blocks = addModule("blocks", new ModuleList<>());

    Composite() {
      blocks.add(new Linear(3, 3, Rng.seeded(2)));
      blocks.add(new Linear(3, 3, Rng.seeded(3)));
    }
  }

  @Test
  void namedParametersListsOwnParametersThenChildrenDepthFirstWithDottedNames() {
    Composite c = new Composite();
    assertEquals(List.of("scale", "shift", "head.weight", "head.bias", "blocks.0.weight", "blocks.0.bias",
        "blocks.1.weight", "blocks.1.bias"), List.copyOf(c.namedParameters().keySet()));
    assertSame(c.blocks.get(1).bias(), c.namedParameters().get("blocks.1.bias"));
    assertEquals(List.copyOf(c.namedParameters().values()), c.parameters());
    assertTrue(c.parameters().stream().allMatch(Tensor::requiresGrad));
  }

  @Test
  void parameterCountSumsAllElements() {
    assertEquals(3 + 3 + (3 * 2 + 2) + 2 * (3 * 3 + 3), new Composite().parameterCount());
  }

  @Test
  void zeroGradClearsEveryGradient() {
    Composite c = new Composite();
    c.blocks.get(0).forward(c.head.weight().transpose(0, 1)).sum().add(c.scale.sum()).backward();
    assertNotNull(c.scale.grad());
    assertNotNull(c.blocks.get(0).weight().grad());
    c.zeroGrad();
    c.parameters().forEach(p -> assertNull(p.grad()));
  }

  @Test
  void addParameterRejectsDuplicateAndInvalidNames() {
    class Bad extends Module {
      void add(String name) {
        addParameter(name, Tensor.zeros(DType.F32, 1));
      }
    }
    Bad bad = new Bad();
    bad.add("w");
    assertThrows(IllegalArgumentException.class, () -> bad.add("w"));
    assertThrows(IllegalArgumentException.class, () -> bad.add("a.b"));
    assertThrows(IllegalArgumentException.class, () -> bad.add("a/b"));
    assertThrows(IllegalArgumentException.class, () -> bad.add(""));
  }
}
