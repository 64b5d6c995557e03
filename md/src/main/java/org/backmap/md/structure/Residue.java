package org.backmap.md.structure;

import java.util.List;

/**
 * One residue: normalised residue name ({@code HIS} for every histidine; the protonation state lives in the
 * topology), sequence number, insertion code, atoms in file order and the residue name as the file wrote it
 * ({@code HID}, {@code HSE}, {@code ASH}, ... state a protonation variant that the normalised name loses).
 *
 * @param name residue name, normalised
 * @param number author sequence number
 * @param insertionCode insertion code, a space when none
 * @param atoms atoms, distinct names
 * @param nameAsWritten the residue name as written in the file (equal to {@code name} when not read from one)
 */
public record Residue(String name, int number, char insertionCode, List<Atom> atoms, String nameAsWritten) {

  public Residue {
    atoms = List.copyOf(atoms);
    nameAsWritten = nameAsWritten == null ? name : nameAsWritten;
  }

  /** A residue whose name was not written differently: {@code nameAsWritten} is {@code name}. */
  public Residue(String name, int number, char insertionCode, List<Atom> atoms) {
    this(name, number, insertionCode, atoms, name);
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

  /** The same residue with other atoms (the name as written kept). */
  public Residue withAtoms(List<Atom> newAtoms) {
    return new Residue(name, number, insertionCode, newAtoms, nameAsWritten);
  }

  /** Sequence number and insertion code as written in PDB files, e.g. {@code 52} or {@code 52A}. */
  public String label() {
    return insertionCode == ' ' ? Integer.toString(number) : number + String.valueOf(insertionCode);
  }
}
