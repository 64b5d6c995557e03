package org.backmap.md.bat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;

/**
 * The Z-matrix of one atom group of a residue template: for each placed atom its bonded parent, angle atom and
 * torsion atom, and the layout of its BAT vector.
 *
 * <p>Construction rule. Three root atoms r0, r1, r2 are given (from CG coordinates). The reference graph is the
 * template bond graph on the roots and the group's atoms, plus edges r0-r1 and r1-r2 (virtual where they are not
 * bonds, as N-C in glycine). Atoms are walked breadth-first from r2, r1, r0 (in that order); the new neighbours
 * of each walked atom are placed lightest first (ff14SB mass, ties by template index). For an atom x with
 * parent p: the angle atom a is the lightest placed neighbour of p that has a placed neighbour other than p;
 * the torsion atom is the lightest placed neighbour of a other than p. Ring-closure bonds are not degrees of
 * freedom. Atoms sharing a central bond (p, a) with an earlier "primary" atom store their torsion as the offset
 * from the primary's torsion, wrapped into (-pi, pi].
 *
 * <p>BAT vector layout, length {@code 3 * heavy + 2 * hydrogens} for {@code heavy + hydrogens} placed atoms:
 * [bond lengths of placed heavy atoms, angles of all placed atoms, torsions of all placed atoms], each in
 * placement order, in Angstrom and radians. Bonds to hydrogen are fixed at the ff14SB equilibrium length.
 * Coordinates of a group are laid out as the three roots followed by the placed atoms ({@link #atomNames()}).
 */
public final class ZMatrix {
  private static final Set<String> NOT_DECODED = Set.of("N", "O", "H", "OXT", "H1", "H2", "H3");
  private static final Map<String, ZMatrix> CACHE = new ConcurrentHashMap<>();

  private final String template;
  private final BatGroup group;
  private final String[] names;
  private final int[] parent;
  private final int[] angle;
  private final int[] torsion;
  private final int[] primary;
  private final boolean[] heavy;
  private final int[] bondSlot;
  private final double[] fixedBond;
  private final int heavyCount;

  private ZMatrix(String template, BatGroup group, String[] names, int[] parent, int[] angle, int[] torsion,
      int[] primary, boolean[] heavy, double[] fixedBond) {
    this.template = template;
    this.group = group;
    this.names = names;
    this.parent = parent;
    this.angle = angle;
    this.torsion = torsion;
    this.primary = primary;
    this.heavy = heavy;
    this.fixedBond = fixedBond;
    this.bondSlot = new int[heavy.length];
    int k = 0;
    for (int i = 0; i < heavy.length; i++) {
      bondSlot[i] = heavy[i] ? k++ : -1;
    }
    this.heavyCount = k;
  }

  /** The Z-matrix of {@code group} in template {@code templateName} of {@code library} (cached). */
  public static ZMatrix of(TemplateLibrary library, String templateName, BatGroup group) {
    return CACHE.computeIfAbsent(System.identityHashCode(library) + "/" + templateName + "/" + group,
        k -> build(library, library.template(templateName), group));
  }

  /** Whether {@code group} exists for template {@code t} (amino acids only; N-terminal hydrogens only in N-terminal templates). */
  public static boolean exists(ResidueTemplate t, BatGroup group) {
    return !t.isCap() && (group == BatGroup.SIDECHAIN || t.isNTerminal());
  }

