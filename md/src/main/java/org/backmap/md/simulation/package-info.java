/**
 * A dynamics run from a {@link org.backmap.md.protein.PreparedProtein} to trajectory files: optional
 * minimisation, Langevin dynamics or temperature replica exchange, frames and energies written as they come.
 */
package org.backmap.md.simulation;
