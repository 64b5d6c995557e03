package org.backmap.md.prepare;

import java.nio.file.Path;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.MmcifWriter;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;

/** PDB where the fixed columns hold the structure, else mmCIF. */
enum OutputFormat {
  PDB(".pdb"),
  MMCIF(".cif");

  /** Atom serials have five columns. */
  static final int PDB_MAX_ATOMS = 99_999;

  private final String extension;

  OutputFormat(String extension) {
    this.extension = extension;
  }

  /** PDB unless the structure has more than 99,999 atoms, a chain id longer than one character, or a residue number beyond four columns. */
  static OutputFormat of(Structure s) {
    if (s.atomCount() > PDB_MAX_ATOMS) {
      return MMCIF;
    }
    for (Chain c : s.chains()) {
      if (c.id().length() > 1) {
        return MMCIF;
      }
      for (Residue r : c.residues()) {
        if (r.number() > 9999 || r.number() < -999) {
          return MMCIF;
        }
      }
    }
    return PDB;
  }

  /** The file name for {@code stem}. */
  String fileName(String stem) {
    return stem + extension;
  }

  /** Writes {@code s} to {@code file} atomically. */
  void write(Structure s, Path file) {
    if (this == PDB) {
      PdbWriter.write(s, file);
    } else {
      MmcifWriter.write(s, file);
    }
  }
}
