package org.backmap.md.repair;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.backmap.md.geometry.CellGrid;
import org.backmap.md.protonation.Variants;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.CloseContacts;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Disulfides;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * The two repair passes. {@link #clean} runs before templates are assigned: it removes residues that lack a
 * backbone atom (N, CA or C), corrects element columns that contradict the atom name, drops heavy atoms no form of
 * the residue has, drops a residue's hydrogens when one of them has a name no form of it has (completion rebuilds
 * them), drops an amide H where a chain piece starts (the N-terminal form has H1-H3) and an OXT inside a chain
 * piece. {@link #rebuildHeavyAtoms} runs on the topology (chains split at breaks) and places missing heavy atoms
 * from ideal residue geometry. Every change is added to {@link Structure#repairs()}.
 */
public final class StructureRepair {
  private static final Set<String> BACKBONE = Set.of("N", "CA", "C");
  private static final Map<String, Set<String>> NAMES = new ConcurrentHashMap<>(); // by library identity and residue

  private StructureRepair() {}

  /** The structure cleaned for template assignment; see the class description. */
  public static Structure clean(Structure structure, TemplateLibrary library) {
    List<String> repairs = new ArrayList<>();
    List<Chain> chains = new ArrayList<>();
    for (Chain c : structure.chains()) {
      List<Residue> kept = new ArrayList<>();
      for (Residue r : c.residues()) {
        Residue fixed = cleanResidue(c.id(), r, library, repairs);
        if (fixed != null) {
          kept.add(fixed);
        }
      }
      List<Residue> ends = fixPieceEnds(c.id(), kept, repairs);
      if (!ends.isEmpty()) {
        chains.add(c.withResidues(ends));
      }
    }
    chains = dropDisulfideHydrogens(chains, repairs);
    if (chains.isEmpty()) {
      throw new org.backmap.md.structure.StructureException(structure.source(), "no usable protein residues ("
          + String.join("; ", repairs.subList(0, Math.min(3, repairs.size()))) + (repairs.size() > 3 ? "; ..." : "") + ")");
    }
    return new Structure(structure.source(), chains, structure.notes(), structure.repairs()).withRepairs(repairs);
  }

  /**
   * The structure of {@code topology} with the missing heavy atoms of every residue placed (a C-terminal OXT is
   * left to hydrogen completion).
   */
  public static Structure rebuildHeavyAtoms(Topology topology) {
    List<String> repairs = new ArrayList<>();
    Structure s = topology.structure();
    List<ResidueTopology> residues = topology.residues();
    List<Chain> chains = new ArrayList<>();
    int k = 0;
    for (Chain c : s.chains()) {
      List<Residue> out = new ArrayList<>();
      for (int i = 0; i < c.residues().size(); i++, k++) {
        ResidueTopology rt = residues.get(k);
        List<String> missing = new ArrayList<>(rt.missingHeavyAtoms());
        missing.remove("OXT");
        if (missing.isEmpty()) {
          out.add(rt.residue());
          continue;
        }
        List<String> built = new ArrayList<>();
        Residue rebuilt = HeavyAtomBuilder.rebuild(rt, othersThan(residues, k), built);
        if (rebuilt == null) {
          throw new org.backmap.md.structure.StructureException(s.source(), c.id(), rt.residue(), missing.get(0),
              "missing atom that cannot be rebuilt (template " + rt.template().name() + ")");
        }
        repairs.add(label(c.id(), rt.residue()) + "rebuilt missing heavy atoms " + built + " from ideal geometry");
        out.add(rebuilt);
      }
      chains.add(c.withResidues(out));
    }
    return repairs.isEmpty() ? s : s.withChains(chains).withRepairs(repairs);
  }

  /**
   * The structure with the hydrogens of each residue whose chosen protonation variant lacks one of them dropped
   * (completion rebuilds the variant's own), e.g. a LYS protonated in the file but chosen neutral (LYN).
   *
   * @param variants the chosen variant by residue
   */
  public static Structure fitHydrogens(Structure structure, Map<ResidueKey, String> variants, TemplateLibrary library) {
    List<String> repairs = new ArrayList<>();
    List<Chain> chains = new ArrayList<>();
    for (Chain c : structure.chains()) {
      List<Residue> out = new ArrayList<>();
      for (Residue r : c.residues()) {
        String variant = variants.get(ResidueKey.of(c.id(), r));
        if (variant != null) {
          Set<String> names = new HashSet<>();
          for (String prefix : new String[] {"", "N", "C"}) {
            if (library.hasTemplate(prefix + variant)) {
              library.template(prefix + variant).atoms().forEach(a -> names.add(a.name()));
            }
          }
          List<String> foreign = r.atoms().stream().filter(a -> a.element() == Element.H && !names.contains(a.name())).map(Atom::name).toList();
          if (!foreign.isEmpty()) {
            r = r.withAtoms(r.atoms().stream().filter(a -> a.element() != Element.H).toList());
            repairs.add(label(c.id(), r) + "hydrogens " + foreign + " do not fit the chosen " + variant + ": dropped its hydrogens (rebuilt)");
          }
        }
        out.add(r);
      }
      chains.add(c.withResidues(out));
    }
    return repairs.isEmpty() ? structure : structure.withChains(chains).withRepairs(repairs);
  }

  /** The atoms of every residue but {@code skip}, gridded for the rotamer choice of rebuilt side chains. */
  private static CellGrid othersThan(List<ResidueTopology> residues, int skip) {
    CellGrid grid = new CellGrid(HeavyAtomBuilder.CLEAR);
    for (ResidueTopology rt : residues) {
      if (rt.index() != skip) {
        rt.residue().atoms().forEach(a -> grid.add(a.x(), a.y(), a.z()));
      }
    }
    return grid;
  }

  /**
   * Two heavy atoms of one residue closer than {@link CloseContacts#DEFAULT_MINIMUM} cannot both be right (a
   * carboxylate with both oxygens in one place, say): the later side-chain atom is dropped and rebuilt.
   */
  private static Residue dropOverlappingSideChainAtoms(String chain, Residue r, List<String> repairs) {
    List<Atom> atoms = new ArrayList<>(r.atoms());
    for (int j = atoms.size() - 1; j > 0; j--) {
      Atom b = atoms.get(j);
      if (b.element() == Element.H || Set.of("N", "CA", "C", "O").contains(b.name())) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        Atom a = atoms.get(i);
        if (a.element() != Element.H && a.distance(b) < CloseContacts.DEFAULT_MINIMUM) {
          repairs.add(label(chain, r) + String.format(java.util.Locale.ROOT, "atoms %s and %s overlap (%.2f A): dropped %s (rebuilt)",
              a.name(), b.name(), a.distance(b), b.name()));
          atoms.remove(j);
          break;
        }
      }
    }
    return atoms.size() == r.atoms().size() ? r : r.withAtoms(atoms);
  }

  private static Residue cleanResidue(String chain, Residue read, TemplateLibrary library, List<String> repairs) {
    Residue r = isCap(read) ? read : dropOverlappingSideChainAtoms(chain, read, repairs);
    if (isCap(r)) {
      // ACE, NME: no N-CA-C backbone by nature; only their hydrogens are checked
      Set<String> capAtoms = atomNames(r.name().equals("NH2") ? "NHE" : r.name(), library);
      List<String> bad = r.atoms().stream().filter(a -> a.element() == Element.H && !capAtoms.contains(a.name())).map(Atom::name).toList();
      if (capAtoms.isEmpty() || bad.isEmpty()) {
        return r;
      }
      repairs.add(label(chain, r) + "hydrogens " + bad + " are not in the " + r.name() + " template: dropped its hydrogens (rebuilt)");
      return r.withAtoms(r.atoms().stream().filter(a -> a.element() != Element.H).toList());
    }
    List<String> noBackbone = BACKBONE.stream().filter(a -> !r.has(a)).sorted().toList();
    if (!noBackbone.isEmpty()) {
      repairs.add(label(chain, r) + "removed: backbone atoms " + noBackbone + " missing");
      return null;
    }
    Set<String> known = atomNames(r.name(), library);
    if (known.isEmpty()) {
      return r; // no template at all (e.g. a cap): template assignment reports it
    }
    List<Atom> atoms = new ArrayList<>();
    List<String> foreign = new ArrayList<>();
    List<String> elements = new ArrayList<>();
    boolean badHydrogen = false;
    for (Atom a : r.atoms()) {
      if (a.name().matches("[0-9]*H.*")) {
        if (a.element() != Element.H) {
          elements.add(a.name() + " " + a.element() + " -> H");
          a = new Atom(a.name(), Element.H, a.x(), a.y(), a.z());
        }
        badHydrogen |= !known.contains(a.name());
        atoms.add(a);
        continue;
      }
      if (!known.contains(a.name())) {
        foreign.add(a.name());
        continue;
      }
      Element byName = Element.fromSymbol(a.name().substring(0, 1));
      if (byName != null && byName != a.element()) {
        elements.add(a.name() + " " + a.element() + " -> " + byName);
        a = new Atom(a.name(), byName, a.x(), a.y(), a.z());
      }
      atoms.add(a);
    }
    if (badHydrogen) {
      List<String> names = atoms.stream().filter(a -> a.element() == Element.H).map(Atom::name).filter(n -> !known.contains(n)).toList();
      atoms.removeIf(a -> a.element() == Element.H);
      repairs.add(label(chain, r) + "hydrogens " + names + " are not in any " + r.name() + " template: dropped its hydrogens (rebuilt)");
    }
    if (!foreign.isEmpty()) {
      repairs.add(label(chain, r) + "dropped atoms " + foreign + " that no " + r.name() + " template has");
    }
    if (!elements.isEmpty()) {
      repairs.add(label(chain, r) + "element column contradicts the atom name, corrected: " + elements);
    }
    return r.withAtoms(atoms);
  }

  /** A cysteine in a disulfide (CYX) has no HG: a file that gives it one had it protonated by a tool that missed the bond. */
  private static List<Chain> dropDisulfideHydrogens(List<Chain> chains, List<String> repairs) {
    List<Residue> flat = chains.stream().flatMap(c -> c.residues().stream()).toList();
    int[] partner = Disulfides.partners(flat);
    List<Chain> out = new ArrayList<>();
    int k = 0;
    for (Chain c : chains) {
      List<Residue> residues = new ArrayList<>();
      for (Residue r : c.residues()) {
        if (partner[k++] >= 0 && r.has("HG")) {
          r = without(r, "HG");
          repairs.add(label(c.id(), r) + "forms a disulfide: dropped its HG");
        }
        residues.add(r);
      }
      out.add(c.withResidues(residues));
    }
    return out;
  }

  /** Drops what does not fit where a chain piece starts or ends inside it (pieces split at C-N gaps). */
  private static List<Residue> fixPieceEnds(String chain, List<Residue> residues, List<String> repairs) {
    List<Residue> out = new ArrayList<>();
    // ff14SB has no template for a free amino acid (N- and C-terminal at once): a lone residue cannot be used.
    for (int i = 0; i < residues.size(); i++) {
      Residue r = residues.get(i);
      boolean alone = (i == 0 || !peptideBonded(residues.get(i - 1), r)) && (i + 1 == residues.size() || !peptideBonded(r, residues.get(i + 1)));
      if (alone && !isCap(r)) {
        repairs.add(label(chain, r) + "removed: a lone residue, bonded to neither neighbour");
      } else {
        out.add(r);
      }
    }
    for (int i = 0; i < out.size(); i++) {
      Residue r = out.get(i);
      boolean bondedBefore = i > 0 && peptideBonded(out.get(i - 1), r);
      boolean bondedAfter = i + 1 < out.size() && peptideBonded(r, out.get(i + 1));
      if (!bondedBefore && r.has("H") && !r.name().equals("PRO") && !(i > 0 && isCap(out.get(i - 1)))) {
        out.set(i, r = without(r, "H"));
        repairs.add(label(chain, r) + "starts a chain piece: dropped amide H (N-terminal hydrogens are rebuilt)");
      }
      if (bondedAfter && r.has("OXT")) {
        out.set(i, without(r, "OXT"));
        repairs.add(label(chain, r) + "dropped OXT inside a chain");
      }
    }
    return out;
  }

  private static boolean isCap(Residue r) {
    return Set.of("ACE", "NME", "NHE", "NH2").contains(r.name());
  }

  private static boolean peptideBonded(Residue a, Residue b) {
    Atom c = a.atom("C"), n = b.atom("N");
    return c != null && n != null && c.distance(n) <= Topology.MAX_PEPTIDE_BOND;
  }

  private static Residue without(Residue r, String atom) {
    return r.withAtoms(r.atoms().stream().filter(a -> !a.name().equals(atom)).toList());
  }

  /** Atom names of every form of a residue (protonation variants, N- and C-terminal), empty when it has none. */
  private static Set<String> atomNames(String residue, TemplateLibrary library) {
    return NAMES.computeIfAbsent(System.identityHashCode(library) + "/" + residue, key -> {
      String name = residue;
      Set<String> names = new HashSet<>();
      List<String> variants = Variants.of(name);
      for (String form : variants.isEmpty() ? List.of(name) : variants) {
        for (String prefix : new String[] {"", "N", "C"}) {
          if (library.hasTemplate(prefix + form)) {
            ResidueTemplate t = library.template(prefix + form);
            t.atoms().forEach(a -> names.add(a.name()));
          }
        }
      }
      return Set.copyOf(names);
    });
  }

  private static String label(String chain, Residue r) {
    return "chain " + chain + " residue " + r.label() + " " + r.name() + ": ";
  }
}
