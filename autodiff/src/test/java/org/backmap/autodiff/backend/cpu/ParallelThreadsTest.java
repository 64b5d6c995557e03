package org.backmap.autodiff.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.backmap.autodiff.backend.Backend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Parallel#setThreads} takes effect at once in a running JVM, and the split never changes a result. */
class ParallelThreadsTest {
  private int saved;

  @BeforeEach
  void save() {
    saved = Parallel.threads();
  }

  @AfterEach
  void restore() {
    Parallel.setThreads(saved);
  }

  @Test
  void setThreadsIsHonouredInOneJvm() {
    Parallel.setThreads(1);
    assertEquals(1, Parallel.threads());
    assertEquals(Set.of(Thread.currentThread()), threadsThatRanChunks(1));

    Parallel.setThreads(3);
    assertEquals(3, Parallel.threads());
    Set<Thread> three = threadsThatRanChunks(3);
    assertEquals(3, three.size(), "distinct threads: " + three);
    assertTrue(three.contains(Thread.currentThread()), "the caller runs the first chunk");

    Parallel.setThreads(1);
    assertEquals(Set.of(Thread.currentThread()), threadsThatRanChunks(1));
  }

  @Test
  void invalidCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
  }

  @Test
  void matmulIsBitIdenticalOnOneAndThreeThreads() {
    // above Gemm.PARALLEL_MIN_FMAS, so three threads really split it
    int m = 256;
    int k = 256;
    int n = 160;
    assertTrue((long) m * k * n >= Gemm.PARALLEL_MIN_FMAS);
    SplittableRandom rng = new SplittableRandom(21);
    double[] a = rng.doubles(m * k, -1, 1).toArray();
    double[] b = rng.doubles(k * n, -1, 1).toArray();
    float[] af = new float[a.length];
    float[] bf = new float[b.length];
    for (int i = 0; i < a.length; i++) {
      af[i] = (float) a[i];
    }
    for (int i = 0; i < b.length; i++) {
      bf[i] = (float) b[i];
    }
    Backend cpu = new CpuBackend();
    double[] one = new double[m * n];
    float[] oneF = new float[m * n];
    Parallel.setThreads(1);
    cpu.matmul(a, 0, b, 0, one, 0, m, k, n);
    cpu.matmul(af, 0, bf, 0, oneF, 0, m, k, n);
    double[] three = new double[m * n];
    float[] threeF = new float[m * n];
    Parallel.setThreads(3);
    cpu.matmul(a, 0, b, 0, three, 0, m, k, n);
    cpu.matmul(af, 0, bf, 0, threeF, 0, m, k, n);
    assertArrayEquals(one, three, 0.0);
    assertArrayEquals(oneF, threeF, 0f);
    // and both are the plain FMA chain of every element
    for (int i = 0; i < m; i += 37) {
      for (int j = 0; j < n; j += 13) {
        double acc = 0;
        for (int p = 0; p < k; p++) {
          acc = Math.fma(a[i * k + p], b[p * n + j], acc);
        }
        assertEquals(acc, three[i * n + j], 0.0);
      }
    }
  }

  /**
   * Runs a large range with grain 1 and returns the threads that ran its chunks. Every chunk waits until all
   * {@code expected} chunks have started, so each must be on a thread of its own.
   */
  private static Set<Thread> threadsThatRanChunks(int expected) {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger chunks = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(expected);
    Parallel.range(1 << 16, 1, 1, (from, to) -> {
      seen.add(Thread.currentThread());
      chunks.incrementAndGet();
      started.countDown();
      try {
        started.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertEquals(expected, chunks.get(), "chunks");
    assertEquals(0, started.getCount(), "all chunks ran at once");
    return seen;
  }
}
