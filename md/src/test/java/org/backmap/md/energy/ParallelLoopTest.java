package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelLoopTest {

  @Test
  void everyChunkRunsExactlyOnceAndIsVisibleToTheCaller() {
    for (int threads : new int[] {1, 2, 3, 8}) {
      ParallelLoop loop = ParallelLoop.of(threads);
      for (int round = 0; round < 2000; round++) {
        AtomicIntegerArray runs = new AtomicIntegerArray(loop.chunks());
        long[] written = new long[loop.chunks()];
        int r = round;
        loop.run(c -> {
          runs.incrementAndGet(c);
          written[c] = 31L * r + c; // a plain write: run must publish it
        });
        for (int c = 0; c < loop.chunks(); c++) {
          assertEquals(1, runs.get(c), "chunk " + c + " of " + threads + " threads, round " + round);
          assertEquals(31L * round + c, written[c]);
        }
      }
    }
  }

  @Test
  void slowChunksAreWaitedFor() {
    ParallelLoop loop = ParallelLoop.of(2);
    double[] out = new double[loop.chunks()];
    loop.run(c -> {
      try {
        Thread.sleep(20 * (c + 1));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      out[c] = c + 1;
    });
    assertArrayEquals(new double[] {1, 2}, out);
  }

  @Test
  void aFailingChunkFailsTheRunAfterTheOthersFinish() {
    ParallelLoop loop = ParallelLoop.of(2);
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    for (int failing = 0; failing < 2; failing++) {
      int f = failing;
      AtomicIntegerArray runs = new AtomicIntegerArray(2);
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> loop.run(c -> {
        runs.incrementAndGet(c);
        if (c == f) {
          throw boom;
        }
      }));
      assertSame(boom, thrown);
      assertEquals(1, runs.get(1 - f), "the other chunk still ran");
    }
    // the loop stays usable
    AtomicIntegerArray runs = new AtomicIntegerArray(2);
    loop.run(runs::incrementAndGet);
    assertEquals(1, runs.get(0));
    assertEquals(1, runs.get(1));
  }

  @Test
  void pairChunksSumInChunkOrder() {
    ParallelLoop loop = ParallelLoop.of(2);
    double[] forces = new double[3];
    double[] e = loop.runPairChunks(forces, (f, c, chunks) -> {
      f[c] += c + 1;
      return new double[] {c, 10 * c};
    });
    assertArrayEquals(new double[] {1, 10}, e);
    assertArrayEquals(new double[] {1, 2, 0}, forces);
  }
}
