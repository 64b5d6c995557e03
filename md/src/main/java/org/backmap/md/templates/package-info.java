/**
 * AMBER ff14SB residue templates, read from OpenMM's {@code protein.ff14SB.xml} (shipped as a resource):
 * atom types with element and mass, template atoms with charge, bonds, external bonds, terminal and
 * protonation variants, and the harmonic bond / angle parameters that give ideal geometry.
 */
package org.backmap.md.templates;
