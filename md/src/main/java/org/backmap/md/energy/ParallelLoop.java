package org.backmap.md.energy;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.backmap.base.concurrent.WorkerPools;

/**
 * Runs the chunks of a loop, sequentially or on a fixed number of threads of the shared
 * {@link WorkerPools#shared worker pool} of that size. Pair terms split their rows into {@link #chunks()} chunks,
 * give each chunk its own accumulation buffers and reduce them in chunk order, so a result depends only on the
 * number of chunks, never on thread scheduling. A loop owns no threads, so creating one costs nothing.
 *
 * <p>The calling thread takes chunks itself while the pool's workers wake up, and waits only for chunks a worker
 * has started: a pass of a few tens of microseconds (a small protein's pair loop) is shorter than a worker's
 * wake-up on a busy or virtual machine, and handing every chunk to the pool and waiting for it made two threads
 * slower than one.
 */
public final class ParallelLoop {
  private static final ParallelLoop SEQUENTIAL = new ParallelLoop(1, null);

  private final int threads;
  private final ForkJoinPool pool;

  private ParallelLoop(int threads, ForkJoinPool pool) {
    this.threads = threads;
    this.pool = pool;
  }

  /** A loop that runs every chunk on the calling thread. */
  public static ParallelLoop sequential() {
    return SEQUENTIAL;
  }

  /** A loop on {@code threads} threads (1 gives {@link #sequential()}). */
  public static ParallelLoop of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return threads == 1 ? SEQUENTIAL : new ParallelLoop(threads, WorkerPools.shared(threads));
  }

  /** Number of chunks pair loops should use. */
  public int chunks() {
    return threads;
  }

  /** Runs {@code body} for chunks {@code 0 .. chunks()-1} and waits for all of them. */
  public void run(IntConsumer body) {
    if (pool == null) {
      for (int c = 0; c < threads; c++) {
        body.accept(c);
      }
      return;
    }
    Claims claims = new Claims(body, chunks());
    for (int h = 1; h < threads; h++) {
      pool.execute(claims::work);
    }
    claims.work();
    claims.await();
  }

  /** Chunks handed out one at a time to whichever thread asks first; the caller waits for the started ones. */
  private static final class Claims {
    /** Busy-wait iterations before the caller parks: covers a short pass, not a long one. */
    private static final int SPINS = 1 << 14;

    private final IntConsumer body;
    private final int chunks;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread caller = Thread.currentThread();

    Claims(IntConsumer body, int chunks) {
      this.body = body;
      this.chunks = chunks;
    }

    void work() {
      for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
        try {
          body.accept(c);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          if (done.incrementAndGet() == chunks) {
            LockSupport.unpark(caller);
          }
        }
      }
    }

    void await() {
      for (int spin = 0; done.get() < chunks; spin++) {
        if (spin < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      Throwable t = failure.get();
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  /**
   * One chunk of a pair loop: adds its forces into {@code f} ({@code null} when only energies are wanted) and
   * returns its two energies (LJ, Coulomb).
   */
  @FunctionalInterface
  public interface PairChunk {
    double[] run(double[] f, int chunk, int chunks);
  }

  /**
   * Runs {@code body} for every chunk, each with its own force buffer (the caller's when there is one chunk), then
   * adds the buffers into {@code forces} and sums the energies, both in chunk order, so the result does not depend
   * on scheduling. With {@code forces == null} every chunk gets {@code null}: energies only.
   *
   * @return the two energies summed over chunks
   */
  public double[] runPairChunks(double[] forces, PairChunk body) {
    int chunks = chunks();
    double[][] f = new double[chunks][];
    double[][] e = new double[chunks][];
    run(c -> {
      f[c] = chunks == 1 || forces == null ? forces : new double[forces.length];
      e[c] = body.run(f[c], c, chunks);
    });
    double[] sum = new double[2];
    for (int c = 0; c < chunks; c++) {
      sum[0] += e[c][0];
      sum[1] += e[c][1];
      if (chunks > 1 && forces != null) {
        double[] fc = f[c];
        for (int k = 0; k < forces.length; k++) {
          forces[k] += fc[k];
        }
      }
    }
    return sum;
  }

  /**
   * Rows of a triangular pair loop owned by chunk {@code chunk}: rows {@code i} with {@code i mod chunks == chunk}
   * handed out in zig-zag order so every chunk gets a similar number of pairs.
   */
  public static boolean ownsRow(int row, int chunk, int chunks) {
    int block = row / chunks;
    int pos = row % chunks;
    return (block % 2 == 0 ? pos : chunks - 1 - pos) == chunk;
  }
}
