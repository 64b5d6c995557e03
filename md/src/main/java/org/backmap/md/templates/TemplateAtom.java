package org.backmap.md.templates;

/**
 * One atom of a residue template.
 *
 * @param name atom name, e.g. {@code HB2}
 * @param type ff14SB atom type
 * @param charge partial charge (elementary charges)
 */
public record TemplateAtom(String name, AtomType type, double charge) {
  /** Whether the atom is a hydrogen. */
  public boolean isHydrogen() {
    return type.element() == org.backmap.md.structure.Element.H;
  }
}
