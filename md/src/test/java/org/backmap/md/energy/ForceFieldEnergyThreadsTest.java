package org.backmap.md.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.backmap.base.concurrent.WorkerPools;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;

/**
 * Energies run on exactly their configured thread count (the caller and workers of the shared pool), without creating
 * threads.
 */
class ForceFieldEnergyThreadsTest {
  private static final Structure CHIGNOLIN = StructureReader.read(OpenMmOracle.structure("1UAO"));
  private static final ForceFieldSystem SYSTEM = SystemBuilder.build(CHIGNOLIN);
  private static final double[] X = SystemBuilder.positionsNm(CHIGNOLIN);

  @Test
  void oneAndThreeThreadsInOneJvmAgree() {
    ForceFieldEnergy one = ForceFieldEnergy.of(SYSTEM, 1);
    ForceFieldEnergy three = ForceFieldEnergy.of(SYSTEM, 3);
    assertEquals(1, one.loop().chunks());
    assertEquals(3, three.loop().chunks());
    assertEquals(Set.of(Thread.currentThread()), threadsThatRanChunks(one.loop()));
    Set<Thread> workers = threadsThatRanChunks(three.loop());
    assertEquals(3, workers.size(), "distinct threads: " + workers);
    // the calling thread takes a chunk itself; the other two run on the shared pool of 3
    assertTrue(workers.contains(Thread.currentThread()), "the caller works too: " + workers);
    for (Thread t : workers) {
      if (t != Thread.currentThread()) {
        assertSame(WorkerPools.shared(3), ((ForkJoinWorkerThread) t).getPool(), t.getName());
      }
    }

    double[] f1 = new double[X.length];
    double[] f3 = new double[X.length];
    double e1 = one.evaluate(X, f1).total();
    double e3 = three.evaluate(X, f3).total();
    assertEquals(e1, e3, 1e-9 * Math.abs(e1));
    for (int k = 0; k < X.length; k++) {
      assertEquals(f1[k], f3[k], 1e-9 * Math.max(1, Math.abs(f1[k])));
    }
    assertEquals(e1, three.withRestraints(new int[] {0}, X, 1000).energy(X), 1e-9 * Math.abs(e1));
    EnergyBreakdown[] many = three.evaluateMany(new double[][] {X, X.clone(), X.clone()}, null);
    for (EnergyBreakdown e : many) {
      assertEquals(e1, e.total(), 1e-9 * Math.abs(e1));
    }
  }

  @Test
  void manyEnergiesCreateNoPools() {
    ForkJoinPool shared = WorkerPools.shared(3);
    ForceFieldEnergy.of(SYSTEM, 3).energy(X);
    Set<Thread> before = liveThreads();
    for (int i = 0; i < 100; i++) {
      ForceFieldEnergy e = ForceFieldEnergy.of(SYSTEM, 3).withRestraints(new int[] {0}, X, 1000);
      e.energy(X);
      e.evaluateMany(new double[][] {X, X}, null);
    }
    Set<Thread> added = liveThreads();
    added.removeAll(before);
    // a shared pool may still start its remaining workers; any other new thread means a pool was created
    for (Thread t : added) {
      assertTrue(t instanceof ForkJoinWorkerThread w && w.getPool() == shared, "new thread " + t.getName());
    }
    long sharedWorkers = liveThreads().stream()
        .filter(t -> t instanceof ForkJoinWorkerThread w && w.getPool() == shared).count();
    assertTrue(sharedWorkers <= 3, sharedWorkers + " workers in the pool of 3");
  }

  /** Runs {@code loop} with chunks that wait for each other, so each must be on a thread of its own. */
  private static Set<Thread> threadsThatRanChunks(ParallelLoop loop) {
    Set<Thread> seen = ConcurrentHashMap.newKeySet();
    CountDownLatch started = new CountDownLatch(loop.chunks());
    loop.run(c -> {
      seen.add(Thread.currentThread());
      started.countDown();
      try {
        started.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    assertEquals(0, started.getCount(), "all chunks ran at once");
    return seen;
  }

  private static Set<Thread> liveThreads() {
    return new HashSet<>(List.copyOf(Thread.getAllStackTraces().keySet()));
  }
}
