package org.backmap.backmapping.decode;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.energy.EnergyBreakdown;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.energy.Precision;
import org.backmap.md.minimize.EnergyMinimizer;
import org.backmap.md.minimize.MinimizationDivergedException;
import org.backmap.md.minimize.MinimizationResult;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.StructureException;

/**
 * AMBER14SB + GBn2 energies of decoded structures of one protein, and their relaxation: a local minimisation with
 * the CG atoms (N, CA, C, O, H, CB, OXT) held by harmonic restraints at their decoded positions, which the
 * decoder never moves, so that only what decoding placed relaxes. The force-field system is built once, from the
 * layout's atoms. Energies are evaluated in float64; relaxation minimises the mixed-precision energy
 * ({@link Precision#MIXED}, within about 1e-6 relative of float64), whose result is then evaluated in float64; a
 * structure whose float32 energy overflows (atoms almost on top of each other) is relaxed in float64.
 */
public final class DecodedEnergies {
  /** Force constant of the CG-atom restraints (kJ/mol/nm^2). */
  public static final double RESTRAINT_K = 200_000;
  /** Iteration limit of one relaxation. */
  public static final int MAX_ITERATIONS = 2_000;

  private final ProteinLayout layout;
  private final ForceFieldEnergy energy;
  /** The same energy in mixed precision: what relaxation minimises (several times faster; reported energies are float64). */
  private final ForceFieldEnergy mixed;
  /** Layout atom index of each atom of the force-field system. */
  private final int[] layoutIndex;
  private final int[] restrained;

  /**
   * The energies of {@code layout}'s structures; {@code sample} is one decoded structure (Angstrom, layout order)
   * from which the system's topology (protonation, templates) is read.
   *
   * @param threads threads of each evaluation
   * @throws StructureException when the force field's atoms are not the layout's
   */
  public DecodedEnergies(ProteinLayout layout, double[] sample, int threads) {
    this.layout = layout;
    PreparedProtein p = PreparedProtein.of(layout.structure(sample), PreparationOptions.defaults().withRepair(false));
    this.energy = p.energy(threads);
    this.mixed = ForceFieldEnergy.of(p.system(), threads, Precision.MIXED);
    List<Integer> index = new ArrayList<>();
    int r = 0;
    for (Chain c : p.structure().chains()) {
      for (Residue res : c.residues()) {
        if (r >= layout.residues()) {
          throw new StructureException(layout.cg().source(), c.id(), res, null, "not in the decoded layout");
        }
        var t = layout.template(r);
        for (Atom a : res.atoms()) {
          int k = t.indexOf(a.name());
          if (k < 0) {
            throw new StructureException(layout.cg().source(), c.id(), res, a.name(), "force-field atom not in template " + t.name());
          }
          index.add(layout.firstAtom(r) + k);
        }
        r++;
      }
    }
    if (index.size() != layout.atoms()) {
      throw new StructureException(layout.cg().source(), "the force-field system has " + index.size() + " atoms, the decoded structure " + layout.atoms());
    }
    layoutIndex = index.stream().mapToInt(Integer::intValue).toArray();
    List<Integer> cg = new ArrayList<>();
    for (int i = 0; i < layoutIndex.length; i++) {
      if (layout.isCg(layoutIndex[i])) {
        cg.add(i);
      }
    }
    restrained = cg.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The potential energy (kJ/mol) of a structure (Angstrom, layout order). */
  public double energy(double[] xyz) {
    return energy.energy(toSystem(xyz));
  }

  /** The potential energy of a structure (Angstrom, layout order) per force-field term (kJ/mol). */
  public EnergyBreakdown terms(double[] xyz) {
    return energy.evaluate(toSystem(xyz), null);
  }

  /**
   * A relaxed structure.
   *
   * @param xyz relaxed coordinates (Angstrom, layout order)
   * @param energyBefore potential energy before (kJ/mol)
   * @param energyAfter potential energy after, without the restraints (kJ/mol)
   * @param iterations minimiser iterations
   * @param converged whether the minimiser met its tolerance
   */
  public record Relaxed(double[] xyz, double energyBefore, double energyAfter, int iterations, boolean converged) {}

  /** Relaxes a structure (Angstrom, layout order) with its CG atoms restrained where they are. */
  public Relaxed relax(double[] xyz) {
    double[] x0 = toSystem(xyz);
    MinimizationResult m;
    try {
      m = EnergyMinimizer.minimize(mixed.withRestraints(restrained, x0, RESTRAINT_K), x0, EnergyMinimizer.DEFAULT_TOLERANCE, MAX_ITERATIONS, null);
    } catch (MinimizationDivergedException e) {
      // atoms nearly on top of each other overflow float32: relax such a structure in float64 instead
      m = EnergyMinimizer.minimize(energy.withRestraints(restrained, x0, RESTRAINT_K), x0, EnergyMinimizer.DEFAULT_TOLERANCE, MAX_ITERATIONS, null);
    }
    double[] out = new double[xyz.length];
    for (int i = 0; i < layoutIndex.length; i++) {
      for (int d = 0; d < 3; d++) {
        out[3 * layoutIndex[i] + d] = 10 * m.x()[3 * i + d];
      }
    }
    return new Relaxed(out, energy.energy(x0), energy.energy(m.x()), m.iterations(), m.converged());
  }

  /** Layout order (Angstrom) to system order (nm). */
  private double[] toSystem(double[] xyz) {
    if (xyz.length != 3 * layout.atoms()) {
      throw new IllegalArgumentException("expected " + 3 * layout.atoms() + " coordinates, got " + xyz.length);
    }
    double[] x = new double[xyz.length];
    for (int i = 0; i < layoutIndex.length; i++) {
      for (int d = 0; d < 3; d++) {
        x[3 * i + d] = xyz[3 * layoutIndex[i] + d] / 10;
      }
    }
    return x;
  }
}
