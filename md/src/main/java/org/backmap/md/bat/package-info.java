/**
 * Exact bond-angle-torsion (BAT) coordinates of the backmapped atoms of a residue: the Z-matrix built from
 * the template bond graph by a fixed rule ({@link org.backmap.md.bat.ZMatrix}), and batched float64
 * conversions Cartesian to BAT and back with the log-determinant of the Jacobian
 * ({@link org.backmap.md.bat.BatConverter}).
 */
package org.backmap.md.bat;
