package org.backmap.backmapping.cgmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Complete-linkage clusters against the textbook O(n^3) procedure; the model's probabilities and samples. */
class ClusterModelTest {

  @Test
  void clustersEqualNaiveCompleteLinkageAndHoldTheCutoff() {
    SplittableRandom rng = new SplittableRandom(4);
    for (int trial = 0; trial < 30; trial++) {
      int n = 5 + rng.nextInt(40);
      double[][] p = new double[n][2];
      for (double[] x : p) {
        x[0] = rng.nextDouble(0, 10);
        x[1] = rng.nextDouble(0, 10);
      }
      double cutoff = rng.nextDouble(0.5, 6);
      ClusterModel m = ClusterModel.fit(n, k -> dist(p[k / n], p[k % n]), cutoff, ClusterModel.Choice.POPULATION);
      int[] naive = naive(p, cutoff);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          assertEquals(naive[i] == naive[j], m.clusterOf(i) == m.clusterOf(j), "trial " + trial + " pair " + i + "," + j);
          if (m.clusterOf(i) == m.clusterOf(j)) {
            assertTrue(dist(p[i], p[j]) <= cutoff + 1e-6, "every member within the cutoff of every other");
          }
        }
      }
    }
  }

  @Test
  void probabilitiesSumToOneAndSamplesFollowThem() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 60;
    double[][] p = new double[n][2];
    for (int i = 0; i < n; i++) {
      p[i][0] = (i % 3) * 100 + (i < 40 ? rng.nextDouble() : 50 + rng.nextDouble()); // uneven clusters
      p[i][1] = rng.nextDouble();
    }
    ClusterModel pop = ClusterModel.fit(n, k -> dist(p[k / n], p[k % n]), 2, ClusterModel.Choice.POPULATION);
    assertTrue(pop.clusters() > 1 && pop.clusters() < n);
    for (ClusterModel m : List.of(pop, pop.with(ClusterModel.Choice.UNIFORM))) {
      double sum = 0;
      for (int f = 0; f < n; f++) {
        sum += Math.exp(m.logProb(f));
      }
      assertEquals(1, sum, 1e-12, m.choice().toString());
      int draws = 200_000;
      int[] count = new int[n];
      SplittableRandom r = new SplittableRandom(6);
      for (int i = 0; i < draws; i++) {
        count[m.sample(r)]++;
      }
      for (int f = 0; f < n; f++) {
        double expected = draws * Math.exp(m.logProb(f));
        assertEquals(expected, count[f], 5 * Math.sqrt(expected) + 1, m.choice() + " frame " + f);
      }
    }
    assertEquals(-Math.log(n), pop.logProb(0), 1e-12, "by population every frame is equally likely");
  }

  @Test
  void rotatedCopiesOfAStructureFallInOneCluster() {
    SplittableRandom rng = new SplittableRandom(7);
    double[] a = new double[30];
    double[] b = new double[30];
    for (int i = 0; i < 30; i++) {
      a[i] = rng.nextDouble(-8, 8);
      b[i] = rng.nextDouble(-8, 8);
    }
    List<double[]> frames = new ArrayList<>();
    for (int k = 0; k < 6; k++) {
      double c = Math.cos(k), s = Math.sin(k);
      double[] base = k % 2 == 0 ? a : b;
      double[] x = new double[30];
      for (int i = 0; i < 30; i += 3) {
        x[i] = c * base[i] - s * base[i + 1] + k;
        x[i + 1] = s * base[i] + c * base[i + 1];
        x[i + 2] = base[i + 2] - k;
      }
      frames.add(x);
    }
    ClusterModel m = ClusterModel.fit(frames, 2.0, ClusterModel.Choice.UNIFORM);
    assertEquals(2, m.clusters());
    assertEquals(m.clusterOf(0), m.clusterOf(4));
    assertEquals(m.clusterOf(1), m.clusterOf(5));
    assertEquals(Math.log(0.5 / 3), m.logProb(2), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> ClusterModel.fit(List.of(), 2, ClusterModel.Choice.UNIFORM));
  }

  private static double dist(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  /** Agglomerative complete linkage, the closest pair of clusters merged first, until it exceeds the cutoff. */
  private static int[] naive(double[][] p, double cutoff) {
    int n = p.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (clusters.size() > 1) {
      double best = Double.POSITIVE_INFINITY;
      int bi = -1, bj = -1;
      for (int i = 0; i < clusters.size(); i++) {
        for (int j = i + 1; j < clusters.size(); j++) {
          double d = 0;
          for (int a : clusters.get(i)) {
            for (int b : clusters.get(j)) {
              d = Math.max(d, (float) dist(p[a], p[b]));
            }
          }
          if (d < best) {
            best = d;
            bi = i;
            bj = j;
          }
        }
      }
      if (best > cutoff) {
        break;
      }
      clusters.get(bi).addAll(clusters.remove(bj));
    }
    int[] label = new int[n];
    for (int c = 0; c < clusters.size(); c++) {
      for (int i : clusters.get(c)) {
        label[i] = c;
      }
    }
    return label;
  }
}
