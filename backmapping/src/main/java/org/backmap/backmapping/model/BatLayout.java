package org.backmap.backmapping.model;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.dataset.ResidueType;
import org.backmap.md.templates.TemplateLibrary;

/**
 * The BAT vector of a residue type as the model sees it: {@code [bonds of placed heavy atoms (Angstrom), angles,
 * torsions]} (radians), the layout of {@link ZMatrix}. Torsions are circular, bonds and angles linear.
 *
 * @param type the residue type ({@link ResidueType})
 * @param heavyAtoms placed heavy atoms (one bond each); CB is a root, so it is not among them
 * @param placedAtoms placed atoms (one angle and one torsion each)
 */
public record BatLayout(String type, int heavyAtoms, int placedAtoms) {

  /** The layout of {@code type}, from the Z-matrix of a template that trains it. */
  public static BatLayout of(String type) {
    ZMatrix z = zMatrix(type);
    return new BatLayout(type, z.heavyCount(), z.placedCount());
  }

  /**
   * The Z-matrix of {@code type}'s group in a template that trains it: the type's own name for side chains (every
   * terminal template of a residue shares its side-chain Z-matrix), NALA for {@value ResidueType#NTERM}, NPRO for
   * {@value ResidueType#NPRO}.
   *
   * @throws IllegalArgumentException for an unknown type
   */
  public static ZMatrix zMatrix(String type) {
    BatGroup group = ResidueType.groupOf(type);
    // every template of a type shares its Z-matrix; N-terminal hydrogens of any non-proline residue are Nterm
    String template = switch (type) {
      case ResidueType.NTERM -> "NALA";
      case ResidueType.NPRO -> "NPRO";
      default -> type;
    };
    TemplateLibrary library = TemplateLibrary.ff14SB();
    if (!library.hasTemplate(template)) {
      throw new IllegalArgumentException("unknown residue type " + type);
    }
    return ZMatrix.of(library, template, group);
  }

  /** Length of the BAT vector. */
  public int dims() {
    return heavyAtoms + 2 * placedAtoms;
  }

  /** Index of the first torsion. */
  public int torsionOffset() {
    return heavyAtoms + placedAtoms;
  }

  /** Per dimension: true for torsions (circular). */
  public List<Boolean> torsionMask() {
    List<Boolean> mask = new ArrayList<>(dims());
    for (int d = 0; d < dims(); d++) {
      mask.add(d >= torsionOffset());
    }
    return mask;
  }

  /** Side-chain heavy atoms including CB (CB is a root, the others are placed); 0 for the unconditional types. */
  public int sideChainHeavyAtoms() {
    return ResidueType.groupOf(type) == BatGroup.SIDECHAIN && !type.equals("GLY") ? heavyAtoms + 1 : 0;
  }
}
