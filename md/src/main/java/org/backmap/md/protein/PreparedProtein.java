package org.backmap.md.protein;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.hydrogens.HydrogenCompleter;
import org.backmap.md.protonation.Protonation;
import org.backmap.md.protonation.Protonator;
import org.backmap.md.repair.StructureRepair;
import org.backmap.md.structure.CloseContacts;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.ForceFieldSystem;
import org.backmap.md.system.SystemBuilder;
import org.backmap.md.topology.ChainBreak;
import org.backmap.md.topology.ChainBreaks;
import org.backmap.md.topology.Topology;

/**
 * A protein read from a file with its protonation states decided, its templates assigned and its missing hydrogens
 * (and C-terminal OXT) completed:
 * the starting point of CG mapping, energies, minimisation, dynamics and training data.
 *
 * <p>By default the structure is repaired first ({@link org.backmap.md.repair.StructureRepair}), with every change
 * listed in {@link #repairs()}. Without repair, reading never fails on missing heavy atoms: {@link #summary()}
 * reports them. What needs every atom fails
 * then with a {@link StructureException} naming file, residue and atom: {@link #cg()}, {@link #system()} and the
 * energies. The force-field system is built on first use and kept. Instances are immutable and thread-safe.
 */
public final class PreparedProtein {
  private final Protonation protonation;
  private final Topology input;
  private final Completion completion;
  private final PreparationOptions options;
  private volatile ForceFieldSystem system;

  private PreparedProtein(Protonation protonation, Topology input, Completion completion, PreparationOptions options) {
    this.options = options;
    this.protonation = protonation;
    this.input = input;
    this.completion = completion;
  }

  /**
   * Reads model 1 of {@code file} (PDB or mmCIF, plain or gzip) and repairs it ({@link PreparationOptions#defaults()}).
   *
   * @throws StructureException when the file cannot be used, naming file, residue and atom
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static PreparedProtein read(Path file) {
    return read(file, PreparationOptions.defaults());
  }

  /** Reads {@code file} as {@code options} say. */
  public static PreparedProtein read(Path file, PreparationOptions options) {
    return of(StructureReader.read(file, options.model() - 1), options);
  }

  /**
   * Prepares a structure already in memory: protonation states decided ({@link Protonator}, at the options' pH
   * and with their overrides), templates assigned, hydrogens completed.
   *
   * @throws IllegalArgumentException naming the residue when an override does not fit the structure
   */
  public static PreparedProtein of(Structure structure, PreparationOptions options) {
    Structure s = options.repair() ? StructureRepair.clean(structure, options.library()) : structure;
    Protonation protonation = Protonator.decide(s, options.protonation());
    if (options.repair()) {
      s = StructureRepair.fitHydrogens(s, protonation.variants(), options.library());
    }
    Topology input = Topology.build(s, options.library(), options.chainBreaks(), protonation.variants());
    Topology topology = input;
    if (options.repair() && input.residues().stream().anyMatch(r -> !r.missingHeavyAtoms().isEmpty())) {
      topology = Topology.build(StructureRepair.rebuildHeavyAtoms(input), options.library(), options.chainBreaks(), protonation.variants());
    }
    return new PreparedProtein(protonation, input, HydrogenCompleter.complete(topology), options);
  }

  /** The file name (or other source) the protein came from, as used in messages. */
  public String source() {
    return input.structure().source();
  }

  /** The completed structure: atoms of each residue in template order, hydrogens included. */
  public Structure structure() {
    return completion.structure();
  }

  /** The topology of the completed structure. */
  public Topology topology() {
    return completion.topology();
  }

  /** The topology of the structure as read, before completion: what was missing. */
  public Topology inputTopology() {
    return input;
  }

  /** The protonation state of each titratable residue and why it was chosen. */
  public Protonation protonation() {
    return protonation;
  }

  /** What hydrogen completion did. */
  public Completion completion() {
    return completion;
  }

  /** Number of atoms of the completed structure. */
  public int atomCount() {
    return structure().atomCount();
  }

  /**
   * What repair changed, each naming chain, residue and atom: empty when the file went through as it is (hydrogen
   * completion aside, which is listed in {@link #completion()}).
   */
  public List<String> repairs() {
    List<String> all = new ArrayList<>(topology().structure().repairs());
    if (topology().breakPolicy() == ChainBreaks.TERMINI) {
      for (ChainBreak b : input.chainBreaks()) {
        all.add(b + ": chain split there, residue " + b.before() + " C-terminal and residue " + b.after() + " N-terminal");
      }
    }
    return List.copyOf(all);
  }

