package org.backmap.autodiff.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import org.backmap.base.concurrent.Threads;
import org.backmap.base.concurrent.WorkerPools;

/**
 * Splits index ranges across the CPU kernel threads. The count is {@link #setThreads}, default
 * {@link Threads#defaultCount()} at first use; the workers come from {@link WorkerPools#shared}. Work below the
 * grain size runs on the calling thread.
 */
public final class Parallel {

  /** Body of a parallel loop over {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  /** A thread count and its pool, swapped as one so a loop never mixes an old count with a new pool. */
  private record Setting(int threads, ForkJoinPool pool) {
    static Setting of(int threads) {
      // the caller runs one chunk, so the pool needs one thread fewer than the kernels use
      return new Setting(threads, threads > 1 ? WorkerPools.shared(threads - 1) : null);
    }
  }

  private static volatile Setting setting;

  private Parallel() {}

  /** Number of threads kernels use. */
  public static int threads() {
    return setting().threads();
  }

  /**
   * Sets the number of threads kernels use from now on (at least 1). Loops already running keep their count.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static void setThreads(int threads) {
    Threads.requirePositive(threads, "kernel threads");
    synchronized (Parallel.class) {
      setting = Setting.of(threads);
    }
  }

  private static Setting setting() {
    Setting s = setting;
    if (s == null) {
      synchronized (Parallel.class) {
        s = setting;
        if (s == null) {
          s = Setting.of(Threads.defaultCount());
          setting = s;
        }
      }
    }
    return s;
  }

  /**
   * Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} indices, in parallel when there is
   * more than one chunk. Chunk boundaries are multiples of {@code align} (use a vector length or block size).
   */
  public static void range(int n, int grain, int align, RangeBody body) {
    Setting s = setting();
    ForkJoinPool pool = s.pool();
    int chunks = Math.min(s.threads(), Math.max(1, n / Math.max(grain, 1)));
    if (chunks <= 1 || pool == null) {
      body.run(0, n);
      return;
    }
    int per = (n + chunks - 1) / chunks;
    per = (per + align - 1) / align * align;
    RecursiveAction[] tasks = new RecursiveAction[chunks];
    int count = 0;
    for (int from = 0; from < n; from += per) {
      int lo = from;
      int hi = Math.min(n, from + per);
      tasks[count++] = new RecursiveAction() {
        @Override
        protected void compute() {
          body.run(lo, hi);
        }
      };
    }
    RecursiveAction[] used = java.util.Arrays.copyOf(tasks, count);
    if (ForkJoinTask.getPool() == pool) {
      RecursiveAction.invokeAll(used);
      return;
    }
    // The calling thread is one of the workers: it runs the first chunk itself instead of waiting for a wake-up.
    for (int i = 1; i < count; i++) {
      pool.execute(used[i]);
    }
    used[0].invoke();
    for (int i = 1; i < count; i++) {
      used[i].join();
    }
  }
}
