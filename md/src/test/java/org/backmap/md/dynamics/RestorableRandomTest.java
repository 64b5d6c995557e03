package org.backmap.md.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** The same stream as the JDK's L64X128MixRandom, and a restored state continues it exactly. */
class RestorableRandomTest {

  @Test
  void drawsWhatTheJdkGeneratorDraws() {
    for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE, 1 + 7919L}) {
      RandomGenerator jdk = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
      RestorableRandom ours = RestorableRandom.seeded(seed);
      for (int i = 0; i < 2000; i++) {
        assertEquals(jdk.nextLong(), ours.nextLong(), "long " + i + " of seed " + seed);
        assertEquals(Double.doubleToRawLongBits(jdk.nextGaussian()), Double.doubleToRawLongBits(ours.nextGaussian()), "gaussian " + i);
        assertEquals(Double.doubleToRawLongBits(jdk.nextDouble()), Double.doubleToRawLongBits(ours.nextDouble()), "double " + i);
      }
    }
  }

  @Test
  void aRestoredStateContinuesTheStream() {
    RestorableRandom a = RestorableRandom.seeded(5);
    for (int i = 0; i < 137; i++) {
      a.nextGaussian();
    }
    RestorableRandom b = RestorableRandom.restored(a.state());
    for (int i = 0; i < 1000; i++) {
      assertEquals(Double.doubleToRawLongBits(a.nextGaussian()), Double.doubleToRawLongBits(b.nextGaussian()));
    }
  }
}
