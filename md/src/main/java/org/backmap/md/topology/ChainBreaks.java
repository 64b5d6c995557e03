package org.backmap.md.topology;

/** What {@link Topology#build} does with a break inside a chain (consecutive residues whose C and N are not bonded). */
public enum ChainBreaks {
  /** A break is an error naming the two residues. */
  ERROR,
  /** A break is recorded; the residues on both sides keep their internal templates (as OpenMM does). */
  KEEP,
  /** A break is recorded and splits the chain: the residue before it is C-terminal, the one after N-terminal. */
  TERMINI
}
