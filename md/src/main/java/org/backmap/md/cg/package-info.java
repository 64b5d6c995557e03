/**
 * The coarse-grained representation: per residue the kept backbone atoms (N, CA, C, O, amide H, CB, OXT) and
 * one side-chain bead at a centre of mass; {@link org.backmap.md.cg.CgMapper} maps an all-atom topology to a
 * {@link org.backmap.md.cg.CgStructure}, which reads and writes its own documented PDB layout.
 */
package org.backmap.md.cg;
