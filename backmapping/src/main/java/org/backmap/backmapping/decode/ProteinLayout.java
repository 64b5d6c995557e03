package org.backmap.backmapping.decode;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgResidue;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.dataset.ParticleClasses;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;

/**
 * The all-atom form a CG structure decodes to: every residue's template atoms in template order, flattened into
 * one coordinate array (Angstrom, {@code 3 * atoms()} values), with the CG particles and their classes, and for
 * each residue and group the indices of its Z-matrix atoms (roots, then placed atoms) in that array.
 */
public final class ProteinLayout {
  private final CgStructure cg;
  private final TemplateLibrary library;
  private final List<ResidueTemplate> templates = new ArrayList<>();
  private final int[] firstAtom;
  private final List<String> names = new ArrayList<>();
  private final List<Element> elements = new ArrayList<>();
  private final double[] cgXyz;
  private final int[] cgLabel;
  private final double[] beads;
  private final double[] known;
  private final boolean[] isKnown;
  private final int[] atomClass;
  private final int[] atomResidue;

  /**
   * The layout of {@code cg}.
   *
   * @throws StructureException naming the residue when a residue lacks a CG atom its template has, or its bead
   */
  public ProteinLayout(CgStructure cg, TemplateLibrary library) {
    this.cg = cg;
    this.library = library;
    ParticleClasses classes = new ParticleClasses(library);
    int n = cg.residues().size();
    firstAtom = new int[n + 1];
    beads = new double[3 * n];
    List<double[]> xyz = new ArrayList<>();
    List<Integer> label = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CgResidue r = cg.residues().get(i);
      ResidueTemplate t = library.template(r.template());
      templates.add(t);
      firstAtom[i] = names.size();
      Residue stub = new Residue(t.residueName(), r.number(), r.insertionCode(), List.of());
      for (var ta : t.atoms()) {
        names.add(ta.name());
        elements.add(ta.type().element());
        if (CgMapper.KEPT.contains(ta.name())) {
          Atom a = r.atom(ta.name());
          if (a == null) {
            throw new StructureException(cg.source(), r.chainId(), stub, ta.name(), "missing CG atom (template " + t.name() + ")");
          }
          xyz.add(new double[] {a.x(), a.y(), a.z()});
          label.add(classes.ofAtomType(ta.type().name()));
        }
      }
      if (r.bead() == null) {
        throw new StructureException(cg.source(), r.chainId(), stub, CgStructure.BEAD_NAME, "missing bead");
      }
      System.arraycopy(r.bead(), 0, beads, 3 * i, 3);
      xyz.add(r.bead());
      label.add(classes.ofBead(t.name()));
    }
    firstAtom[n] = names.size();
    cgXyz = new double[3 * xyz.size()];
    cgLabel = new int[xyz.size()];
    for (int k = 0; k < xyz.size(); k++) {
      System.arraycopy(xyz.get(k), 0, cgXyz, 3 * k, 3);
      cgLabel[k] = label.get(k);
    }
    known = new double[3 * names.size()];
    isKnown = new boolean[names.size()];
    atomClass = new int[names.size()];
    atomResidue = new int[names.size()];
    for (int i = 0; i < n; i++) {
      ResidueTemplate t = templates.get(i);
      for (int k = 0; k < t.size(); k++) {
        int g = firstAtom[i] + k;
        atomClass[g] = classes.ofAtomType(t.atom(k).type().name());
        atomResidue[g] = i;
        Atom a = CgMapper.KEPT.contains(t.atom(k).name()) ? cg.residues().get(i).atom(t.atom(k).name()) : null;
        if (a != null) {
          known[3 * g] = a.x();
          known[3 * g + 1] = a.y();
          known[3 * g + 2] = a.z();
          isKnown[g] = true;
        }
      }
    }
  }

  /**
   * Whether {@code other} is a frame of the same protein: the same residues (chain, number, insertion code) with
   * the same templates, in the same order, so that plans, atom indices and models are shared.
   */
  public boolean sameResidues(ProteinLayout other) {
    if (other == this) {
      return true;
    }
    if (other.templates.size() != templates.size()) {
      return false;
    }
    for (int i = 0; i < templates.size(); i++) {
      CgResidue a = cg.residues().get(i);
      CgResidue b = other.cg.residues().get(i);
      if (!a.template().equals(b.template()) || !a.chainId().equals(b.chainId()) || a.number() != b.number()
          || a.insertionCode() != b.insertionCode()) {
        return false;
      }
    }
    return true;
  }

  /** The CG structure. */
  public CgStructure cg() {
    return cg;
  }

  /** The template library. */
  public TemplateLibrary library() {
    return library;
  }

  /** Residues. */
  public int residues() {
    return templates.size();
  }

  /** The template of residue {@code i}. */
  public ResidueTemplate template(int i) {
    return templates.get(i);
  }

  /** All atoms of the all-atom structure. */
  public int atoms() {
    return names.size();
  }

  /** Index of the first atom of residue {@code i}; {@code firstAtom(residues())} is {@link #atoms()}. */
  public int firstAtom(int i) {
    return firstAtom[i];
  }

  /** Residue of atom {@code g}. */
  public int residueOf(int g) {
    return atomResidue[g];
  }

  /** Particle class of atom {@code g} ({@link ParticleClasses#ofAtomType}). */
  public int atomClass(int g) {
    return atomClass[g];
  }

  /** CG particle coordinates, Angstrom, {@code [particles][3]}: kept atoms and beads. */
  public double[] cgCoordinates() {
    return cgXyz;
  }

  /** CG particle classes. */
  public int[] cgClasses() {
    return cgLabel;
  }

  /** The bead of residue {@code i} (a new array). */
  public double[] bead(int i) {
    return new double[] {beads[3 * i], beads[3 * i + 1], beads[3 * i + 2]};
  }

  /** A coordinate array with the CG atoms in place and zeros elsewhere. */
  public double[] newCoordinates() {
    return known.clone();
  }

  /** Whether atom {@code g} is a CG atom (its coordinates come from the CG structure). */
  public boolean isCg(int g) {
    return isKnown[g];
  }

  /** Indices of the atoms of {@code z} (roots, then placed atoms) of residue {@code i}. */
  public int[] indices(int i, ZMatrix z) {
    List<String> zn = z.atomNames();
    ResidueTemplate t = templates.get(i);
    int[] out = new int[zn.size()];
    for (int k = 0; k < out.length; k++) {
      int local = t.indexOf(zn.get(k));
      if (local < 0) {
        throw new IllegalStateException("atom " + zn.get(k) + " of " + z + " is not in template " + t.name());
      }
      out[k] = firstAtom[i] + local;
    }
    return out;
  }

  /** The Z-matrix of residue {@code i}'s {@code group}. */
  public ZMatrix zMatrix(int i, BatGroup group) {
    return ZMatrix.of(library, templates.get(i).name(), group);
  }

  /**
   * The coordinates of an all-atom structure of this protein in the layout's order (Angstrom): its residues, in
   * order, must be this CG structure's (same count and residue numbers) and hold every atom of their templates.
   *
   * @throws StructureException naming the residue and atom that does not fit
   */
  public double[] coordinatesOf(Structure structure) {
    List<Residue> residues = new ArrayList<>();
    List<String> chainIds = new ArrayList<>();
    for (Chain c : structure.chains()) {
      for (Residue r : c.residues()) {
        residues.add(r);
        chainIds.add(c.id());
      }
    }
    if (residues.size() != templates.size()) {
      throw new StructureException(structure.source(), residues.size() + " residues, but the CG structure " + cg.source()
          + " has " + templates.size());
    }
    double[] xyz = new double[3 * atoms()];
    for (int i = 0; i < residues.size(); i++) {
      Residue r = residues.get(i);
      CgResidue c = cg.residues().get(i);
      if (r.number() != c.number() || r.insertionCode() != c.insertionCode()) {
        throw new StructureException(structure.source(), chainIds.get(i), r, null, "is residue " + c.number()
            + " of the CG structure " + cg.source());
      }
      ResidueTemplate t = templates.get(i);
      for (int k = 0; k < t.size(); k++) {
        Atom a = r.atom(t.atom(k).name());
        if (a == null) {
          throw new StructureException(structure.source(), chainIds.get(i), r, t.atom(k).name(), "missing atom (template " + t.name() + ")");
        }
        int g = firstAtom[i] + k;
        xyz[3 * g] = a.x();
        xyz[3 * g + 1] = a.y();
        xyz[3 * g + 2] = a.z();
      }
    }
    return xyz;
  }

  /** Coordinates in nm from coordinates in Angstrom (the layouts' unit), as trajectory files take them. */
  public static double[] nanometres(double[] angstrom) {
    double[] nm = new double[angstrom.length];
    for (int i = 0; i < nm.length; i++) {
      nm[i] = angstrom[i] / 10;
    }
    return nm;
  }

  /** The all-atom structure with coordinates {@code xyz} (Angstrom, {@link #atoms()} x 3). */
  public Structure structure(double[] xyz) {
    List<Chain> chains = new ArrayList<>();
    String chainId = null;
    List<Residue> residues = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      CgResidue r = cg.residues().get(i);
      if (chainId != null && !chainId.equals(r.chainId())) {
        chains.add(new Chain(chainId, residues));
        residues = new ArrayList<>();
      }
      chainId = r.chainId();
      List<Atom> atoms = new ArrayList<>();
      for (int g = firstAtom[i]; g < firstAtom[i + 1]; g++) {
        atoms.add(new Atom(names.get(g), elements.get(g), xyz[3 * g], xyz[3 * g + 1], xyz[3 * g + 2]));
      }
      residues.add(new Residue(templates.get(i).residueName(), r.number(), r.insertionCode(), atoms));
    }
    if (chainId != null) {
      chains.add(new Chain(chainId, residues));
    }
    return new Structure(cg.source(), chains, List.of());
  }
}
