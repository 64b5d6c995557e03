package org.backmap.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RngTest {

  private static long[] draw(Rng rng, int n) {
    return IntStream.range(0, n).mapToLong(i -> rng.nextLong()).toArray();
  }

  @Test
  void seededGivesTheSameStreamForTheSameSeed() {
    assertArrayEquals(draw(Rng.seeded(42), 100), draw(Rng.seeded(42), 100));
    assertNotEquals(Arrays.toString(draw(Rng.seeded(42), 4)), Arrays.toString(draw(Rng.seeded(43), 4)));
  }

  @Test
  void forkDependsOnKeyAndNameButNotOnConsumption() {
    Rng fresh = Rng.seeded(7);
    Rng used = Rng.seeded(7);
    draw(used, 1000);
    assertArrayEquals(draw(fresh.fork("init"), 50), draw(used.fork("init"), 50));
    assertNotEquals(Arrays.toString(draw(fresh.fork("init"), 4)), Arrays.toString(draw(fresh.fork("data"), 4)));
    // forking does not advance the parent
    assertArrayEquals(draw(Rng.seeded(7), 10), draw(fresh, 10));
  }

  @Test
  void splitAdvancesTheParentAndGivesDistinctReproducibleStreams() {
    Rng a = Rng.seeded(3);
    Rng b = Rng.seeded(3);
    long[] first = draw(a.split(), 20);
    long[] second = draw(a.split(), 20);
    assertNotEquals(Arrays.toString(first), Arrays.toString(second));
    assertArrayEquals(first, draw(b.split(), 20));
    assertArrayEquals(second, draw(b.split(), 20));
  }

  @Test
  void permutationContainsEveryIndexOnceAndIsSeeded() {
    int[] p = Rng.seeded(5).permutation(1000);
    assertArrayEquals(IntStream.range(0, 1000).toArray(), IntStream.of(p).sorted().toArray());
    assertArrayEquals(p, Rng.seeded(5).permutation(1000));
    assertNotEquals(Arrays.toString(IntStream.range(0, 1000).toArray()), Arrays.toString(p));
  }

  @Test
  void nextDoubleIsUniformOnTheUnitInterval() {
    Rng rng = Rng.seeded(11);
    int n = 100_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      assertEquals(0.5, u, 0.5);
      sum += u;
    }
    // mean 1/2, standard error sqrt(1/12 / n) ~ 9e-4
    assertEquals(0.5, sum / n, 5 * Math.sqrt(1.0 / 12 / n));
  }
}
