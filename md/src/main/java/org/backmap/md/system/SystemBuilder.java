package org.backmap.md.system;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.backmap.md.forcefield.Ff14sbParameters;
import org.backmap.md.forcefield.Gbn2Parameters;
import org.backmap.md.forcefield.TorsionType;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.AtomType;
import org.backmap.md.templates.HarmonicAngle;
import org.backmap.md.templates.HarmonicBond;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * Builds a {@link ForceFieldSystem} (AMBER14SB + GBn2, no cutoff) from a complete structure, as OpenMM 7.7's
 * {@code ForceField('amber14/protein.ff14SB.xml', 'implicit/gbn2.xml').createSystem(nonbondedMethod=NoCutoff)}
 * does. Atoms keep the structure's order (chains, residues, atoms as read).
 */
public final class SystemBuilder {
  private SystemBuilder() {}

  /**
   * Parameterises a structure. Templates are assigned by {@link Topology#build}; chain breaks are errors.
   *
   * @throws StructureException naming file, chain, residue and atom when an atom is missing from or foreign to
   *     its template, or a bonded term has no ff14SB parameters
   */
  public static ForceFieldSystem build(Structure structure) {
    return build(Topology.build(structure, TemplateLibrary.ff14SB(), false));
  }

  /** Parameterises a structure whose templates are already assigned. */
  public static ForceFieldSystem build(Topology topology) {
    TemplateLibrary lib = topology.library();
    Ff14sbParameters ff = Ff14sbParameters.ff14SB();
    String source = topology.structure().source();
    List<ResidueTopology> residues = topology.residues();

    int n = topology.structure().atomCount();
    AtomType[] types = new AtomType[n];
    int[] residueIndex = new int[n];
    int[] templateIndex = new int[n];
    String[] labels = new String[n];
    String[] residueNames = new String[n];
    String[] atomNames = new String[n];
    ForceFieldSystem.Builder b = new ForceFieldSystem.Builder();
    b.elements = new Element[n];
    b.masses = new double[n];
    b.charges = new double[n];
    b.sigma = new double[n];
    b.epsilon = new double[n];
    int atom = 0;
    for (ResidueTopology rt : residues) {
      Residue r = rt.residue();
      ResidueTemplate t = rt.template();
      if (!rt.missingHeavyAtoms().isEmpty() || !rt.missingHydrogens().isEmpty()) {
        List<String> missing = new ArrayList<>(rt.missingHeavyAtoms());
        missing.addAll(rt.missingHydrogens());
        throw new StructureException(source, rt.chainId(), r, missing.get(0),
            "missing from template " + t.name() + " (all missing: " + String.join(" ", missing) + "); complete the structure first");
      }
      for (Atom a : r.atoms()) {
        int ti = t.indexOf(a.name());
        if (ti < 0) {
          throw new StructureException(source, rt.chainId(), r, a.name(), "not an atom of template " + t.name());
        }
        types[atom] = t.atom(ti).type();
        residueIndex[atom] = rt.index();
        templateIndex[atom] = ti;
        labels[atom] = rt.chainId() + " " + r.label() + " " + r.name() + " " + a.name();
        residueNames[atom] = r.name();
        atomNames[atom] = a.name();
        b.elements[atom] = types[atom].element();
        b.masses[atom] = types[atom].mass();
        b.charges[atom] = t.atom(ti).charge();
        b.sigma[atom] = ff.sigma(types[atom].name());
        b.epsilon[atom] = ff.epsilon(types[atom].name());
        atom++;
      }
    }
    b.atomLabels = labels;

    List<int[]> bonds = topology.bonds();
    BondGraph graph = new BondGraph(n, bonds);
    bonds(b, bonds, types, labels, lib, source);
    angles(b, graph, types, labels, lib, source);
    torsions(b, graph, ff, types, residueIndex, templateIndex);
    nonbondedPairs(b, graph, ff);
    b.gb = gb(b.elements, graph, residueNames, atomNames);
    return new ForceFieldSystem(b);
  }

