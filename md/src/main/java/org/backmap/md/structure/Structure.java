package org.backmap.md.structure;

import java.util.List;

/**
 * A protein structure (one model).
 *
 * @param source where it came from (a file name), used in error messages
 * @param chains protein chains
 * @param notes what reading dropped or changed (HETATM groups, waters, altlocs, renamed atoms)
 */
public record Structure(String source, List<Chain> chains, List<String> notes) {
  public Structure {
    chains = List.copyOf(chains);
    notes = List.copyOf(notes);
  }

  /** The same structure with other chains (notes kept). */
  public Structure withChains(List<Chain> newChains) {
    return new Structure(source, newChains, notes);
  }

  /** Number of residues in all chains. */
  public int residueCount() {
    return chains.stream().mapToInt(c -> c.residues().size()).sum();
  }

  /** Number of atoms in all chains. */
  public int atomCount() {
    return chains.stream().flatMap(c -> c.residues().stream()).mapToInt(r -> r.atoms().size()).sum();
  }
}
