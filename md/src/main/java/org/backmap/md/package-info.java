/**
 * The molecular core of backmap: structures in and out, ff14SB residue templates, residue topology,
 * hydrogen completion, the coarse-grained representation, exact bond-angle-torsion coordinates and the
 * training-example dataset. Coordinates are in Angstrom throughout; angles in radians.
 */
package org.backmap.md;
