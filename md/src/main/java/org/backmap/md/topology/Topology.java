package org.backmap.md.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;

/**
 * A structure with an ff14SB template assigned to each residue.
 *
 * <p>Assignment rules: the first amino acid of a chain gets the N-terminal (NH3+) template and the last the
 * C-terminal (COO-) one unless a cap (ACE, NME, NHE) sits there; a break inside a chain makes no new termini
 * (as in OpenMM). Histidine is HIP with HD1 and HE2, HID with HD1 only, else HIE; ASH / GLH when HD2 / HE2 are
 * present; LYN when the residue has hydrogens and some but not all of HZ1 HZ2 HZ3; CYM when it has hydrogens and
 * HB2 but no HG; CYX when the SG is within 3 A of
 * another SG (each SG pairs with its nearest, as OpenMM's {@code createDisulfideBonds}). Terminal residues
 * have no ASH / GLH / LYN / CYM templates in ff14SB and fall back to the standard state. Variants decided
 * elsewhere (by pH, hydrogen bonds, names as written; see {@code org.backmap.md.protonation}) are passed to
 * {@link #build(Structure, TemplateLibrary, boolean, Map)} and replace the hydrogen-derived guess.
 */
public final class Topology {
  /** Peptide C-N distances above this (Angstrom) are chain breaks. */
  public static final double MAX_PEPTIDE_BOND = 2.0;
  /** SG-SG distances below this (Angstrom) are disulfide candidates. */
  public static final double MAX_DISULFIDE = 3.0;

  private final Structure structure;
  private final TemplateLibrary library;
  private final List<ResidueTopology> residues;
  private final List<ChainBreak> breaks;
  private final List<String> notes;
  private final ChainBreaks breakPolicy;

  private Topology(Structure structure, TemplateLibrary library, List<ResidueTopology> residues, List<ChainBreak> breaks,
      List<String> notes, ChainBreaks breakPolicy) {
    this.breakPolicy = breakPolicy;
    this.structure = structure;
    this.library = library;
    this.residues = List.copyOf(residues);
    this.breaks = List.copyOf(breaks);
    this.notes = List.copyOf(notes);
  }

  /**
   * Assigns templates to every residue of {@code structure}.
   *
   * @param allowChainBreaks when false, a chain break is an error naming the two residues
   * @throws StructureException for an unknown residue, an atom that is not in its template, or a break
   */
  public static Topology build(Structure structure, TemplateLibrary library, boolean allowChainBreaks) {
    return build(structure, library, allowChainBreaks ? ChainBreaks.KEEP : ChainBreaks.ERROR, Map.of());
  }

  /**
   * Assigns templates to every residue of {@code structure}, treating a break inside a chain as {@code breaks}
   * says.
   *
   * @throws StructureException for an unknown residue, an atom that is not in its template, or (with
   *     {@link ChainBreaks#ERROR}) a break
   */
  public static Topology build(Structure structure, TemplateLibrary library, ChainBreaks breakPolicy) {
    return build(structure, library, breakPolicy, Map.of());
  }

  /** As {@link #build(Structure, TemplateLibrary, ChainBreaks, Map)} with breaks kept or errors. */
  public static Topology build(Structure structure, TemplateLibrary library, boolean allowChainBreaks, Map<ResidueKey, String> variants) {
    return build(structure, library, allowChainBreaks ? ChainBreaks.KEEP : ChainBreaks.ERROR, variants);
  }

