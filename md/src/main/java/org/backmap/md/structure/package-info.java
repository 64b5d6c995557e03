/**
 * Protein structures: an immutable atom / residue / chain / structure model in Angstrom, reading PDB and
 * mmCIF files through BioJava (offline, first model, highest-occupancy altloc, HETATM and nucleic acids
 * dropped with a note, names normalised with OpenMM's {@code pdbNames.xml}), and PDB / mmCIF writers.
 */
package org.backmap.md.structure;
