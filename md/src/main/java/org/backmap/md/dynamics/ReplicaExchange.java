package org.backmap.md.dynamics;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Temperature replica exchange (Sugita and Okamoto, Chem. Phys. Lett. 314, 141 (1999)): replicas on a ladder of
 * temperatures run their own sampler (Langevin dynamics for {@link LangevinMiddleIntegrator}); every cycle,
 * neighbouring pairs (even pairs on even cycles, odd pairs on odd cycles) exchange configurations with the
 * Metropolis probability {@code min(1, exp((1/kT_i - 1/kT_j)(U_i - U_j)))}, which leaves the product of the
 * replicas' Boltzmann distributions invariant. {@link #state()} and {@link #restore} save and continue the
 * exchange decisions and counters exactly.
 *
 * @param <R> the kind of replica
 */
public final class ReplicaExchange<R extends Replica<R>> {
  private final List<R> replicas;
  private RestorableRandom random;
  private final int threads;
  private final long[] attempts;
  private final long[] accepted;
  private long cycles;

  /**
   * @param replicas one replica per temperature, in ascending temperature order
   * @param seed random seed of the exchange decisions
   * @param threads threads that step replicas concurrently
   */
  public ReplicaExchange(List<R> replicas, long seed, int threads) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("at least one replica");
    }
    this.replicas = List.copyOf(replicas);
    this.random = RestorableRandom.seeded(seed);
    this.threads = threads;
    this.attempts = new long[Math.max(0, replicas.size() - 1)];
    this.accepted = new long[attempts.length];
  }

  /** The exponential ladder {@code T_i = tMin (tMax/tMin)^(i/(n-1))}. */
  public static double[] geometricLadder(double tMin, double tMax, int n) {
    if (n < 1 || !(tMin > 0) || tMax < tMin) {
      throw new IllegalArgumentException("need n >= 1 and 0 < tMin <= tMax");
    }
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = n == 1 ? tMin : tMin * Math.pow(tMax / tMin, (double) i / (n - 1));
    }
    return t;
  }

  /** The replicas, lowest temperature first. */
  public List<R> replicas() {
    return replicas;
  }

  /** Runs one cycle: {@code steps} steps of every replica, then one round of exchange attempts. */
  public void cycle(int steps) {
    advance(steps);
    exchange();
  }

  /**
   * Advances every replica by {@code steps} steps, replicas in parallel. A replica's failure is rethrown as it
   * was thrown (the one of the lowest replica when several fail), after every replica has stopped.
   */
  public void advance(int steps) {
    if (threads <= 1 || replicas.size() == 1) {
      replicas.forEach(r -> r.step(steps));
    } else {
      // the process-wide pool of this size: replica exchange owns no threads
      ForkJoinPool pool = org.backmap.base.concurrent.WorkerPools.shared(Math.min(threads, replicas.size()));
      RuntimeException[] failures = new RuntimeException[replicas.size()];
      pool.submit(() -> IntStream.range(0, replicas.size()).parallel().forEach(i -> {
        try {
          replicas.get(i).step(steps);
        } catch (RuntimeException e) {
          // kept here: the pool would rethrow a reflective copy of it
          failures[i] = e;
        }
      })).join();
      for (RuntimeException failure : failures) {
        if (failure != null) {
          throw failure;
        }
      }
    }
  }

  /** The exchange decisions' generator state, counters and round number. */
  public ExchangeState state() {
    return new ExchangeState(random.state(), attempts, accepted, cycles);
  }

  /** Continues from {@code state}, as saved by {@link #state()} of an exchange with as many replicas. */
  public void restore(ExchangeState state) {
    if (state.attempts().length != attempts.length) {
      throw new IllegalArgumentException("state has " + state.attempts().length + " replica pairs, expected " + attempts.length);
    }
    random = RestorableRandom.restored(state.random());
    System.arraycopy(state.attempts(), 0, attempts, 0, attempts.length);
    System.arraycopy(state.accepted(), 0, accepted, 0, accepted.length);
    cycles = state.rounds();
  }

  /** One round of exchange attempts: even neighbour pairs on even rounds, odd pairs on odd rounds. */
  public void exchange() {
    for (int i = (int) (cycles % 2); i + 1 < replicas.size(); i += 2) {
      attempt(i);
    }
    cycles++;
  }

  private void attempt(int i) {
    R a = replicas.get(i), b = replicas.get(i + 1);
    double betaA = 1 / (LangevinMiddleIntegrator.BOLTZMANN * a.temperature());
    double betaB = 1 / (LangevinMiddleIntegrator.BOLTZMANN * b.temperature());
    double delta = (betaA - betaB) * (a.potentialEnergy() - b.potentialEnergy());
    attempts[i]++;
    if (delta >= 0 || random.nextDouble() < Math.exp(delta)) {
      accepted[i]++;
      a.swapConfigurations(b);
    }
  }

  /** Fraction of accepted exchanges between replicas i and i+1. */
  public double acceptance(int i) {
    return attempts[i] == 0 ? 0 : (double) accepted[i] / attempts[i];
  }
}