  /** Pairs of atoms of the completed structure closer than {@link CloseContacts#DEFAULT_MINIMUM} Angstrom. */
  public List<CloseContacts.Contact> closeContacts() {
    return CloseContacts.find(structure(), CloseContacts.DEFAULT_MINIMUM);
  }

  /** Notes from reading and template assignment (alternate locations, dropped records, ...). */
  public List<String> notes() {
    List<String> notes = new ArrayList<>(input.structure().notes());
    notes.addAll(input.notes());
    return List.copyOf(notes);
  }

  /** The per-residue summary that {@code backmap inspect} prints. */
  public ProteinSummary summary() {
    return ProteinSummary.of(this);
  }

  /**
   * The CG structure: kept backbone atoms and one bead per residue. Capping groups (ACE, NME, NHE) have no CG
   * form: the CG structure is that of {@link #withoutCaps()}, whose capped residues are free termini.
   *
   * @throws StructureException naming the residue when heavy atoms are missing
   */
  public CgStructure cg() {
    return CgMapper.map(withoutCaps().topology(), true);
  }

  /** Whether a capping group (ACE, NME, NHE) ends a chain. */
  public boolean hasCaps() {
    return topology().residues().stream().anyMatch(r -> r.template().isCap());
  }

  /**
   * This protein without its capping groups, prepared again with the same options (the residues they capped
   * become free N- and C-termini); this protein itself when it has none.
   *
   * @throws StructureException when nothing but caps is left
   */
  public PreparedProtein withoutCaps() {
    if (!hasCaps()) {
      return this;
    }
    List<org.backmap.md.structure.Chain> chains = new ArrayList<>();
    for (org.backmap.md.structure.Chain c : input.structure().chains()) {
      List<org.backmap.md.structure.Residue> kept = c.residues().stream()
          .filter(r -> !List.of("ACE", "NME", "NHE", "NH2").contains(r.name())).toList();
      if (!kept.isEmpty()) {
        chains.add(c.withResidues(kept));
      }
    }
    if (chains.isEmpty()) {
      throw new StructureException(source(), "nothing but capping groups");
    }
    return of(input.structure().withChains(chains), options);
  }

  /**
   * The AMBER14SB + GBn2 system, built on first use.
   *
   * @throws StructureException naming the residue and atom when heavy atoms are missing
   */
  public ForceFieldSystem system() {
    ForceFieldSystem s = system;
    if (s == null) {
      synchronized (this) {
        if (system == null) {
          system = SystemBuilder.build(topology());
        }
        s = system;
      }
    }
    return s;
  }

  /** Positions of the completed structure, flat, in nm. */
  public double[] positionsNm() {
    return SystemBuilder.positionsNm(structure());
  }

  /** The completed structure with its atoms moved to {@code xNm} (flat, nm). */
  public Structure withPositionsNm(double[] xNm) {
    return SystemBuilder.withPositionsNm(structure(), xNm);
  }

  /** Indices of the heavy (non-hydrogen) atoms. */
  public int[] heavyAtoms() {
    Element[] e = system().elements();
    return IntStream.range(0, e.length).filter(i -> e[i] != Element.H).toArray();
  }

  /** Indices of the atoms a CG structure keeps ({@code CgMapper.KEPT}: N, CA, C, O, H, CB, OXT), in system order. */
  public int[] cgAtoms() {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    int i = 0;
    for (var c : structure().chains()) {
      for (var r : c.residues()) {
        for (var a : r.atoms()) {
          if (org.backmap.md.cg.CgMapper.KEPT.contains(a.name())) {
            out.add(i);
          }
          i++;
        }
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The potential energy, no cutoff, evaluated on {@code threads} threads. */
  public ForceFieldEnergy energy(int threads) {
    return ForceFieldEnergy.of(system(), threads);
  }

  /**
   * The potential energy plus harmonic restraints that hold every heavy atom at its position in this structure.
   *
   * @param threads threads of each evaluation
   * @param heavyAtomK force constant (kJ/mol/nm^2), positive
   */
  public ForceFieldEnergy restrainedEnergy(int threads, double heavyAtomK) {
    if (!(heavyAtomK > 0) || Double.isInfinite(heavyAtomK)) {
      throw new IllegalArgumentException("restraint force constant must be positive and finite, got " + heavyAtomK);
    }
    return energy(threads).withRestraints(heavyAtoms(), positionsNm(), heavyAtomK);
  }
}
