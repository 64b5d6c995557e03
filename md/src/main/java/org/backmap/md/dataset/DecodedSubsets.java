package org.backmap.md.dataset;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Which residues count as already decoded when a target is decoded, emulating decoding in a random order: of the
 * {@code n - 1} other residues, a number {@code k} uniform on {@code 0..n-1}, then a uniformly random subset of
 * that size. (A uniformly random subset would almost always hold about half the residues; a random order reaches
 * every stage of decoding equally often, from nothing decoded to everything but the target.)
 */
public final class DecodedSubsets {
  private DecodedSubsets() {}

  /**
   * The decoded residues for target {@code target} among {@code residues} residues, sorted.
   *
   * @param random the source of randomness; the draw consumes one value for k and k values for the subset
   */
  public static int[] draw(int residues, int target, RandomGenerator random) {
    if (target < 0 || target >= residues) {
      throw new IllegalArgumentException("target " + target + " is not one of " + residues + " residues");
    }
    int others = residues - 1;
    int k = random.nextInt(others + 1);
    // Partial Fisher-Yates over the other residues: the first k positions are a uniform k-subset.
    int[] pool = new int[others];
    for (int i = 0; i < others; i++) {
      pool[i] = i < target ? i : i + 1;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(others - i);
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    int[] chosen = Arrays.copyOf(pool, k);
    Arrays.sort(chosen);
    return chosen;
  }
}
