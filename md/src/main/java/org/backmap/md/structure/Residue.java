package org.backmap.md.structure;

import java.util.List;

/**
 * One residue: normalised residue name ({@code HIS} for every histidine; the protonation state lives in the
 * topology), sequence number, insertion code and atoms in file order.
 *
 * @param name residue name
 * @param number author sequence number
 * @param insertionCode insertion code, a space when none
 * @param atoms atoms, distinct names
 */
public record Residue(String name, int number, char insertionCode, List<Atom> atoms) {

  public Residue {
    atoms = List.copyOf(atoms);
  }

  /** The atom called {@code atomName}, or {@code null}. */
  public Atom atom(String atomName) {
    for (Atom a : atoms) {
      if (a.name().equals(atomName)) {
        return a;
      }
    }
    return null;
  }

  /** Whether an atom called {@code atomName} is present. */
  public boolean has(String atomName) {
    return atom(atomName) != null;
  }

  /** The same residue with other atoms. */
  public Residue withAtoms(List<Atom> newAtoms) {
    return new Residue(name, number, insertionCode, newAtoms);
  }

  /** Sequence number and insertion code as written in PDB files, e.g. {@code 52} or {@code 52A}. */
  public String label() {
    return insertionCode == ' ' ? Integer.toString(number) : number + String.valueOf(insertionCode);
  }
}
