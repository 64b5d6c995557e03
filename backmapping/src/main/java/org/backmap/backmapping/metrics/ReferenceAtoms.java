package org.backmap.backmapping.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;

/**
 * The reference's atoms in structure order (chains, residues, atoms: the order of {@code Topology.bonds()}), with
 * what the scores need per atom, and the matching of a generated structure's atoms to them by chain, residue number,
 * insertion code and atom name.
 */
final class ReferenceAtoms {
  /** Backbone atoms and the hydrogens on N and CA: every other atom is a side-chain atom for the clash score. */
  static final Set<String> BACKBONE = Set.of("N", "CA", "C", "O", "OXT", "H", "H1", "H2", "H3", "HA", "HA2", "HA3");

  final Structure reference;
  /** Reference coordinates, flat (Angstrom). */
  final double[] xyz;
  final boolean[] heavy;
  final boolean[] sideChain;
  /** Residue index of each atom. */
  final int[] residue;
  private final String[] names;
  private final List<String> chainOf = new ArrayList<>();
  private final List<Residue> residues = new ArrayList<>();
  private final Map<ResidueKey, Integer> residueIndex = new HashMap<>();
  private final List<Map<String, Integer>> atomIndex = new ArrayList<>();

  ReferenceAtoms(Structure reference) {
    this.reference = reference;
    int n = reference.atomCount();
    xyz = new double[3 * n];
    heavy = new boolean[n];
    sideChain = new boolean[n];
    residue = new int[n];
    names = new String[n];
    int i = 0;
    for (Chain c : reference.chains()) {
      for (Residue r : c.residues()) {
        if (residueIndex.put(ResidueKey.of(c.id(), r), residues.size()) != null) {
          throw new StructureException(reference.source(), c.id(), r, null, "residue number appears twice in the chain: atoms cannot be matched");
        }
        Map<String, Integer> atoms = new HashMap<>();
        for (Atom a : r.atoms()) {
          atoms.put(a.name(), i);
          xyz[3 * i] = a.x();
          xyz[3 * i + 1] = a.y();
          xyz[3 * i + 2] = a.z();
          heavy[i] = a.element() != Element.H;
          sideChain[i] = !BACKBONE.contains(a.name());
          residue[i] = residues.size();
          names[i] = a.name();
          i++;
        }
        chainOf.add(c.id());
        residues.add(r);
        atomIndex.add(atoms);
      }
    }
  }

  /** Number of atoms. */
  int count() {
    return heavy.length;
  }

  /** Number of residues. */
  int residueCount() {
    return residues.size();
  }

  /** The indices of the heavy atoms, ascending. */
  int[] heavyAtoms() {
    return IntStream.range(0, count()).filter(i -> heavy[i]).toArray();
  }

  /**
   * The coordinates of {@code s}'s atoms in reference order, flat.
   *
   * @throws StructureException naming structure, residue and atom when an atom of either has no match in the other
   */
  double[] match(Structure s) {
    double[] out = new double[xyz.length];
    boolean[] seen = new boolean[count()];
    int found = 0;
    String ref = "the reference " + reference.source();
    for (Chain c : s.chains()) {
      for (Residue r : c.residues()) {
        Integer ri = residueIndex.get(ResidueKey.of(c.id(), r));
        if (ri == null) {
          throw new StructureException(s.source(), c.id(), r, null, "not in " + ref);
        }
        if (!residues.get(ri).name().equals(r.name())) {
          throw new StructureException(s.source(), c.id(), r, null, ref + " has " + residues.get(ri).name() + " here");
        }
        for (Atom a : r.atoms()) {
          Integer ai = atomIndex.get(ri).get(a.name());
          if (ai == null) {
            throw new StructureException(s.source(), c.id(), r, a.name(), "not in " + ref);
          }
          if (seen[ai]) {
            throw new StructureException(s.source(), c.id(), r, a.name(), "appears twice");
          }
          seen[ai] = true;
          found++;
          out[3 * ai] = a.x();
          out[3 * ai + 1] = a.y();
          out[3 * ai + 2] = a.z();
        }
      }
    }
    if (found < count()) {
      int i = 0;
      while (seen[i]) {
        i++;
      }
      throw new StructureException(s.source(), chainOf.get(residue[i]), residues.get(residue[i]), names[i], "missing (" + ref + " has it)");
    }
    return out;
  }
}
