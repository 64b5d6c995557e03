/**
 * The AMBER14SB + GBn2 potential energy and its analytic forces, one class per term in the shape of OpenMM's
 * reference kernels ({@link org.backmap.md.energy.HarmonicBondTerm}, {@link org.backmap.md.energy.HarmonicAngleTerm},
 * {@link org.backmap.md.energy.PeriodicTorsionTerm}, {@link org.backmap.md.energy.NonbondedTerm},
 * {@link org.backmap.md.energy.CutoffNonbondedTerm} (vacuum, with a cutoff),
 * {@link org.backmap.md.energy.Gbn2Term}, {@link org.backmap.md.energy.PositionalRestraintTerm}), summed by
 * {@link org.backmap.md.energy.ForceFieldEnergy}, with the O(N^2) pair loops in float64 or float32
 * ({@link org.backmap.md.energy.Precision}). Units: nm, kJ/mol, kJ/mol/nm.
 */
package org.backmap.md.energy;
