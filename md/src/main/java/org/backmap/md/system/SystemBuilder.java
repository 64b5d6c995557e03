package org.backmap.md.system;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
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
    Element[] elements = new Element[n];
    double[] masses = new double[n];
    double[] charges = new double[n];
    double[] sigma = new double[n];
    double[] epsilon = new double[n];
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
        elements[atom] = types[atom].element();
        masses[atom] = types[atom].mass();
        charges[atom] = t.atom(ti).charge();
        sigma[atom] = ff.sigma(types[atom].name());
        epsilon[atom] = ff.epsilon(types[atom].name());
        atom++;
      }
    }

    List<int[]> bondList = topology.bonds();
    BondGraph graph = new BondGraph(n, bondList);
    BondParameters bonds = bonds(bondList, types, labels, lib, source);
    return new ForceFieldSystem(labels, elements, masses, bonds,
        angles(graph, types, labels, lib, source),
        torsions(graph, ff, types, residueIndex, templateIndex),
        nonbonded(charges, sigma, epsilon, graph, ff),
        gb(elements, graph, residueNames, atomNames),
        constraints(bonds, elements));
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

  private static BondParameters bonds(List<int[]> bonds, AtomType[] types, String[] labels, TemplateLibrary lib,
      String source) {
    int m = bonds.size();
    int[] atoms = new int[2 * m];
    double[] length = new double[m];
    double[] k = new double[m];
    for (int b = 0; b < m; b++) {
      int i = bonds.get(b)[0], j = bonds.get(b)[1];
      HarmonicBond p = lib.bond(types[i], types[j]);
      if (p == null) {
        throw new StructureException(source, "no ff14SB bond parameters for " + labels[i] + " - " + labels[j]
            + " (" + types[i].name() + "-" + types[j].name() + ")");
      }
      atoms[2 * b] = i;
      atoms[2 * b + 1] = j;
      length[b] = p.length();
      k[b] = p.k();
    }
    return new BondParameters(atoms, length, k);
  }

  /** The bonds to hydrogen, in bond order, at their equilibrium lengths. */
  private static ConstraintParameters constraints(BondParameters bonds, Element[] elements) {
    int[] atoms = bonds.atoms();
    int[] selected = IntStream.range(0, bonds.count())
        .filter(b -> elements[atoms[2 * b]] == Element.H || elements[atoms[2 * b + 1]] == Element.H)
        .toArray();
    int[] pairs = new int[2 * selected.length];
    double[] length = new double[selected.length];
    for (int c = 0; c < selected.length; c++) {
      pairs[2 * c] = atoms[2 * selected[c]];
      pairs[2 * c + 1] = atoms[2 * selected[c] + 1];
      length[c] = bonds.length()[selected[c]];
    }
    return new ConstraintParameters(pairs, length);
  }

  private static AngleParameters angles(BondGraph graph, AtomType[] types, String[] labels, TemplateLibrary lib,
      String source) {
    List<int[]> angles = graph.angles();
    int m = angles.size();
    int[] atoms = new int[3 * m];
    double[] theta = new double[m];
    double[] k = new double[m];
    for (int i = 0; i < m; i++) {
      int[] a = angles.get(i);
      HarmonicAngle p = lib.angle(types[a[0]], types[a[1]], types[a[2]]);
      if (p == null) {
        throw new StructureException(source, "no ff14SB angle parameters for " + labels[a[0]] + " - " + labels[a[1]]
            + " - " + labels[a[2]]);
      }
      System.arraycopy(a, 0, atoms, 3 * i, 3);
      theta[i] = p.angle();
      k[i] = p.k();
    }
    return new AngleParameters(atoms, theta, k);
  }

  private static TorsionParameters torsions(BondGraph graph, Ff14sbParameters ff, AtomType[] types,
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
    int[] quadruples = new int[4 * m];
    int[] periodicity = new int[m];
    double[] phase = new double[m];
    double[] k = new double[m];
    for (int t = 0; t < m; t++) {
      System.arraycopy(atoms.get(t), 0, quadruples, 4 * t, 4);
      periodicity[t] = (int) params.get(t)[0];
      phase[t] = params.get(t)[1];
      k[t] = params.get(t)[2];
    }
    return new TorsionParameters(quadruples, periodicity, phase, k);
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

  private static NonbondedParameters nonbonded(double[] charges, double[] sigma, double[] epsilon, BondGraph graph,
      Ff14sbParameters ff) {
    int[][][] near = graph.nearPairs();
    int n = near.length;
    int[][] excludedAbove = new int[n][];
    List<int[]> pairs14 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      excludedAbove[i] = new int[near[i].length];
      for (int k = 0; k < near[i].length; k++) {
        excludedAbove[i][k] = near[i][k][0];
        if (near[i][k][1] == 3) {
          pairs14.add(new int[] {i, near[i][k][0]});
        }
      }
    }
    int m = pairs14.size();
    int[] pairAtoms = new int[2 * m];
    double[] chargeProduct = new double[m];
    double[] pairSigma = new double[m];
    double[] pairEpsilon = new double[m];
    for (int k = 0; k < m; k++) {
      int i = pairs14.get(k)[0], j = pairs14.get(k)[1];
      pairAtoms[2 * k] = i;
      pairAtoms[2 * k + 1] = j;
      chargeProduct[k] = ff.coulomb14Scale() * charges[i] * charges[j];
      pairSigma[k] = 0.5 * (sigma[i] + sigma[j]);
      pairEpsilon[k] = ff.lj14Scale() * Math.sqrt(epsilon[i] * epsilon[j]);
    }
    return new NonbondedParameters(charges, sigma, epsilon, excludedAbove, pairAtoms, chargeProduct, pairSigma,
        pairEpsilon);
  }

  private static GbParameters gb(Element[] elements, BondGraph graph, String[] residueNames, String[] atomNames) {
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
    return new GbParameters(radius, or, sr, alpha, beta, gamma, index, neck[0], neck[1], unique.length);
  }
}
