package org.backmap.md.energy;

/** The terms of the potential energy, in the order they are reported. */
public enum EnergyComponent {
  /** Harmonic bonds. */
  BOND("bond"),
  /** Harmonic angles. */
  ANGLE("angle"),
  /** Periodic proper and improper torsions. */
  TORSION("torsion"),
  /** Lennard-Jones, including the scaled 1-4 pairs. */
  LENNARD_JONES("lj"),
  /** Coulomb in vacuum (solute dielectric 1), including the scaled 1-4 pairs. */
  COULOMB("coulomb"),
  /** GBn2 generalized-Born polar solvation. */
  GB_POLAR("gb_polar"),
  /** ACE non-polar (surface-area) solvation. */
  GB_SURFACE("gb_surface"),
  /** Harmonic positional restraints. */
  RESTRAINT("restraint");

  private final String key;

  EnergyComponent(String key) {
    this.key = key;
  }

  /** Short name used in tables, CSV headers and JSON, e.g. {@code gb_polar}. */
  public String key() {
    return key;
  }
}
