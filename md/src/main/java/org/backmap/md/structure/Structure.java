package org.backmap.md.structure;

import java.util.List;

/**
 * A protein structure (one model).
 *
 * @param source where it came from (a file name), used in error messages
 * @param chains protein chains
 * @param notes what reading chose or left out without changing the protein (waters, ligands, altlocs, model)
 * @param repairs what was changed to make the protein usable, each naming chain, residue and atom (modified residues
 *     mapped, hydrogens dropped for rebuilding, missing atoms rebuilt, chains split)
 */
public record Structure(String source, List<Chain> chains, List<String> notes, List<String> repairs) {
  public Structure {
    chains = List.copyOf(chains);
    notes = List.copyOf(notes);
    repairs = List.copyOf(repairs);
  }

  /** A structure nothing was repaired in. */
  public Structure(String source, List<Chain> chains, List<String> notes) {
    this(source, chains, notes, List.of());
  }

  /** The same structure with other chains (notes and repairs kept). */
  public Structure withChains(List<Chain> newChains) {
    return new Structure(source, newChains, notes, repairs);
  }

  /** The same structure with more repairs recorded. */
  public Structure withRepairs(List<String> more) {
    List<String> all = new java.util.ArrayList<>(repairs);
    all.addAll(more);
    return new Structure(source, chains, notes, all);
  }

  /**
   * The same structure with every atom moved to {@code xyz} (Angstrom, flat, atoms in chain, residue and atom order,
   * as a trajectory frame of this structure holds them).
   *
   * @param frameSource the new structure's source, for messages
   * @throws IllegalArgumentException when the count differs from {@link #atomCount()}
   */
  public Structure withCoordinates(String frameSource, double[] xyz) {
    if (xyz.length != 3 * atomCount()) {
      throw new IllegalArgumentException(frameSource + ": " + xyz.length / 3 + " positions for the " + atomCount() + " atoms of " + source);
    }
    List<Chain> out = new java.util.ArrayList<>(chains.size());
    int k = 0;
    for (Chain c : chains) {
      List<Residue> residues = new java.util.ArrayList<>(c.residues().size());
      for (Residue r : c.residues()) {
        List<Atom> atoms = new java.util.ArrayList<>(r.atoms().size());
        for (Atom a : r.atoms()) {
          atoms.add(a.at(xyz[k], xyz[k + 1], xyz[k + 2]));
          k += 3;
        }
        residues.add(r.withAtoms(atoms));
      }
      out.add(c.withResidues(residues));
    }
    return new Structure(frameSource, out, notes, repairs);
  }

  /** Number of residues in all chains. */
  public int residueCount() {
    return chains.stream().mapToInt(c -> c.residues().size()).sum();
  }

  /** Number of atoms in all chains. */
  public int atomCount() {
    return chains.stream().flatMap(c -> c.residues().stream()).mapToInt(r -> r.atoms().size()).sum();
  }
}
