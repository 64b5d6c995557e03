package org.backmap.md.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backmap.md.geometry.CellGrid;

/**
 * Pairs of atoms closer than a distance no two atoms of a real protein come (bonded or not: bonds are at least
 * 0.95 Angstrom): the sign of overlapping copies, misplaced atoms or a corrupted file. Found with a cell grid, so
 * large structures cost linear time.
 */
public final class CloseContacts {
  /** Atoms closer than this (Angstrom) are reported. */
  public static final double DEFAULT_MINIMUM = 0.5;

  /**
   * One close pair.
   *
   * @param first the first atom, as {@code "chain A residue 12 ALA atom CB"}
   * @param second the second atom
   * @param distance their distance (Angstrom)
   * @param heavy whether both are heavy atoms: a hydrogen too close is moved by minimisation, two heavy atoms
   *     this close are a broken structure
   */
  public record Contact(String first, String second, double distance, boolean heavy) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s and %s are %.3f A apart", first, second, distance);
    }
  }

  private CloseContacts() {}

  /** Every pair of atoms of {@code structure} closer than {@code minimum} Angstrom, ordered by the first atom in file order. */
  public static List<Contact> find(Structure structure, double minimum) {
    List<Atom> atoms = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Chain c : structure.chains()) {
      for (Residue r : c.residues()) {
        for (Atom a : r.atoms()) {
          atoms.add(a);
          labels.add("chain " + c.id() + " residue " + r.label() + " " + r.name() + " atom " + a.name());
        }
      }
    }
    CellGrid grid = new CellGrid(minimum);
    atoms.forEach(a -> grid.add(a.x(), a.y(), a.z()));
    List<Contact> out = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      Atom a = atoms.get(i);
      int first = i;
      grid.forEachWithin(a.x(), a.y(), a.z(), minimum, (j, d) -> {
        if (j > first) {
          out.add(new Contact(labels.get(first), labels.get(j), d, a.element() != Element.H && atoms.get(j).element() != Element.H));
        }
      });
    }
    return out;
  }
}
