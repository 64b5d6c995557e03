package org.backmap.md.energy;

/**
 * One term of the potential energy, in the shape of OpenMM's reference kernels: coordinates and the term's own
 * index and parameter arrays in, energy and forces out.
 */
public interface EnergyTerm {
  /**
   * Evaluates the term.
   *
   * @param x positions, flat {@code [x0, y0, z0, x1, ...]} in nm (not modified)
   * @param forces forces {@code -dU/dx} in kJ/mol/nm, flat; this term's forces are <em>added</em>
   * @param energies this term's energy is added to its component(s)
   * @param loop how pair loops are split over threads
   */
  void compute(double[] x, double[] forces, EnergyBreakdown energies, ParallelLoop loop);
}
