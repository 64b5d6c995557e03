package org.backmap.md.structure;

/**
 * One atom: its name (normalised PDB name, e.g. {@code HB2}), element and position in Angstrom.
 *
 * @param name atom name
 * @param element chemical element
 * @param x x coordinate (Angstrom)
 * @param y y coordinate (Angstrom)
 * @param z z coordinate (Angstrom)
 */
public record Atom(String name, Element element, double x, double y, double z) {

  /** Distance to {@code other} in Angstrom. */
  public double distance(Atom other) {
    double dx = x - other.x, dy = y - other.y, dz = z - other.z;
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /** This atom moved to a new position. */
  public Atom at(double nx, double ny, double nz) {
    return new Atom(name, element, nx, ny, nz);
  }
}
