package org.backmap.backmapping.cgmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.backmap.md.geometry.Superposition;

/**
 * A CG model that draws frames of a trajectory by cluster: the frames are clustered by complete linkage on their
 * alpha-carbon RMSD after optimal superposition, cut at a height so that every member of a cluster is within that
 * RMSD of every other member; a sample picks a cluster (with probability proportional to its population, or
 * uniformly) and then a member uniformly. So {@code P2(frame f) = P(cluster of f) / (size of that cluster)}, and
 * the probabilities of the frames sum to 1.
 *
 * <p>Clustering is the nearest-neighbour-chain algorithm on the condensed distance matrix ({@code n (n - 1) / 2}
 * floats: 200 MB for 10,000 frames), O(n^2) time; complete linkage is reducible, so the chain's merges are those of
 * the usual agglomerative procedure and the clusters at a height are the components of the merges at or below it.
 */
public final class ClusterModel {
  /** How a cluster is chosen. */
  public enum Choice {
    /** In proportion to its population: every frame equally likely. */
    POPULATION,
    /** Uniformly: rare states as likely as common ones. */
    UNIFORM
  }

  private final int[] clusterOf;
  private final int[] sizes;
  private final int[][] members;
  private final Choice choice;

  private ClusterModel(int[] clusterOf, Choice choice) {
    this.clusterOf = clusterOf;
    this.choice = choice;
    int k = Arrays.stream(clusterOf).max().orElse(-1) + 1;
    sizes = new int[k];
    for (int c : clusterOf) {
      sizes[c]++;
    }
    members = new int[k][];
    int[] fill = new int[k];
    for (int c = 0; c < k; c++) {
      members[c] = new int[sizes[c]];
    }
    for (int f = 0; f < clusterOf.length; f++) {
      members[clusterOf[f]][fill[clusterOf[f]]++] = f;
    }
  }

  /**
   * Clusters {@code caFrames} (alpha-carbon coordinates per frame, flat, all of one length) with {@code cutoff}
   * as the largest RMSD within a cluster.
   */
  public static ClusterModel fit(List<double[]> caFrames, double cutoff, Choice choice) {
    int n = caFrames.size();
    if (n == 0) {
      throw new IllegalArgumentException("no frames to cluster");
    }
    float[] d = new float[condensedSize(n)];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        d[index(n, i, j)] = (float) Superposition.rmsd(caFrames.get(i), caFrames.get(j));
      }
    }
    return new ClusterModel(cut(n, d, cutoff), choice);
  }

  /** Clusters {@code n} items whose distance is {@code distance.applyAsDouble(i * n + j)} for i < j (tests, small n). */
  static ClusterModel fit(int n, IntToDoubleFunction distance, double cutoff, Choice choice) {
    float[] d = new float[condensedSize(n)];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        d[index(n, i, j)] = (float) distance.applyAsDouble(i * n + j);
      }
    }
    return new ClusterModel(cut(n, d, cutoff), choice);
  }

  /** The same clusters with another way of choosing them. */
  public ClusterModel with(Choice other) {
    return new ClusterModel(clusterOf, other);
  }

  /** Number of frames. */
  public int frames() {
    return clusterOf.length;
  }

  /** Number of clusters. */
  public int clusters() {
    return sizes.length;
  }

  /** The cluster of frame {@code f}. */
  public int clusterOf(int f) {
    return clusterOf[f];
  }

  /** Cluster sizes, by cluster index (clusters are numbered by their first frame). */
  public int[] sizes() {
    return sizes.clone();
  }

  /** How clusters are chosen. */
  public Choice choice() {
    return choice;
  }

  /** {@code log P2(frame f)}: {@code log P(cluster) - log size}. */
  public double logProb(int f) {
    int c = clusterOf[f];
    double logCluster = choice == Choice.POPULATION ? Math.log(sizes[c]) - Math.log(clusterOf.length) : -Math.log(sizes.length);
    return logCluster - Math.log(sizes[c]);
  }

  /** Draws a frame index. */
  public int sample(SplittableRandom rng) {
    if (choice == Choice.POPULATION) {
      return rng.nextInt(clusterOf.length); // cluster by population, then a member uniformly: every frame alike
    }
    int[] m = members[rng.nextInt(sizes.length)];
    return m[rng.nextInt(m.length)];
  }

  private static int condensedSize(int n) {
    long size = (long) n * (n - 1) / 2;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(n + " frames are too many to cluster (" + size + " pairs)");
    }
    return (int) size;
  }

  private static int index(int n, int i, int j) {
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    return (int) ((long) i * (2L * n - i - 1) / 2 + (j - i - 1));
  }

  /**
   * Complete-linkage clusters at height {@code cutoff} by the nearest-neighbour chain: merges are collected with
   * their heights (the distance matrix updated in place by the Lance-Williams rule, max for complete linkage),
   * then the merges at or below the cutoff are joined. Clusters are numbered in order of their first frame.
   */
  static int[] cut(int n, float[] d, double cutoff) {
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    int[] chain = new int[n];
    int top = 0;
    int remaining = n;
    while (remaining > 1) {
      if (top == 0) {
        for (int i = 0; i < n; i++) {
          if (active[i]) {
            chain[top++] = i;
            break;
          }
        }
      }
      int a = chain[top - 1];
      int prev = top > 1 ? chain[top - 2] : -1;
      // nearest active neighbour of a; ties go to the previous chain element, so the chain cannot cycle
      int b = -1;
      float best = Float.POSITIVE_INFINITY;
      if (prev >= 0) {
        b = prev;
        best = d[index(n, a, prev)];
      }
      for (int j = 0; j < n; j++) {
        if (j == a || !active[j]) {
          continue;
        }
        float v = d[index(n, a, j)];
        if (v < best) {
          best = v;
          b = j;
        }
      }
      if (b == prev) {
        top -= 2; // a and b are reciprocal nearest neighbours: merge b into a
        if (best <= cutoff) {
          union(parent, a, b);
        }
        active[b] = false;
        for (int k = 0; k < n; k++) {
          if (active[k] && k != a) {
            int ka = index(n, k, a);
            d[ka] = Math.max(d[ka], d[index(n, k, b)]);
          }
        }
        remaining--;
      } else {
        chain[top++] = b;
      }
    }
    int[] label = new int[n];
    Arrays.fill(label, -1);
    int[] rootLabel = new int[n];
    Arrays.fill(rootLabel, -1);
    int next = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (rootLabel[r] < 0) {
        rootLabel[r] = next++;
      }
      label[i] = rootLabel[r];
    }
    return label;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, b)] = find(parent, a);
  }

  /** The members of each cluster (frame indices, ascending). */
  public List<int[]> members() {
    List<int[]> out = new ArrayList<>();
    for (int[] m : members) {
      out.add(m.clone());
    }
    return out;
  }
}
