package org.backmap.md.dynamics;

/**
 * Everything a {@link ReplicaExchange} needs to continue exactly where it was, apart from its replicas.
 *
 * @param random state of the generator of exchange decisions ({@link RestorableRandom#state()})
 * @param attempts exchange attempts between replicas i and i+1
 * @param accepted accepted exchanges between replicas i and i+1
 * @param rounds exchange rounds done (even rounds try even pairs, odd rounds odd pairs)
 */
public record ExchangeState(long[] random, long[] attempts, long[] accepted, long rounds) {
  public ExchangeState {
    if (attempts.length != accepted.length) {
      throw new IllegalArgumentException(attempts.length + " attempt counters but " + accepted.length + " acceptance counters");
    }
    random = random.clone();
    attempts = attempts.clone();
    accepted = accepted.clone();
  }
}
