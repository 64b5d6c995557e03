package org.backmap.backmapping.cgmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.backmap.md.cg.CgStructure;

/** The frames of a trajectory drawn by cluster ({@link ClusterModel}): {@code P2(frame) = P(cluster) / size}. */
public final class FrameClusters implements CgModel {
  private final List<CgStructure> frames;
  private final ClusterModel clusters;

  /**
   * The frames with their clustering.
   *
   * @throws IllegalArgumentException if the clustering is not of these frames
   */
  public FrameClusters(List<CgStructure> frames, ClusterModel clusters) {
    if (frames.isEmpty() || frames.size() != clusters.frames()) {
      throw new IllegalArgumentException(frames.size() + " frames, the cluster model has " + clusters.frames());
    }
    this.frames = List.copyOf(frames);
    this.clusters = clusters;
  }

  /** The clustering. */
  public ClusterModel clusters() {
    return clusters;
  }

  /** The frames. */
  public List<CgStructure> frames() {
    return frames;
  }

  @Override
  public List<Draw> draw(int n, SplittableRandom random) {
    List<Draw> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int f = clusters.sample(random);
      out.add(new Draw(frames.get(f), clusters.logProb(f), f, clusters.clusterOf(f)));
    }
    return out;
  }

  @Override
  public CgStructure topology() {
    return frames.get(0);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "cluster-%s, %d clusters of %d frames", clusters.choice().name().toLowerCase(Locale.ROOT),
        clusters.clusters(), clusters.frames());
  }
}