  /**
   * Positions of a structure's atoms in nm, flat {@code [x0, y0, z0, x1, ...]}, in structure order.
   */
  public static double[] positionsNm(Structure structure) {
    double[] x = new double[3 * structure.atomCount()];
    int i = 0;
    for (Chain c : structure.chains()) {
      for (Residue r : c.residues()) {
        for (Atom a : r.atoms()) {
          x[i++] = a.x() / 10;
          x[i++] = a.y() / 10;
          x[i++] = a.z() / 10;
        }
      }
    }
    return x;
  }

  /** A copy of {@code structure} with its atoms moved to {@code xNm} (flat, nm, structure order). */
  public static Structure withPositionsNm(Structure structure, double[] xNm) {
    if (xNm.length != 3 * structure.atomCount()) {
      throw new IllegalArgumentException("expected " + 3 * structure.atomCount() + " coordinates, got " + xNm.length);
    }
    List<Chain> chains = new ArrayList<>();
    int i = 0;
    for (Chain c : structure.chains()) {
      List<Residue> rs = new ArrayList<>();
      for (Residue r : c.residues()) {
        List<Atom> atoms = new ArrayList<>();
        for (Atom a : r.atoms()) {
          atoms.add(a.at(10 * xNm[i], 10 * xNm[i + 1], 10 * xNm[i + 2]));
          i += 3;
        }
        rs.add(r.withAtoms(atoms));
      }
      chains.add(c.withResidues(rs));
    }
    return structure.withChains(chains);
  }

