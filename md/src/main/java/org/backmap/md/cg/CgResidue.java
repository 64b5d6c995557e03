package org.backmap.md.cg;

import java.util.List;
import org.backmap.md.structure.Atom;

/**
 * One CG residue.
 *
 * @param chainId chain identifier
 * @param number residue number
 * @param insertionCode insertion code, a space when none
 * @param template ff14SB template name (e.g. {@code NALA}, {@code HIE}, {@code CGLY})
 * @param atoms kept atoms in template order
 * @param bead side-chain bead position (x, y, z), or {@code null} when the residue has no side-chain atom
 * @param complete whether the all-atom residue it came from had every template atom
 */
public record CgResidue(String chainId, int number, char insertionCode, String template, List<Atom> atoms, double[] bead, boolean complete) {
  public CgResidue {
    atoms = List.copyOf(atoms);
    bead = bead == null ? null : bead.clone();
  }

  /** The kept atom called {@code name}, or {@code null}. */
  public Atom atom(String name) {
    for (Atom a : atoms) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  /** The bead position (a copy), or {@code null}. */
  @Override
  public double[] bead() {
    return bead == null ? null : bead.clone();
  }

  /** Residue name written to PDB: the template without terminal prefix (e.g. {@code HIE}, {@code ALA}). */
  public String residueName() {
    return template.length() == 4 && (template.startsWith("N") || template.startsWith("C")) ? template.substring(1) : template;
  }
}
