package org.backmap.md.templates;

/**
 * A harmonic bond parameter, in the force-field file's units.
 *
 * @param type1 first atom type
 * @param type2 second atom type
 * @param length equilibrium length (nm)
 * @param k force constant (kJ/mol/nm^2)
 */
public record HarmonicBond(String type1, String type2, double length, double k) {}
