package org.backmap.md.structure;

/**
 * Input that cannot be used: the message names the file and, where they apply, the chain, residue number
 * and atom, e.g. {@code "x.pdb: chain A residue 12 ALA atom CB: duplicated atom"}.
 */
public final class StructureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A problem with the whole file. */
  public StructureException(String source, String problem) {
    super(source + ": " + problem);
  }

  /** A problem at a residue ({@code atom} may be {@code null}). */
  public StructureException(String source, String chain, Residue residue, String atom, String problem) {
    super(source + ": chain " + chain + " residue " + residue.label() + " " + residue.name()
        + (atom == null ? "" : " atom " + atom) + ": " + problem);
  }
}
