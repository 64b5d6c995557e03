package org.backmap.backmapping.decode;

import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;

/**
 * One group of one residue to decode.
 *
 * @param residue residue index in the CG structure
 * @param group the atom group
 * @param type the residue type whose model decodes it ({@link org.backmap.md.dataset.ResidueType})
 * @param z the group's Z-matrix
 * @param atoms indices of the Z-matrix's atoms (three roots, then the placed atoms) in the all-atom layout
 */
public record DecodeStep(int residue, BatGroup group, String type, ZMatrix z, int[] atoms) {}
