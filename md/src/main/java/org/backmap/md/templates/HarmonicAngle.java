package org.backmap.md.templates;

/**
 * A harmonic angle parameter, in the force-field file's units.
 *
 * @param type1 first atom type
 * @param type2 central atom type
 * @param type3 third atom type
 * @param angle equilibrium angle (rad)
 * @param k force constant (kJ/mol/rad^2)
 */
public record HarmonicAngle(String type1, String type2, String type3, double angle, double k) {}
