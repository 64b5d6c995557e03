package org.backmap.md.dynamics;

import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.ForceFieldEnergy;

/**
 * What {@link LangevinMiddleIntegrator} moves particles on: their masses and a potential energy with its forces.
 * The force field ({@link #of(ForceFieldEnergy)}) is the product's one; model potentials with a known Boltzmann
 * density let tests check the sampling itself.
 */
public interface DynamicsPotential {
  /** Particle masses (Da), one per particle; the positions hold three coordinates per particle. */
  double[] masses();

  /**
   * Energy and forces of one configuration.
   *
   * @param x positions, flat (nm), not modified
   * @param forces receives {@code -dU/dx} (kJ/mol/nm), overwritten
   * @return the energy per component (kJ/mol)
   */
  EnergyBreakdown evaluate(double[] x, double[] forces);

  /** A readable name of a particle, for error messages. */
  default String label(int particle) {
    return "particle " + particle;
  }

  /** The force-field energy as a potential: its system's masses and atom labels. */
  static DynamicsPotential of(ForceFieldEnergy energy) {
    return new DynamicsPotential() {
      @Override
      public double[] masses() {
        return energy.system().masses();
      }

      @Override
      public EnergyBreakdown evaluate(double[] x, double[] forces) {
        return energy.evaluate(x, forces);
      }

      @Override
      public String label(int particle) {
        return energy.system().atomLabel(particle);
      }
    };
  }
}
