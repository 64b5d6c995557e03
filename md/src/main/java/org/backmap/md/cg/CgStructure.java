package org.backmap.md.cg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
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

  /** Reads a CG PDB file written by {@link #writePdb} (first model). */
  public static CgStructure read(Path file, TemplateLibrary library) {
    String name = file.getFileName().toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    record Raw(String chain, int number, char ins, String resName, List<Atom> atoms, double[][] bead) {}
    List<Raw> raw = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("ENDMDL")) {
        break;
      }
      if (!line.startsWith("ATOM") && !line.startsWith("HETATM")) {
        continue;
      }
      if (line.length() < 54) {
        throw new StructureException(name, "truncated ATOM record: " + line.strip());
      }
      String chain = line.substring(21, 22).trim();
      String resName = line.substring(17, 20).trim();
      int number;
      double x, y, z;
      try {
        number = Integer.parseInt(line.substring(22, 26).trim());
        x = Double.parseDouble(line.substring(30, 38).trim());
        y = Double.parseDouble(line.substring(38, 46).trim());
        z = Double.parseDouble(line.substring(46, 54).trim());
      } catch (NumberFormatException e) {
        throw new StructureException(name, "bad number in ATOM record: " + line.strip());
      }
      char ins = line.charAt(26);
      String atomName = line.substring(12, 16).trim();
      Raw last = raw.isEmpty() ? null : raw.get(raw.size() - 1);
      if (last == null || !last.chain.equals(chain) || last.number != number || last.ins != ins) {
        last = new Raw(chain, number, ins, resName, new ArrayList<>(), new double[1][]);
        raw.add(last);
      }
      Residue stub = new Residue(resName, number, ins, List.of());
      boolean duplicate = last.atoms.stream().anyMatch(a -> a.name().equals(atomName)) || atomName.equals(BEAD_NAME) && last.bead[0] != null;
      if (duplicate) {
        throw new StructureException(name, chain, stub, atomName, "duplicated atom");
      }
      if (atomName.equals(BEAD_NAME)) {
        last.bead[0] = new double[] {x, y, z};
      } else if (CgMapper.KEPT.contains(atomName)) {
        last.atoms.add(new Atom(atomName, Element.fromSymbol(atomName.substring(0, 1)), x, y, z));
      } else {
        throw new StructureException(name, chain, stub, atomName, "not a CG atom (expected one of N CA C O H CB OXT " + BEAD_NAME + ")");
      }
    }
    if (raw.isEmpty()) {
      throw new StructureException(name, "no ATOM records");
    }
    List<CgResidue> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Raw r = raw.get(i);
      boolean first = i == 0 || !raw.get(i - 1).chain.equals(r.chain);
      boolean last = i + 1 == raw.size() || !raw.get(i + 1).chain.equals(r.chain);
      String template = r.resName;
      if (!library.hasTemplate(template)) {
        throw new StructureException(name, r.chain, new Residue(r.resName, r.number, r.ins, List.of()), null, "unknown residue");
      }
      if (first && library.hasTemplate("N" + template)) {
        template = "N" + template;
      } else if (last && library.hasTemplate("C" + template)) {
        template = "C" + template;
      }
      out.add(new CgResidue(r.chain, r.number, r.ins, template, r.atoms, r.bead[0], true));
    }
    return new CgStructure(name, out);
  }
}
