package org.backmap.md.protein;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.backmap.md.structure.Chain;
import org.backmap.md.topology.ChainBreak;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * What a structure file holds, residue by residue, after repair and before completion: templates, protonation states,
 * missing atoms, disulfides, chain breaks and the notes of reading. Records all the way down, so a JSON mapper
 * writes it as it is.
 *
 * @param file the file name
 * @param atoms atoms as read
 * @param residueCount residues as read
 * @param chains the chains in file order
 * @param protonationStates count of each non-default protonation template (HID, HIE, HIP, ASH, GLH, LYN, CYM, CYX)
 * @param disulfides bonded cysteine pairs, e.g. {@code "A 5 CYX - A 55 CYX"}
 * @param chainBreaks breaks inside chains
 * @param residuesMissingHeavyAtoms residues with their missing heavy atoms, e.g. {@code "A 2 CTYR [OH]"}
 * @param missingHydrogens hydrogens absent from the file (completion adds them)
 * @param notes notes from reading and template assignment
 * @param protonation each histidine and each non-default protonation state with its reason, e.g.
 *     {@code A 57 HIS -> HID (hydrogen bond ND1...O A 12)}
 * @param repairs what repair changed, each naming chain, residue and atom
 */
public record ProteinSummary(String file, int atoms, int residueCount, List<ChainSummary> chains,
    Map<String, Integer> protonationStates, List<String> disulfides, List<String> chainBreaks,
    List<String> residuesMissingHeavyAtoms, int missingHydrogens, List<String> notes, List<String> protonation,
    List<String> repairs) {

  private static final Set<String> VARIANTS = Set.of("HID", "HIE", "HIP", "ASH", "GLH", "LYN", "CYM", "CYX");

  /**
   * One chain.
   *
   * @param id chain identifier
   * @param residues its residues in order
   */
  public record ChainSummary(String id, List<ResidueSummary> residues) {}

  /**
   * One residue.
   *
   * @param number residue number with insertion code
   * @param name residue name as read
   * @param template the assigned ff14SB template
   * @param missingHeavyAtoms template heavy atoms absent from the file (rebuilt when repair is on)
   * @param missingHydrogens number of template hydrogens absent from the file
   */
  public record ResidueSummary(String number, String name, String template, List<String> missingHeavyAtoms, int missingHydrogens) {}

  static ProteinSummary of(PreparedProtein protein) {
    Topology t = protein.inputTopology();
    List<ChainSummary> chains = new ArrayList<>();
    for (Chain c : t.structure().chains()) {
      List<ResidueSummary> residues = t.residues().stream().filter(r -> r.chainId().equals(c.id()))
          .map(r -> new ResidueSummary(r.residue().label(), r.residue().name(), r.template().name(),
              r.missingHeavyAtoms(), r.missingHydrogens().size()))
          .toList();
      chains.add(new ChainSummary(c.id(), residues));
    }
    Map<String, Integer> states = new TreeMap<>();
    for (ResidueTopology r : t.residues()) {
      if (VARIANTS.contains(r.template().residueName())) {
        states.merge(r.template().residueName(), 1, Integer::sum);
      }
    }
    List<String> disulfides = t.disulfides().stream()
        .map(p -> t.residues().get(p[0]).label() + " - " + t.residues().get(p[1]).label()).toList();
    List<String> missingHeavy = t.residues().stream().filter(r -> !r.heavyAtomsComplete())
        .map(r -> r.label() + " " + r.missingHeavyAtoms()).toList();
    int missingH = t.residues().stream().mapToInt(r -> r.missingHydrogens().size()).sum();
    return new ProteinSummary(protein.source(), t.structure().atomCount(), t.structure().residueCount(), List.copyOf(chains),
        states, disulfides, t.chainBreaks().stream().map(ChainBreak::toString).toList(), missingHeavy, missingH,
        protein.notes(), protein.protonation().lines(), protein.repairs());
  }

  /** Writes the summary as text: a header, each chain's residues with their templates, then the findings. */
  public void print(PrintWriter out) {
    out.printf("%s: %d chains, %d residues, %d atoms%n", file, chains.size(), residueCount, atoms);
    for (ChainSummary c : chains) {
      List<ResidueSummary> rs = c.residues();
      if (rs.isEmpty()) {
        out.printf("chain %s: no residues%n", c.id());
        continue;
      }
      out.printf("chain %s: %d residues, %s .. %s%n", c.id(), rs.size(), rs.get(0).number(), rs.get(rs.size() - 1).number());
      StringBuilder line = new StringBuilder("  ");
      for (ResidueSummary r : rs) {
        line.append(r.number()).append(':').append(r.template()).append(' ');
        if (line.length() > 100) {
          out.println(line.toString().stripTrailing());
          line = new StringBuilder("  ");
        }
      }
      if (line.length() > 2) {
        out.println(line.toString().stripTrailing());
      }
    }
    out.println("protonation states: " + protonationStates);
    for (String line : protonation) {
      out.println("  " + line);
    }
    out.println("disulfides: " + disulfides);
    out.println("chain breaks: " + chainBreaks);
    out.println("residues missing heavy atoms: " + residuesMissingHeavyAtoms);
    out.println("missing hydrogens: " + missingHydrogens);
    for (String note : notes) {
      out.println("note: " + note);
    }
    for (String repair : repairs) {
      out.println("repaired: " + repair);
    }
  }
}
