/**
 * Shared double-precision geometry of hydrogen placement and BAT coordinates: 3-vector arithmetic
 * ({@link org.backmap.md.geometry.Vec3}), internal coordinates
 * ({@link org.backmap.md.geometry.InternalCoordinates}), and a cell grid for short-range neighbour questions
 * ({@link org.backmap.md.geometry.CellGrid}).
 */
package org.backmap.md.geometry;
