package org.backmap.nn.train;

import java.util.Arrays;
import org.backmap.nn.Rng;

/**
 * A random partition of {@code 0..n-1} into training and validation indices.
 *
 * @param train training indices, ascending
 * @param validation validation indices, ascending
 */
public record DataSplit(int[] train, int[] validation) {

  /**
   * Puts {@code round(fraction * n)} (at least one) randomly chosen examples into validation, the rest into
   * training; both parts must be non-empty.
   */
  public static DataSplit of(int n, double validationFraction, Rng rng) {
    checkFraction(validationFraction);
    int nValidation = Math.max(1, (int) Math.round(validationFraction * n));
    if (nValidation >= n) {
      throw new IllegalArgumentException("cannot split " + n + " examples into non-empty training and validation"
          + " sets");
    }
    int[] perm = rng.permutation(n);
    int[] validation = Arrays.copyOfRange(perm, 0, nValidation);
    int[] train = Arrays.copyOfRange(perm, nValidation, n);
    Arrays.sort(validation);
    Arrays.sort(train);
    return new DataSplit(train, validation);
  }

  /** Rejects validation fractions outside {@code (0, 1)}. */
  static void checkFraction(double validationFraction) {
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
    }
  }
}
