package org.backmap.md.topology;

import java.util.List;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.ResidueTemplate;

/**
 * One residue with its assigned template.
 *
 * @param chainId chain identifier
 * @param index position of the residue in {@link Topology#residues()}
 * @param residue the residue as read
 * @param template the ff14SB template it follows
 * @param bondedToPrevious whether its N is peptide-bonded to the previous residue's C
 * @param bondedToNext whether its C is peptide-bonded to the next residue's N
 * @param disulfidePartner index of the CYX partner residue, or -1
 * @param missingHeavyAtoms template heavy atoms absent from the residue
 * @param missingHydrogens template hydrogens absent from the residue
 */
public record ResidueTopology(
    String chainId,
    int index,
    Residue residue,
    ResidueTemplate template,
    boolean bondedToPrevious,
    boolean bondedToNext,
    int disulfidePartner,
    List<String> missingHeavyAtoms,
    List<String> missingHydrogens) {

  public ResidueTopology {
    missingHeavyAtoms = List.copyOf(missingHeavyAtoms);
    missingHydrogens = List.copyOf(missingHydrogens);
  }

  /** Whether every heavy atom of the template is present. */
  public boolean heavyAtomsComplete() {
    return missingHeavyAtoms.isEmpty();
  }

  /** Whether every template atom is present. */
  public boolean complete() {
    return missingHeavyAtoms.isEmpty() && missingHydrogens.isEmpty();
  }

  /** E.g. {@code A 12 HIE}. */
  public String label() {
    return chainId + " " + residue.label() + " " + template.name();
  }
}
