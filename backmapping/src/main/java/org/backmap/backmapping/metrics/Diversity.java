package org.backmap.backmapping.metrics;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The diversity score of {@link StructureMetrics}: {@code 1 - mean pairwise RMSD / mean RMSD to the reference} over a
 * set of generated structures, for the whole set and for each bootstrap resample. RMSDs take coordinates as they are
 * (no superposition); the pairwise RMSDs are computed once and looked up by the resamples.
 */
final class Diversity {
  /**
   * The score of the whole set, the mean and standard deviation over the resamples, and the whole set's two means.
   *
   * @param value the whole set's score
   * @param mean mean over the resamples
   * @param std standard deviation over the resamples (denominator resamples - 1; 0 for one resample)
   * @param meanPairwiseRmsd mean RMSD over the pairs of distinct structures of the whole set
   * @param meanReferenceRmsd mean RMSD to the reference over the whole set
   */
  record Result(double value, double mean, double std, double meanPairwiseRmsd, double meanReferenceRmsd) {}

  private Diversity() {}

  /**
   * The diversity of {@code structures} over {@code atoms}.
   *
   * @param structures each structure's coordinates, flat, in the reference's atom order
   * @param reference the reference's coordinates
   * @param atoms the atoms measured
   * @param resamples each resample as indices into {@code structures} (drawn with replacement)
   */
  static Result of(List<float[]> structures, float[] reference, int[] atoms, int[][] resamples) {
    int n = structures.size();
    double[] toReference = new double[n];
    double[][] pairs = new double[n][];
    for (int i = 0; i < n; i++) {
      toReference[i] = rmsd(structures.get(i), reference, atoms);
      pairs[i] = new double[i];
      for (int j = 0; j < i; j++) {
        pairs[i][j] = rmsd(structures.get(i), structures.get(j), atoms);
      }
    }
    double[] whole = means(IntStream.range(0, n).toArray(), toReference, pairs);
    double[] scores = new double[resamples.length];
    double mean = 0;
    for (int b = 0; b < resamples.length; b++) {
      double[] m = means(resamples[b], toReference, pairs);
      scores[b] = score(m[0], m[1]);
      mean += scores[b];
    }
    mean /= resamples.length;
    double squares = 0;
    for (double s : scores) {
      squares += (s - mean) * (s - mean);
    }
    double std = resamples.length > 1 ? Math.sqrt(squares / (resamples.length - 1)) : 0;
    return new Result(score(whole[0], whole[1]), mean, std, whole[0], whole[1]);
  }

  /**
   * {@code 1 - pairwise / toReference}; 1 when the mean RMSD to the reference is 0, since every structure then equals
   * the reference and so each other (no diversity, the limit of structures identical to each other).
   */
  static double score(double pairwise, double toReference) {
    return toReference == 0 ? 1 : 1 - pairwise / toReference;
  }

  /** Root-mean-square distance of {@code a} and {@code b} over {@code atoms}, coordinates as they are. */
  static double rmsd(float[] a, float[] b, int[] atoms) {
    double sum = 0;
    for (int i : atoms) {
      double dx = a[3 * i] - b[3 * i], dy = a[3 * i + 1] - b[3 * i + 1], dz = a[3 * i + 2] - b[3 * i + 2];
      sum += dx * dx + dy * dy + dz * dz;
    }
    return Math.sqrt(sum / atoms.length);
  }

  /**
   * The mean pairwise RMSD over the pairs of positions of {@code drawn} (a structure drawn twice makes a pair at RMSD
   * 0, as the plain bootstrap of the statistic has it) and the mean RMSD to the reference.
   */
  private static double[] means(int[] drawn, double[] toReference, double[][] pairs) {
    double reference = 0;
    double pairwise = 0;
    for (int a = 0; a < drawn.length; a++) {
      reference += toReference[drawn[a]];
      for (int b = 0; b < a; b++) {
        int i = Math.max(drawn[a], drawn[b]), j = Math.min(drawn[a], drawn[b]);
        pairwise += i == j ? 0 : pairs[i][j];
      }
    }
    long m = drawn.length;
    return new double[] {pairwise / (m * (m - 1) / 2), reference / m};
  }
}
