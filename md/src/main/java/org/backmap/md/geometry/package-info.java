/**
 * Shared double-precision geometry of hydrogen placement and BAT coordinates: 3-vector arithmetic
 * ({@link org.backmap.md.geometry.Vec3}) and internal coordinates
 * ({@link org.backmap.md.geometry.InternalCoordinates}).
 */
package org.backmap.md.geometry;
