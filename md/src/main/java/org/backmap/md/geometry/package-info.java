/** Small double-precision vector helpers shared by hydrogen placement and BAT coordinates. */
package org.backmap.md.geometry;
