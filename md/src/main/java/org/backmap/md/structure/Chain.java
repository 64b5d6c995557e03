package org.backmap.md.structure;

import java.util.List;

/**
 * One polymer chain in sequence order.
 *
 * @param id chain identifier (author chain id)
 * @param residues residues in order
 */
public record Chain(String id, List<Residue> residues) {
  public Chain {
    residues = List.copyOf(residues);
  }

  /** The same chain with other residues. */
  public Chain withResidues(List<Residue> newResidues) {
    return new Chain(id, newResidues);
  }
}
