/**
 * Parameterised systems: a complete structure plus AMBER14SB and GBn2 become one parameter record per term, each
 * flat index and parameter arrays ({@link org.backmap.md.system.BondParameters}, angles, torsions, Lennard-Jones
 * and Coulomb with exclusions and scaled 1-4 pairs, GBn2 radii, constraints), assigned exactly as OpenMM 7.7's
 * {@code ForceField.createSystem} assigns them.
 */
package org.backmap.md.system;
