package org.backmap.base.concurrent;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The process-wide worker pools, one per parallelism, created on first use and kept for the life of the process.
 * Their worker threads are daemons named {@code backmap-P-worker-N}, so an idle pool never keeps the JVM alive.
 */
public final class WorkerPools {
  private static final ConcurrentMap<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

  private WorkerPools() {}

  /**
   * The shared pool with {@code parallelism} worker threads (at least 1). Every call with the same value returns
   * the same pool; never shut it down.
   */
  public static ForkJoinPool shared(int parallelism) {
    Threads.requirePositive(parallelism, "parallelism");
    return POOLS.computeIfAbsent(parallelism, WorkerPools::create);
  }

  private static ForkJoinPool create(int parallelism) {
    AtomicInteger next = new AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
      ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      t.setName("backmap-" + parallelism + "-worker-" + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ForkJoinPool(parallelism, factory, null, false);
  }
}