  private static ZMatrix build(TemplateLibrary lib, ResidueTemplate t, BatGroup group) {
    if (!exists(t, group)) {
      throw new IllegalArgumentException("template " + t.name() + " has no " + group + " group");
    }
    String[] roots;
    List<Integer> members = new ArrayList<>();
    if (group == BatGroup.N_TERMINAL_HYDROGENS) {
      roots = new String[] {"C", "CA", "N"};
      for (String h : List.of("H1", "H2", "H3")) {
        if (t.has(h)) {
          members.add(t.indexOf(h));
        }
      }
    } else {
      roots = t.has("CB") ? new String[] {"C", "CA", "CB"} : new String[] {"N", "C", "CA"};
      for (int i = 0; i < t.size(); i++) {
        String name = t.atom(i).name();
        if (!NOT_DECODED.contains(name) && !Arrays.asList(roots).contains(name)) {
          members.add(i);
        }
      }
    }
    int[] rootIdx = Arrays.stream(roots).mapToInt(t::indexOf).toArray();
    // Reference graph over template indices: bonds among roots and members, plus the root chain.
    Map<Integer, List<Integer>> graph = new HashMap<>();
    List<Integer> nodes = new ArrayList<>();
    for (int r : rootIdx) {
      nodes.add(r);
    }
    nodes.addAll(members);
    for (int x : nodes) {
      List<Integer> nb = new ArrayList<>();
      for (int y : t.neighbours(x)) {
        if (nodes.contains(y)) {
          nb.add(y);
        }
      }
      graph.put(x, nb);
    }
    for (int i = 0; i + 1 < 3; i++) {
      if (!graph.get(rootIdx[i]).contains(rootIdx[i + 1])) {
        graph.get(rootIdx[i]).add(rootIdx[i + 1]);
        graph.get(rootIdx[i + 1]).add(rootIdx[i]);
      }
    }
    Comparator<Integer> lightest = Comparator.<Integer>comparingDouble(i -> t.atom(i).type().mass()).thenComparingInt(i -> i);
    List<Integer> placed = new ArrayList<>();
    for (int r : rootIdx) {
      placed.add(r);
    }
    List<int[]> rows = new ArrayList<>(); // template indices: atom, parent, angle, torsion
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(rootIdx[2], rootIdx[1], rootIdx[0]));
    while (!queue.isEmpty()) {
      int p = queue.poll();
      List<Integer> fresh = graph.get(p).stream().filter(y -> !placed.contains(y)).sorted(lightest).toList();
      for (int x : fresh) {
        int a = graph.get(p).stream()
            .filter(c -> c != x && placed.contains(c) && graph.get(c).stream().anyMatch(d -> d != p && placed.contains(d)))
            .min(lightest).orElseThrow(() -> new IllegalStateException("no angle atom for " + t.atom(x).name() + " in " + t.name()));
        int d = graph.get(a).stream().filter(c -> c != p && placed.contains(c)).min(lightest).orElseThrow();
        rows.add(new int[] {x, p, a, d});
        placed.add(x);
        queue.add(x);
      }
    }
    if (rows.size() != members.size()) {
      throw new IllegalStateException("atoms of " + t.name() + " " + group + " not reachable from the roots");
    }
    int n = rows.size();
    String[] names = new String[3 + n];
    Map<Integer, Integer> local = new HashMap<>();
    for (int i = 0; i < 3; i++) {
      names[i] = roots[i];
      local.put(rootIdx[i], i);
    }
    for (int i = 0; i < n; i++) {
      names[3 + i] = t.atom(rows.get(i)[0]).name();
      local.put(rows.get(i)[0], 3 + i);
    }
    int[] parent = new int[n], ang = new int[n], tor = new int[n], primary = new int[n];
    boolean[] heavy = new boolean[n];
    double[] fixed = new double[n];
    Map<String, Integer> firstOnBond = new HashMap<>();
    for (int i = 0; i < n; i++) {
      int[] row = rows.get(i);
      parent[i] = local.get(row[1]);
      ang[i] = local.get(row[2]);
      tor[i] = local.get(row[3]);
      Integer first = firstOnBond.putIfAbsent(parent[i] + "-" + ang[i], i);
      primary[i] = first == null ? -1 : first;
      heavy[i] = t.atom(row[0]).type().element() != Element.H;
      fixed[i] = heavy[i] ? Double.NaN : lib.bondLength(t.atom(row[0]).type(), t.atom(row[1]).type());
    }
    return new ZMatrix(t.name(), group, names, parent, ang, tor, primary, heavy, fixed);
  }

  /** Template name. */
  public String template() {
    return template;
  }

  /** Atom group. */
  public BatGroup group() {
    return group;
  }

  /** Names of the three roots followed by the placed atoms, in placement order. */
  public List<String> atomNames() {
    return List.of(names);
  }

  /** Number of placed atoms. */
  public int placedCount() {
    return parent.length;
  }

  /** Number of placed heavy atoms (their bond lengths are degrees of freedom). */
  public int heavyCount() {
    return heavyCount;
  }

  /** Length of the BAT vector: heavy bonds + angles + torsions. */
  public int size() {
    return heavyCount + 2 * parent.length;
  }

  /** Offset of the first angle in the BAT vector. */
  public int angleOffset() {
    return heavyCount;
  }

  /** Offset of the first torsion in the BAT vector. */
  public int torsionOffset() {
    return heavyCount + parent.length;
  }

  /** Index (in {@link #atomNames()}) of the parent of placed atom {@code i} (0-based among placed atoms). */
  public int parent(int i) {
    return parent[i];
  }

  /** Index of the angle atom of placed atom {@code i}. */
  public int angleAtom(int i) {
    return angle[i];
  }

  /** Index of the torsion atom of placed atom {@code i}. */
  public int torsionAtom(int i) {
    return torsion[i];
  }

  /** Placed-atom index of the primary whose torsion {@code i}'s is an offset from, or -1 when {@code i} is primary. */
  public int primary(int i) {
    return primary[i];
  }

  /** Whether placed atom {@code i} is a heavy atom (its bond length is free). */
  public boolean isHeavy(int i) {
    return heavy[i];
  }

  /** Slot of placed heavy atom {@code i}'s bond length in the BAT vector, -1 for hydrogens. */
  public int bondSlot(int i) {
    return bondSlot[i];
  }

  /** Fixed bond length (Angstrom) of placed hydrogen {@code i}; NaN for heavy atoms. */
  public double fixedBond(int i) {
    return fixedBond[i];
  }

  /**
   * Copies the coordinates of this group's atoms (roots, then placed atoms) from {@code residue} into
   * {@code xyz} starting at {@code offset}; throws naming the first missing atom.
   */
  public void gather(Residue residue, double[] xyz, int offset) {
    for (int i = 0; i < names.length; i++) {
      Atom a = residue.atom(names[i]);
      if (a == null) {
        throw new IllegalArgumentException("residue " + residue.label() + " " + residue.name() + " lacks atom " + names[i]);
      }
      xyz[offset + 3 * i] = a.x();
      xyz[offset + 3 * i + 1] = a.y();
      xyz[offset + 3 * i + 2] = a.z();
    }
  }

  /** {@code residue} with its placed atoms moved to (or added at) the positions in {@code xyz} from {@code offset}. */
  public Residue scatter(Residue residue, double[] xyz, int offset) {
    List<Atom> atoms = new ArrayList<>(residue.atoms());
    for (int i = 3; i < names.length; i++) {
      double x = xyz[offset + 3 * i], y = xyz[offset + 3 * i + 1], z = xyz[offset + 3 * i + 2];
      int at = -1;
      for (int k = 0; k < atoms.size(); k++) {
        if (atoms.get(k).name().equals(names[i])) {
          at = k;
        }
      }
      Element e = heavy[i - 3] ? elementOf(names[i]) : Element.H;
      if (at >= 0) {
        atoms.set(at, atoms.get(at).at(x, y, z));
      } else {
        atoms.add(new Atom(names[i], e, x, y, z));
      }
    }
    return residue.withAtoms(atoms);
  }

  private static Element elementOf(String atomName) {
    return Element.fromSymbol(atomName.substring(0, 1));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(template + " " + group + ":");
    for (int i = 0; i < parent.length; i++) {
      sb.append(' ').append(names[3 + i]).append('-').append(names[parent[i]]).append('-').append(names[angle[i]])
          .append('-').append(names[torsion[i]]);
      if (primary[i] >= 0) {
        sb.append("(+").append(names[3 + primary[i]]).append(')');
      }
    }
    return sb.toString();
  }
}
