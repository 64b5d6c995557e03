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

  /**
   * Adds the term's energy only; the same energies as {@link #compute}, which it calls with a scratch force array
   * unless the term has a cheaper way.
   *
   * @param x positions, flat in nm (not modified)
   * @param energies this term's energy is added to its component(s)
   * @param loop how pair loops are split over threads
   */
  default void energy(double[] x, EnergyBreakdown energies, ParallelLoop loop) {
    compute(x, new double[x.length], energies, loop);
  }
}
