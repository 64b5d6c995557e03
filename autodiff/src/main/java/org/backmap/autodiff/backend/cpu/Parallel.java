package org.backmap.autodiff.backend.cpu;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Splits index ranges across the CPU kernel pool. The pool size is {@code -Dbackmap.threads=N}, default all
 * available processors; work below the grain size runs on the calling thread.
 */
public final class Parallel {

  /** Body of a parallel loop over {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  private static final int THREADS =
      Integer.getInteger("backmap.threads", Runtime.getRuntime().availableProcessors());
  // the caller runs one chunk, so the pool needs one thread fewer than the kernels use
  private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS - 1) : null;

  private Parallel() {}

  /** Number of threads kernels use. */
  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code body} over {@code [0, n)} in chunks of at least {@code grain} indices, in parallel when there is
   * more than one chunk. Chunk boundaries are multiples of {@code align} (use a vector length or block size).
   */
  public static void range(int n, int grain, int align, RangeBody body) {
    int chunks = Math.min(THREADS, Math.max(1, n / Math.max(grain, 1)));
    if (chunks <= 1 || POOL == null) {
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
    if (ForkJoinTask.getPool() == POOL) {
      RecursiveAction.invokeAll(used);
      return;
    }
    // The calling thread is one of the workers: it runs the first chunk itself instead of waiting for a wake-up.
    for (int i = 1; i < count; i++) {
      POOL.execute(used[i]);
    }
    used[0].invoke();
    for (int i = 1; i < count; i++) {
      used[i].join();
    }
  }
}
