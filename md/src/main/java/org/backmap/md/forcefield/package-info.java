/**
 * AMBER ff14SB force-field parameters beyond the residue templates (periodic proper and improper torsions,
 * Lennard-Jones types, 1-4 scale factors) and the GBn2 implicit-solvent model's per-atom parameters and neck
 * tables, as OpenMM 7.7 defines them.
 */
package org.backmap.md.forcefield;
