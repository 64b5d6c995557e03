package org.backmap.md.bat;

/** The two kinds of atom group that are decoded from CG coordinates. */
public enum BatGroup {
  /**
   * The residue minus N, O, H, OXT, H1, H2, H3, rooted on C, CA, CB (glycine: N, C, CA, with HA2 and HA3 as its
   * atoms). CB itself is a root, so it is not decoded.
   */
  SIDECHAIN,
  /** H1, H2, H3 of an N-terminal residue (H2, H3 for proline), rooted on C, CA, N. */
  N_TERMINAL_HYDROGENS
}
