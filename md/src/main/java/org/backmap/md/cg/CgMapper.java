package org.backmap.md.cg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.ResidueTopology;
import org.backmap.md.topology.Topology;

/**
 * Maps an all-atom topology to CG: per residue the atoms N, CA, C, O, H (amide), CB and OXT present in its
 * template, in template order, then one bead at the centre of mass (element masses) of every residue atom
 * except N, CA, C, O, H, HA, OXT, H1, H2, H3 — CB, the side-chain heavy atoms and their hydrogens; for glycine
 * HA2 and HA3.
 */
public final class CgMapper {
  /** Atom names kept as CG particles. */
  public static final Set<String> KEPT = Set.of("N", "CA", "C", "O", "H", "CB", "OXT");
  /** Atom names excluded from the bead. */
  public static final Set<String> NOT_IN_BEAD = Set.of("N", "CA", "C", "O", "H", "HA", "OXT", "H1", "H2", "H3");

  private CgMapper() {}

  /**
   * Maps every residue of {@code topology}.
   *
   * @param requireComplete when true, a residue missing any template atom is an error naming it; when false it
   *     is mapped from the atoms present and marked incomplete (usable as environment, not as a target)
   */
  public static CgStructure map(Topology topology, boolean requireComplete) {
    List<CgResidue> out = new ArrayList<>();
    for (ResidueTopology rt : topology.residues()) {
      ResidueTemplate t = rt.template();
      if (t.isCap()) {
        throw new StructureException(topology.structure().source(), rt.chainId(), rt.residue(), null, "capping group " + t.name() + " has no CG representation");
      }
      if (requireComplete && !rt.complete()) {
        String missing = !rt.missingHeavyAtoms().isEmpty() ? rt.missingHeavyAtoms().get(0) : rt.missingHydrogens().get(0);
        throw new StructureException(topology.structure().source(), rt.chainId(), rt.residue(), missing, "missing atom (template " + t.name() + ")");
      }
      out.add(mapResidue(rt));
    }
    return new CgStructure(topology.structure().source(), out);
  }

  /**
   * The bead of a side chain given in Z-matrix coordinates: the centre of mass (element masses) of those of the
   * group's atoms (roots and placed atoms, {@link ZMatrix#atomNames()}) that the bead counts. For a
   * {@link BatGroup#SIDECHAIN} Z-matrix these are all of the residue's bead atoms (CB is a root), so a decoded side
   * chain can be compared with the bead it was decoded from.
   *
   * @param xyz coordinates laid out as {@link ZMatrix#gather} writes them, starting at {@code offset}
   */
  public static double[] bead(TemplateLibrary library, ZMatrix z, double[] xyz, int offset) {
    ResidueTemplate t = library.template(z.template());
    List<String> names = z.atomNames();
    double m = 0, x = 0, y = 0, zz = 0;
    for (int i = 0; i < names.size(); i++) {
      if (!NOT_IN_BEAD.contains(names.get(i))) {
        double w = t.atom(t.indexOf(names.get(i))).type().element().mass();
        int k = offset + 3 * i;
        m += w;
        x += w * xyz[k];
        y += w * xyz[k + 1];
        zz += w * xyz[k + 2];
      }
    }
    return new double[] {x / m, y / m, zz / m};
  }

  /** The CG residue of one all-atom residue. */
  public static CgResidue mapResidue(ResidueTopology rt) {
    List<Atom> kept = new ArrayList<>();
    for (var ta : rt.template().atoms()) {
      Atom a = rt.residue().atom(ta.name());
      if (a != null && KEPT.contains(ta.name())) {
        kept.add(a);
      }
    }
    double m = 0, x = 0, y = 0, z = 0;
    for (Atom a : rt.residue().atoms()) {
      if (!NOT_IN_BEAD.contains(a.name())) {
        double w = a.element().mass();
        m += w;
        x += w * a.x();
        y += w * a.y();
        z += w * a.z();
      }
    }
    double[] bead = m == 0 ? null : new double[] {x / m, y / m, z / m};
    var r = rt.residue();
    return new CgResidue(rt.chainId(), r.number(), r.insertionCode(), rt.template().name(), kept, bead, rt.complete());
  }
}
