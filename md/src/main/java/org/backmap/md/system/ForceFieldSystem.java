package org.backmap.md.system;

import org.backmap.md.structure.Element;

/**
 * A parameterised AMBER14SB + GBn2 system: per-atom properties and one parameter record per energy term, each in
 * the flat layout of OpenMM's reference kernels (a force owns its parameters). Units: nm, kJ/mol, radians, Da,
 * elementary charges. Built by {@link SystemBuilder}; immutable by convention: accessors return the internal
 * arrays, which callers must not modify.
 */
public final class ForceFieldSystem {
  private final String[] atomLabels;
  private final Element[] elements;
  private final double[] masses;
  private final BondParameters bonds;
  private final AngleParameters angles;
  private final TorsionParameters torsions;
  private final NonbondedParameters nonbonded;
  private final GbParameters gb;
  private final ConstraintParameters constraints;

  ForceFieldSystem(String[] atomLabels, Element[] elements, double[] masses, BondParameters bonds,
      AngleParameters angles, TorsionParameters torsions, NonbondedParameters nonbonded, GbParameters gb,
      ConstraintParameters constraints) {
    int n = masses.length;
    ParameterArrays.requireLength("ForceFieldSystem", "atomLabels", atomLabels, n);
    ParameterArrays.requireLength("ForceFieldSystem", "elements", elements, n);
    ParameterArrays.requireLength("ForceFieldSystem", "nonbonded atoms", nonbonded.charges(), n);
    ParameterArrays.requireLength("ForceFieldSystem", "gb atoms", gb.radius(), n);
    this.atomLabels = atomLabels;
    this.elements = elements;
    this.masses = masses;
    this.bonds = bonds;
    this.angles = angles;
    this.torsions = torsions;
    this.nonbonded = nonbonded;
    this.gb = gb;
    this.constraints = constraints;
  }

  /** Number of atoms. */
  public int atomCount() {
    return masses.length;
  }

  /** Atom labels for messages, e.g. {@code "A 12 ALA CB"}. */
  public String atomLabel(int atom) {
    return atomLabels[atom];
  }

  /** Elements. */
  public Element[] elements() {
    return elements;
  }

  /** Masses (Da) from the force-field atom types. */
  public double[] masses() {
    return masses;
  }

  /** Harmonic bonds. */
  public BondParameters bonds() {
    return bonds;
  }

  /** Harmonic angles. */
  public AngleParameters angles() {
    return angles;
  }

  /** Periodic torsions, propers then impropers. */
  public TorsionParameters torsions() {
    return torsions;
  }

  /** Lennard-Jones and Coulomb parameters, including the partial charges, exclusions and scaled 1-4 pairs. */
  public NonbondedParameters nonbonded() {
    return nonbonded;
  }

  /** GBn2 parameters; the charges are {@link NonbondedParameters#charges()}. */
  public GbParameters gb() {
    return gb;
  }

  /** Bonds to hydrogen: the distance constraints of dynamics. */
  public ConstraintParameters constraints() {
    return constraints;
  }
}
