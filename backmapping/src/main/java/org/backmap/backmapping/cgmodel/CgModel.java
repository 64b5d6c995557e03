package org.backmap.backmapping.cgmodel;

import java.util.List;
import java.util.SplittableRandom;
import org.backmap.md.cg.CgStructure;

/** A CG model P2(R): draws CG structures of one topology, each with its exact {@code log P2(R)}. */
public interface CgModel {

  /**
   * One drawn CG structure.
   *
   * @param structure the CG structure R
   * @param logProb {@code log P2(R)}
   * @param frame index of the trajectory frame it is (0-based), or -1 for a model that generates new structures
   * @param cluster index of the frame's cluster (0-based), or -1
   */
  record Draw(CgStructure structure, double logProb, int frame, int cluster) {}

  /** {@code n} structures drawn independently with {@code random}. */
  List<Draw> draw(int n, SplittableRandom random);

  /** A structure of the model's topology (residues, atoms): what decoding plans from. */
  CgStructure topology();

  /** A short description, e.g. {@code "cluster-population, 412 clusters of 10000 frames"}. */
  String describe();
}
