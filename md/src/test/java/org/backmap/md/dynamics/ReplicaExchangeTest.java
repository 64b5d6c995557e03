package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplicaExchangeTest {
  @Test
  void geometricLadderHasConstantRatios() {
    double[] t = ReplicaExchange.geometricLadder(300, 450, 6);
    assertEquals(300, t[0], 1e-12);
    assertEquals(450, t[5], 1e-9);
    double ratio = Math.pow(450.0 / 300.0, 1.0 / 5);
    for (int i = 1; i < 6; i++) {
      assertEquals(ratio, t[i] / t[i - 1], 1e-12);
    }
  }
}
