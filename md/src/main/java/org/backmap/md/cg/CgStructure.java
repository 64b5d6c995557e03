package org.backmap.md.cg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.PdbWriter;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;

/**
 * A CG protein: residues in chain order, each with its kept atoms and bead.
 *
 * <p>PDB layout ({@link #writePdb}, {@link #read}): ordinary ATOM records for the kept atoms, then for each residue
 * one ATOM record named {@code SC} with a blank element column for the bead; the residue name is the
 * protonation variant (e.g. {@code HIE}, {@code ASH}, {@code CYX}); N- and C-terminal templates are implied by
 * the first and last residue of each chain (TER-separated). Any PDB viewer opens it.
 */
public final class CgStructure {
  /** Atom name of the bead in CG PDB files. */
  public static final String BEAD_NAME = "SC";

  private final String source;
  private final List<CgResidue> residues;

  /** A CG structure from {@code source} (a file name for messages). */
  public CgStructure(String source, List<CgResidue> residues) {
    this.source = source;
    this.residues = List.copyOf(residues);
  }

  /** Where it came from. */
  public String source() {
    return source;
  }

  /** Residues in chain order. */
  public List<CgResidue> residues() {
    return residues;
  }

  /** Number of CG particles (kept atoms plus beads). */
  public int particleCount() {
    return residues.stream().mapToInt(r -> r.atoms().size() + (r.bead() == null ? 0 : 1)).sum();
  }

  /**
   * The particle positions, flat (Angstrom): per residue its kept atoms, then its bead; the layout
   * {@link #withParticles} takes back.
   */
  public double[] particles() {
    double[] xyz = new double[3 * particleCount()];
    int k = 0;
    for (CgResidue r : residues) {
      for (Atom a : r.atoms()) {
        xyz[k++] = a.x();
        xyz[k++] = a.y();
        xyz[k++] = a.z();
      }
      double[] bead = r.bead();
      if (bead != null) {
        System.arraycopy(bead, 0, xyz, k, 3);
        k += 3;
      }
    }
    return xyz;
  }

  /** Writes the documented CG PDB layout to {@code file} (atomically). */
  public void writePdb(Path file) {
    PdbWriter.atomically(file, w -> {
      w.write("REMARK 250 backmap CG: kept atoms N CA C O H CB OXT; bead SC = centre of mass of the side chain\n");
      w.write("REMARK 250 (all residue atoms except N CA C O H HA OXT H1 H2 H3; GLY: HA2 HA3).\n");
      int serial = 1;
      for (int i = 0; i < residues.size(); i++) {
        CgResidue r = residues.get(i);
        List<Atom> atoms = new ArrayList<>(r.atoms());
        Residue pdbResidue = new Residue(r.residueName(), r.number(), r.insertionCode(), List.of());
        for (Atom a : atoms) {
          w.write(atomLine(serial++, a.name(), a.element().name(), pdbResidue, r.chainId(), a.x(), a.y(), a.z()));
        }
        double[] b = r.bead();
        if (b != null) {
          w.write(atomLine(serial++, BEAD_NAME, "", pdbResidue, r.chainId(), b[0], b[1], b[2]));
        }
        if (i + 1 == residues.size() || !residues.get(i + 1).chainId().equals(r.chainId())) {
          w.write("TER\n");
        }
      }
      w.write("END\n");
    });
  }

  private static String atomLine(int serial, String name, String element, Residue r, String chain, double x, double y, double z) {
    String field = name.length() >= 4 ? name : " " + String.format("%-3s", name);
    return String.format(Locale.ROOT, "ATOM  %5d %4s %3s %1s%4d%c   %8.3f%8.3f%8.3f%6.2f%6.2f          %2s%n",
        serial % 100000, field, r.name(), chain.isEmpty() ? " " : chain.substring(0, 1), r.number(), r.insertionCode(), x, y, z, 1.0, 0.0, element);
  }

  /** Reads a CG PDB file written by {@link #writePdb} (plain or gzip; its first model). */
  public static CgStructure read(Path file, TemplateLibrary library) {
    try (CgModelReader models = new CgModelReader(file, library)) {
      if (!models.hasNext()) {
        throw new StructureException(file.getFileName().toString(), "no ATOM records");
      }
      return models.next();
    }
  }

  /**
   * A new frame of this structure: the same residues and atoms with the particle positions {@code xyz} (Angstrom,
   * flat, in the order of {@link #writePdb}: per residue its kept atoms, then its bead).
   *
   * @param source the frame's name for messages
   */
  public CgStructure withParticles(String source, double[] xyz) {
    if (xyz.length != 3 * particleCount()) {
      throw new IllegalArgumentException(source + ": " + xyz.length / 3 + " particles, the CG structure has " + particleCount());
    }
    List<CgResidue> out = new ArrayList<>(residues.size());
    int k = 0;
    for (CgResidue r : residues) {
      List<Atom> atoms = new ArrayList<>(r.atoms().size());
      for (Atom a : r.atoms()) {
        atoms.add(a.at(xyz[k], xyz[k + 1], xyz[k + 2]));
        k += 3;
      }
      double[] bead = null;
      if (r.bead() != null) {
        bead = new double[] {xyz[k], xyz[k + 1], xyz[k + 2]};
        k += 3;
      }
      out.add(new CgResidue(r.chainId(), r.number(), r.insertionCode(), r.template(), atoms, bead, r.complete()));
    }
    return new CgStructure(source, out);
  }
}