  /**
   * Assigns templates to every residue of {@code structure}, treating chain breaks as {@code breakPolicy} says and
   * taking the protonation variant of each residue named in {@code variants} (e.g. {@code A:57 -> HID}, as
   * {@code org.backmap.md.protonation} decides) instead of deriving it from the hydrogens present; residues not
   * named follow the rules above. A terminal residue whose variant has no terminal template falls back to the
   * standard state with a note.
   *
   * @param variants ff14SB variant names ({@code HID HIE HIP ASH ASP GLH GLU LYN LYS CYM CYS CYX}) by residue
   * @throws StructureException as the three-argument form, and when a variant does not fit its residue
   */
  public static Topology build(Structure structure, TemplateLibrary library, ChainBreaks breakPolicy, Map<ResidueKey, String> variants) {
    boolean allowChainBreaks = breakPolicy != ChainBreaks.ERROR;
    List<Residue> flat = new ArrayList<>();
    List<String> chainOf = new ArrayList<>();
    List<int[]> chainRanges = new ArrayList<>();
    for (Chain c : structure.chains()) {
      int start = flat.size();
      for (Residue r : c.residues()) {
        flat.add(r);
        chainOf.add(c.id());
      }
      chainRanges.add(new int[] {start, flat.size()});
    }
    int[] partner = Disulfides.partners(flat);
    List<ChainBreak> breaks = new ArrayList<>();
    boolean[] bondedPrev = new boolean[flat.size()];
    for (int[] range : chainRanges) {
      for (int i = range[0] + 1; i < range[1]; i++) {
        Atom c = flat.get(i - 1).atom("C");
        Atom n = flat.get(i).atom("N");
        double d = c == null || n == null ? Double.NaN : c.distance(n);
        if (d <= MAX_PEPTIDE_BOND) {
          bondedPrev[i] = true;
        } else {
          ChainBreak b = new ChainBreak(chainOf.get(i), flat.get(i - 1).label(), flat.get(i).label(), d);
          if (!allowChainBreaks) {
            throw new StructureException(structure.source(), chainOf.get(i), flat.get(i), c == null ? "C" : "N", b.toString());
          }
          breaks.add(b);
        }
      }
    }
    List<ResidueTopology> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int[] range : chainRanges) {
      for (int i = range[0]; i < range[1]; i++) {
        Residue r = flat.get(i);
        // A cap (ACE, NME) is itself the chain end, so the amino acid next to it stays internal.
        boolean split = breakPolicy == ChainBreaks.TERMINI;
        boolean first = i == range[0] || split && !bondedPrev[i];
        boolean last = i == range[1] - 1 || split && !bondedPrev[i + 1];
        String terminus = isCap(r.name()) ? "" : first ? "N" : last ? "C" : "";
        String variant = variants.get(ResidueKey.of(chainOf.get(i), r));
        String name = variant == null
            ? templateName(r, partner[i] >= 0, terminus, library, notes, structure.source(), chainOf.get(i))
            : givenTemplate(r, variant, terminus, library, notes, structure.source(), chainOf.get(i));
        ResidueTemplate t = library.template(name);
        List<String> missingHeavy = new ArrayList<>();
        List<String> missingH = new ArrayList<>();
        for (var ta : t.atoms()) {
          if (!r.has(ta.name())) {
            (ta.isHydrogen() ? missingH : missingHeavy).add(ta.name());
          }
        }
        for (Atom a : r.atoms()) {
          if (!t.has(a.name())) {
            throw new StructureException(structure.source(), chainOf.get(i), r, a.name(), "atom is not in ff14SB template " + name);
          }
          if (a.element() != t.atom(t.indexOf(a.name())).type().element()) {
            throw new StructureException(structure.source(), chainOf.get(i), r, a.name(), "element " + a.element() + " does not match template " + name);
          }
        }
        boolean bondedNext = i + 1 < range[1] && bondedPrev[i + 1];
        out.add(new ResidueTopology(chainOf.get(i), i, r, t, bondedPrev[i], bondedNext, partner[i], missingHeavy, missingH));
      }
    }
    return new Topology(structure, library, out, breaks, notes, breakPolicy);
  }

  private static boolean isCap(String name) {
    return name.equals("ACE") || name.equals("NME") || name.equals("NHE") || name.equals("NH2");
  }

  private static String templateName(Residue r, boolean disulfide, String terminus, TemplateLibrary lib, List<String> notes, String source, String chain) {
    String variant = derivedVariant(r, disulfide);
    if (!lib.hasTemplate(variant)) {
      throw new StructureException(source, chain, r, null, "no ff14SB template for residue " + r.name());
    }
    return withTerminus(r, variant, terminus, lib, notes, chain);
  }

  private static String givenTemplate(Residue r, String variant, String terminus, TemplateLibrary lib, List<String> notes, String source, String chain) {
    if (!lib.hasTemplate(variant) || !standardName(variant).equals(r.name())) {
      throw new StructureException(source, chain, r, null, "protonation variant " + variant + " does not fit residue " + r.name());
    }
    return withTerminus(r, variant, terminus, lib, notes, chain);
  }

  /** The standard residue of an ff14SB variant name ({@code HID -> HIS}, {@code CYX -> CYS}), else the name. */
  private static String standardName(String variant) {
    return switch (variant) {
      case "HID", "HIE", "HIP" -> "HIS";
      case "ASH" -> "ASP";
      case "GLH" -> "GLU";
      case "LYN" -> "LYS";
      case "CYM", "CYX" -> "CYS";
      case "NHE" -> "NH2";
      default -> variant;
    };
  }

  private static String derivedVariant(Residue r, boolean disulfide) {
    String base = r.name();
    boolean anyH = r.atoms().stream().anyMatch(a -> a.element() == Element.H);
    return switch (base) {
      case "HIS" -> r.has("HD1") && r.has("HE2") ? "HIP" : r.has("HD1") ? "HID" : "HIE";
      case "ASP" -> r.has("HD2") ? "ASH" : "ASP";
      case "GLU" -> r.has("HE2") ? "GLH" : "GLU";
      case "LYS" -> anyH && isNeutralLysine(r) ? "LYN" : "LYS";
      case "CYS" -> disulfide ? "CYX" : anyH && r.has("HB2") && !r.has("HG") ? "CYM" : "CYS";
      case "NH2" -> "NHE";
      default -> base;
    };
  }

  /**
   * Some but not all of HZ1, HZ2, HZ3: ff14SB's LYN has HZ2 and HZ3, so a completed LYN (and a file written with
   * ff14SB names) has no HZ1.
   */
  public static boolean isNeutralLysine(Residue r) {
    int n = (r.has("HZ1") ? 1 : 0) + (r.has("HZ2") ? 1 : 0) + (r.has("HZ3") ? 1 : 0);
    return n > 0 && n < 3;
  }

  private static String withTerminus(Residue r, String variant, String terminus, TemplateLibrary lib, List<String> notes, String chain) {
    String name = terminus + variant;
    if (!lib.hasTemplate(name)) {
      String standard = switch (variant) {
        case "ASH" -> "ASP";
        case "GLH" -> "GLU";
        case "LYN" -> "LYS";
        case "CYM" -> "CYS";
        default -> variant;
      };
      notes.add("chain " + chain + " residue " + r.label() + ": ff14SB has no " + name + ", using " + terminus + standard);
      name = terminus + standard;
    }
    return name;
  }

  /** The structure the topology describes. */
  public Structure structure() {
    return structure;
  }

  /** What this topology did with chain breaks; a topology of a changed structure uses the same rule. */
  public ChainBreaks breakPolicy() {
    return breakPolicy;
  }

  /** The template library used. */
  public TemplateLibrary library() {
    return library;
  }

  /** All residues in chain order. */
  public List<ResidueTopology> residues() {
    return residues;
  }

  /** Chain breaks found (empty unless built with {@code allowChainBreaks}). */
  public List<ChainBreak> chainBreaks() {
    return breaks;
  }

  /** Template fallbacks taken (terminal residues in a protonation state ff14SB has no terminal template for). */
  public List<String> notes() {
    return notes;
  }

  /** Disulfide bonds as pairs of residue indices (lower first). */
  public List<int[]> disulfides() {
    List<int[]> out = new ArrayList<>();
    for (ResidueTopology r : residues) {
      if (r.disulfidePartner() > r.index()) {
        out.add(new int[] {r.index(), r.disulfidePartner()});
      }
    }
    return out;
  }

  /**
   * All bonds between present atoms, as pairs of global atom indices (atoms numbered in structure order):
   * template bonds, peptide bonds and disulfides.
   */
  public List<int[]> bonds() {
    List<int[]> out = new ArrayList<>();
    int[] offset = new int[residues.size()];
    int n = 0;
    for (ResidueTopology r : residues) {
      offset[r.index()] = n;
      n += r.residue().atoms().size();
    }
    for (ResidueTopology r : residues) {
      ResidueTemplate t = r.template();
      for (int[] b : t.bonds()) {
        int i = atomIndex(r.residue(), t.atom(b[0]).name());
        int j = atomIndex(r.residue(), t.atom(b[1]).name());
        if (i >= 0 && j >= 0) {
          out.add(new int[] {offset[r.index()] + i, offset[r.index()] + j});
        }
      }
      if (r.bondedToNext()) {
        Residue next = residues.get(r.index() + 1).residue();
        out.add(new int[] {offset[r.index()] + atomIndex(r.residue(), "C"), offset[r.index() + 1] + atomIndex(next, "N")});
      }
      if (r.disulfidePartner() > r.index()) {
        Residue p = residues.get(r.disulfidePartner()).residue();
        out.add(new int[] {offset[r.index()] + atomIndex(r.residue(), "SG"), offset[r.disulfidePartner()] + atomIndex(p, "SG")});
      }
    }
    return out;
  }

  private static int atomIndex(Residue r, String name) {
    for (int i = 0; i < r.atoms().size(); i++) {
      if (r.atoms().get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
