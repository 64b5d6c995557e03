/**
 * Making real-world structures usable, as pdbfixer does: residues without a backbone removed, foreign and invalid
 * atoms dropped, element columns corrected, chains split at breaks with proper termini, and missing heavy atoms
 * rebuilt from ideal residue geometry. Every change is recorded in {@link org.backmap.md.structure.Structure#repairs()}
 * naming chain, residue and atom. Hydrogens are left to {@link org.backmap.md.hydrogens.HydrogenCompleter}.
 */
package org.backmap.md.repair;
