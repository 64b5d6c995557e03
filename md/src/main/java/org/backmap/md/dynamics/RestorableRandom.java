package org.backmap.md.dynamics;

import java.util.random.RandomGenerator;

/**
 * The JDK's {@code L64X128MixRandom} (a 64-bit LCG mixed with xoroshiro128, Steele and Vigna 2021), rewritten so
 * that its state can be saved and restored: a run continued from a checkpoint draws exactly the numbers the
 * uninterrupted run would have drawn. Seeded the same way, it yields the same stream as
 * {@code RandomGeneratorFactory.of("L64X128MixRandom").create(seed)}, Gaussians and doubles included (they are
 * the interface's defaults, built on {@link #nextLong()}). Not thread-safe.
 */
public final class RestorableRandom implements RandomGenerator {
  /** Longs in {@link #state()}. */
  public static final int STATE_LONGS = 4;
  private static final long M = 0xd1342543de82ef95L;
  private static final long GOLDEN_RATIO_64 = 0x9e3779b97f4a7c15L;
  private static final long SILVER_RATIO_64 = 0x6A09E667F3BCC909L;

  private final long a;
  private long s;
  private long x0;
  private long x1;

  private RestorableRandom(long a, long s, long x0, long x1) {
    this.a = a | 1;
    this.s = s;
    this.x0 = x0;
    this.x1 = x1;
    if ((x0 | x1) == 0) {
      long v = s;
      this.x0 = mixStafford13(v += GOLDEN_RATIO_64);
      this.x1 = mixStafford13(v + GOLDEN_RATIO_64);
    }
  }

  /** The stream of {@code seed}. */
  public static RestorableRandom seeded(long seed) {
    long z = seed ^ SILVER_RATIO_64;
    return new RestorableRandom(mixMurmur64(z), 1, mixStafford13(z), mixStafford13(z + GOLDEN_RATIO_64));
  }

  /** A generator continuing from {@code state}, as returned by {@link #state()}. */
  public static RestorableRandom restored(long[] state) {
    if (state.length != STATE_LONGS) {
      throw new IllegalArgumentException("a generator state has " + STATE_LONGS + " values, got " + state.length);
    }
    return new RestorableRandom(state[0], state[1], state[2], state[3]);
  }

  /** The complete state: increment, LCG state and the two xoroshiro words. */
  public long[] state() {
    return new long[] {a, s, x0, x1};
  }

  @Override
  public long nextLong() {
    long result = mixLea64(s + x0);
    s = M * s + a;
    long q0 = x0, q1 = x1;
    q1 ^= q0;
    q0 = Long.rotateLeft(q0, 24);
    q0 = q0 ^ q1 ^ (q1 << 16);
    q1 = Long.rotateLeft(q1, 37);
    x0 = q0;
    x1 = q1;
    return result;
  }

  private static long mixMurmur64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static long mixStafford13(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long mixLea64(long z) {
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    z = (z ^ (z >>> 32)) * 0xdaba0b6eb09322e3L;
    return z ^ (z >>> 32);
  }
}