  private static void bonds(ForceFieldSystem.Builder b, List<int[]> bonds, AtomType[] types, String[] labels,
      TemplateLibrary lib, String source) {
    int m = bonds.size();
    b.bondAtoms = new int[2 * m];
    b.bondLength = new double[m];
    b.bondK = new double[m];
    List<int[]> constraints = new ArrayList<>();
    List<Double> lengths = new ArrayList<>();
    for (int k = 0; k < m; k++) {
      int i = bonds.get(k)[0], j = bonds.get(k)[1];
      HarmonicBond p = lib.bond(types[i], types[j]);
      if (p == null) {
        throw new StructureException(source, "no ff14SB bond parameters for " + labels[i] + " - " + labels[j]
            + " (" + types[i].name() + "-" + types[j].name() + ")");
      }
      b.bondAtoms[2 * k] = i;
      b.bondAtoms[2 * k + 1] = j;
      b.bondLength[k] = p.length();
      b.bondK[k] = p.k();
      if (types[i].element() == Element.H || types[j].element() == Element.H) {
        constraints.add(new int[] {i, j});
        lengths.add(p.length());
      }
    }
    b.constraintAtoms = constraints.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    b.constraintLength = lengths.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void angles(ForceFieldSystem.Builder b, BondGraph graph, AtomType[] types, String[] labels,
      TemplateLibrary lib, String source) {
    List<int[]> angles = graph.angles();
    int m = angles.size();
    b.angleAtoms = new int[3 * m];
    b.angleTheta = new double[m];
    b.angleK = new double[m];
    for (int k = 0; k < m; k++) {
      int[] a = angles.get(k);
      HarmonicAngle p = lib.angle(types[a[0]], types[a[1]], types[a[2]]);
      if (p == null) {
        throw new StructureException(source, "no ff14SB angle parameters for " + labels[a[0]] + " - " + labels[a[1]]
            + " - " + labels[a[2]]);
      }
      System.arraycopy(a, 0, b.angleAtoms, 3 * k, 3);
      b.angleTheta[k] = p.angle();
      b.angleK[k] = p.k();
    }
  }

  private static void torsions(ForceFieldSystem.Builder b, BondGraph graph, Ff14sbParameters ff, AtomType[] types,
      int[] residueIndex, int[] templateIndex) {
    TorsionAssigner assigner = new TorsionAssigner(ff.propers(), ff.impropers(), ff.improperOrdering(),
        new TorsionAssigner.Atoms() {
          @Override
          public AtomType type(int atom) {
            return types[atom];
          }

          @Override
          public Element element(int atom) {
            return types[atom].element();
          }

          @Override
          public int residueIndex(int atom) {
            return residueIndex[atom];
          }

          @Override
          public int templateIndex(int atom) {
            return templateIndex[atom];
          }
        });
    List<int[]> atoms = new ArrayList<>();
    List<double[]> params = new ArrayList<>();
    for (int[] t : graph.propers()) {
      add(atoms, params, t, assigner.proper(t));
    }
    for (int[] t : graph.improperCandidates()) {
      TorsionAssigner.Assignment a = assigner.improper(t);
      if (a != null) {
        add(atoms, params, a.atoms(), a.type());
      }
    }
    int m = atoms.size();
    b.torsionAtoms = new int[4 * m];
    b.torsionPeriodicity = new int[m];
    b.torsionPhase = new double[m];
    b.torsionK = new double[m];
    for (int k = 0; k < m; k++) {
      System.arraycopy(atoms.get(k), 0, b.torsionAtoms, 4 * k, 4);
      b.torsionPeriodicity[k] = (int) params.get(k)[0];
      b.torsionPhase[k] = params.get(k)[1];
      b.torsionK[k] = params.get(k)[2];
    }
  }

  private static void add(List<int[]> atoms, List<double[]> params, int[] t, TorsionType def) {
    if (def == null) {
      return;
    }
    for (int i = 0; i < def.terms(); i++) {
      if (def.ks()[i] != 0) {
        atoms.add(t.clone());
        params.add(new double[] {def.periodicities()[i], def.phases()[i], def.ks()[i]});
      }
    }
  }

  private static void nonbondedPairs(ForceFieldSystem.Builder b, BondGraph graph, Ff14sbParameters ff) {
    int[][][] near = graph.nearPairs();
    int n = near.length;
    b.excludedAbove = new int[n][];
    List<int[]> pairs14 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      b.excludedAbove[i] = new int[near[i].length];
      for (int k = 0; k < near[i].length; k++) {
        b.excludedAbove[i][k] = near[i][k][0];
        if (near[i][k][1] == 3) {
          pairs14.add(new int[] {i, near[i][k][0]});
        }
      }
    }
    int m = pairs14.size();
    b.pair14Atoms = new int[2 * m];
    b.pair14ChargeProduct = new double[m];
    b.pair14Sigma = new double[m];
    b.pair14Epsilon = new double[m];
    for (int k = 0; k < m; k++) {
      int i = pairs14.get(k)[0], j = pairs14.get(k)[1];
      b.pair14Atoms[2 * k] = i;
      b.pair14Atoms[2 * k + 1] = j;
      b.pair14ChargeProduct[k] = ff.coulomb14Scale() * b.charges[i] * b.charges[j];
      b.pair14Sigma[k] = 0.5 * (b.sigma[i] + b.sigma[j]);
      b.pair14Epsilon[k] = ff.lj14Scale() * Math.sqrt(b.epsilon[i] * b.epsilon[j]);
    }
  }

  private static ForceFieldSystem.GbParameters gb(Element[] elements, BondGraph graph, String[] residueNames, String[] atomNames) {
    int n = elements.length;
    double[] radius = new double[n];
    double[] or = new double[n];
    double[] sr = new double[n];
    double[] alpha = new double[n];
    double[] beta = new double[n];
    double[] gamma = new double[n];
    TreeSet<Double> distinct = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      int[] nb = graph.neighbours(i);
      Element bonded = nb.length == 0 ? null : elements[nb[0]];
      radius[i] = Gbn2Parameters.radius(elements[i], bonded, residueNames[i], atomNames[i]);
      or[i] = radius[i] - Gbn2Parameters.OFFSET;
      sr[i] = Gbn2Parameters.screen(elements[i]) * or[i];
      double[] abg = Gbn2Parameters.alphaBetaGamma(elements[i]);
      alpha[i] = abg[0];
      beta[i] = abg[1];
      gamma[i] = abg[2];
      distinct.add(or[i]);
    }
    double[] unique = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = java.util.Arrays.binarySearch(unique, or[i]);
    }
    double[][] neck = Gbn2Parameters.neckTables(unique);
    return new ForceFieldSystem.GbParameters(radius, or, sr, alpha, beta, gamma, index, neck[0], neck[1], unique.length);
  }
}
