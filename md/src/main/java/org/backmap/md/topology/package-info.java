/**
 * Residue topology: which ff14SB template each residue of a structure follows (termini, protonation state
 * from the hydrogens present, disulfides), which atoms are missing, and the bonds between residues. This is
 * what hydrogen completion, CG mapping and a force field build on.
 */
package org.backmap.md.topology;
