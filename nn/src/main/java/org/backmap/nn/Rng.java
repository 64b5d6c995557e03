package org.backmap.nn;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The seeded random number generator used for every random choice in backmap (initial weights, shuffling,
 * splits, sampling): the same seed gives the same stream on one machine.
 *
 * <p>Each {@code Rng} is a {@link #ALGORITHM} generator seeded from a 64-bit key. Independent streams come
 * from {@link #split()}, which draws the child's key from this stream (so it advances this one), and from
 * {@link #fork(String)}, which derives the child's key from this key and a name without touching this stream:
 * {@code key' = fmix64(key ^ fnv1a64(name))}. Forks make a component's randomness independent of how much
 * randomness other components consumed before it. Not thread-safe: give each thread its own split.
 */
public final class Rng {

  /** Algorithm of the underlying generator, from the JDK's {@link RandomGeneratorFactory}. */
  public static final String ALGORITHM = "L64X128MixRandom";

  private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

  private final long key;
  private final RandomGenerator generator;

  private Rng(long key) {
    this.key = key;
    this.generator = FACTORY.create(key);
  }

  /** A generator whose whole stream is determined by {@code seed}. */
  public static Rng seeded(long seed) {
    return new Rng(seed);
  }

  /** The underlying generator, for APIs that take a {@link RandomGenerator}; drawing from it advances this. */
  public RandomGenerator generator() {
    return generator;
  }

  /** A new independent stream whose key is the next value of this stream. */
  public Rng split() {
    return new Rng(generator.nextLong());
  }

  /** A new stream determined by this generator's key and {@code name} alone; this stream is not advanced. */
  public Rng fork(String name) {
    return new Rng(fmix64(key ^ fnv1a64(name)));
  }

  /** Uniform on {@code [0, 1)}. */
  public double nextDouble() {
    return generator.nextDouble();
  }

  /** Standard normal. */
  public double nextGaussian() {
    return generator.nextGaussian();
  }

  /** Uniform on {@code [0, bound)}. */
  public int nextInt(int bound) {
    return generator.nextInt(bound);
  }

  /** Uniform 64-bit value. */
  public long nextLong() {
    return generator.nextLong();
  }

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates). */
  public int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = generator.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** 64-bit FNV-1a hash of the UTF-8 bytes of {@code s}. */
  private static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole key. */
  private static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
