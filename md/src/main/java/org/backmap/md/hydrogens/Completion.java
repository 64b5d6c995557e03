package org.backmap.md.hydrogens;

import java.util.List;
import org.backmap.md.structure.Structure;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * The result of hydrogen completion.
 *
 * @param structure the completed structure (atoms of each residue in template order)
 * @param topology its topology
 * @param addedHydrogens number of hydrogens placed
 * @param addedTerminalOxygens number of C-terminal OXT atoms placed
 * @param unplaced hydrogens that could not be placed because heavy atoms they hang on are missing, as
 *     {@code "chain residue name atom"} strings
 */
public record Completion(Structure structure, Topology topology, int addedHydrogens, int addedTerminalOxygens, List<String> unplaced) {
  public Completion {
    unplaced = List.copyOf(unplaced);
  }

  /** Residues that still miss heavy atoms: callers exclude them as targets but may keep them as environment. */
  public List<ResidueTopology> residuesWithMissingHeavyAtoms() {
    return topology.residues().stream().filter(r -> !r.heavyAtomsComplete()).toList();
  }
}
