package org.backmap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.hydrogens.HydrogenCompleter;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;

/**
 * The input of the force-field commands: a structure read from a file, its missing hydrogens completed, and its
 * AMBER14SB + GBn2 system. Missing heavy atoms are an error naming the residue.
 *
 * @param structure the completed structure
 * @param system the parameterised system
 * @param addedHydrogens hydrogens added by completion
 */
record ForceFieldInput(Structure structure, ForceFieldSystem system, int addedHydrogens) {

  /** Reads and parameterises {@code file}; notes about completion go to {@code err}. */
  static ForceFieldInput read(Path file, PrintWriter err) {
    Structure read = StructureReader.read(file);
    Completion completion = HydrogenCompleter.complete(Topology.build(read, TemplateLibrary.ff14SB(), false));
    if (completion.addedHydrogens() > 0 || completion.addedTerminalOxygens() > 0) {
      err.printf("%s: added %d hydrogens and %d terminal oxygens%n", file, completion.addedHydrogens(), completion.addedTerminalOxygens());
    }
    return new ForceFieldInput(completion.structure(), SystemBuilder.build(completion.topology()), completion.addedHydrogens());
  }

  /** Positions in nm. */
  double[] positions() {
    return SystemBuilder.positionsNm(structure);
  }

  /** The energy on {@code threads} threads. */
  ForceFieldEnergy energy(int threads) {
    return ForceFieldEnergy.of(system, threads);
  }

  /**
   * The energy on {@code threads} threads, plus harmonic restraints of force constant {@code heavyRestraint}
   * (kJ/mol/nm^2) holding every heavy atom at its input position; no restraints when it is {@code null}.
   */
  ForceFieldEnergy energy(int threads, Double heavyRestraint) {
    ForceFieldEnergy energy = energy(threads);
    return heavyRestraint == null ? energy : energy.withRestraints(heavyAtoms(), positions(), heavyRestraint);
  }

  /** Indices of the heavy (non-hydrogen) atoms. */
  private int[] heavyAtoms() {
    Element[] e = system.elements();
    return IntStream.range(0, e.length).filter(i -> e[i] != Element.H).toArray();
  }
}
