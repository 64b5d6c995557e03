/**
 * Parameterised systems: a complete structure plus AMBER14SB and GBn2 become flat per-term index and parameter
 * arrays (bonds, angles, torsions, Lennard-Jones and Coulomb with exclusions and scaled 1-4 pairs, GBn2 radii,
 * constraints), assigned exactly as OpenMM 7.7's {@code ForceField.createSystem} assigns them.
 */
package org.backmap.md.system;
