/**
 * Hydrogen completion in the manner of pdbfixer: every hydrogen of the assigned ff14SB template that the
 * structure lacks is placed from template geometry (ff14SB equilibrium bond lengths and angles, staggered
 * or planar torsions). Residues with missing heavy atoms are reported, not repaired.
 */
package org.backmap.md.hydrogens;
