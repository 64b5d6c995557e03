package org.backmap.md.cg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;

/**
 * Reads the models of a CG PDB file ({@link CgStructure#writePdb} layout; {@code MODEL}/{@code ENDMDL} blocks, or
 * one model without them; plain or gzip) one at a time, so a long multi-model file is read in the memory of one
 * model. Every model must hold the same residues and atoms as the first; errors name the file, the model, the
 * residue and the atom.
 */
public final class CgModelReader implements Iterator<CgStructure>, AutoCloseable {
  private final String name;
  private final TemplateLibrary library;
  private final BufferedReader in;
  private CgStructure first;
  private CgStructure pending;
  private int model;
  private boolean multiModel;
  private boolean done;

  /** Opens {@code file}. */
  public CgModelReader(Path file, TemplateLibrary library) {
    this.name = file.getFileName().toString();
    this.library = library;
    try {
      InputStream raw = Files.newInputStream(file);
      InputStream stream = name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
      this.in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.ISO_8859_1), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      pending = readModel();
    }
    return pending != null;
  }

  @Override
  public CgStructure next() {
    if (!hasNext()) {
      throw new NoSuchElementException(name + ": no more models");
    }
    CgStructure s = pending;
    pending = null;
    return s;
  }


  private record Raw(String chain, int number, char ins, String resName, List<Atom> atoms, double[][] bead) {}

  /** The next model, or null at the end of the file. */
  private CgStructure readModel() {
    List<Raw> raw = new ArrayList<>();
    String label = name;
    try {
      for (String line = in.readLine(); ; line = in.readLine()) {
        if (line == null) {
          done = true;
          break;
        }
        if (line.startsWith("MODEL")) {
          multiModel = true;
          continue;
        }
        if (line.startsWith("ENDMDL")) {
          if (raw.isEmpty()) {
            continue;
          }
          break;
        }
        if (line.startsWith("END") && !line.startsWith("ENDMDL")) {
          done = true;
          break;
        }
        if (!line.startsWith("ATOM") && !line.startsWith("HETATM")) {
          continue;
        }
        label = multiModel ? name + " model " + (model + 1) : name;
        parse(line, label, raw);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (raw.isEmpty()) {
      return null;
    }
    model++;
    CgStructure s = build(raw, label);
    if (first == null) {
      first = s;
    } else {
      requireSameAtoms(s);
    }
    return s;
  }

  private static void parse(String line, String label, List<Raw> raw) {
    if (line.length() < 54) {
      throw new StructureException(label, "truncated ATOM record: " + line.strip());
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
      throw new StructureException(label, "bad number in ATOM record: " + line.strip());
    }
    char ins = line.charAt(26);
    String atomName = line.substring(12, 16).trim();
    Residue stub = new Residue(resName, number, ins, List.of());
    if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
      throw new StructureException(label, chain, stub, atomName, "coordinate is not a finite number");
    }
    Raw last = raw.isEmpty() ? null : raw.get(raw.size() - 1);
    if (last == null || !last.chain.equals(chain) || last.number != number || last.ins != ins) {
      last = new Raw(chain, number, ins, resName, new ArrayList<>(), new double[1][]);
      raw.add(last);
    }
    boolean duplicate = last.atoms.stream().anyMatch(a -> a.name().equals(atomName)) || atomName.equals(CgStructure.BEAD_NAME) && last.bead[0] != null;
    if (duplicate) {
      throw new StructureException(label, chain, stub, atomName, "duplicated atom");
    }
    if (atomName.equals(CgStructure.BEAD_NAME)) {
      last.bead[0] = new double[] {x, y, z};
    } else if (CgMapper.KEPT.contains(atomName)) {
      last.atoms.add(new Atom(atomName, Element.fromSymbol(atomName.substring(0, 1)), x, y, z));
    } else {
      throw new StructureException(label, chain, stub, atomName, "not a CG atom (expected one of N CA C O H CB OXT " + CgStructure.BEAD_NAME + ")");
    }
  }

  private CgStructure build(List<Raw> raw, String label) {
    List<CgResidue> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Raw r = raw.get(i);
      boolean firstOfChain = i == 0 || !raw.get(i - 1).chain.equals(r.chain);
      boolean lastOfChain = i + 1 == raw.size() || !raw.get(i + 1).chain.equals(r.chain);
      String template = r.resName;
      if (!library.hasTemplate(template)) {
        throw new StructureException(label, r.chain, new Residue(r.resName, r.number, r.ins, List.of()), null, "unknown residue");
      }
      if (firstOfChain && library.hasTemplate("N" + template)) {
        template = "N" + template;
      } else if (lastOfChain && library.hasTemplate("C" + template)) {
        template = "C" + template;
      }
      out.add(new CgResidue(r.chain, r.number, r.ins, template, r.atoms, r.bead[0], true));
    }
    return new CgStructure(label, out);
  }

  /** A later model must list the residues and atoms of the first, in its order. */
  private void requireSameAtoms(CgStructure s) {
    List<CgResidue> a = first.residues();
    List<CgResidue> b = s.residues();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i >= a.size() || i >= b.size()) {
        CgResidue extra = i >= a.size() ? b.get(i) : a.get(i);
        throw new StructureException(s.source(), extra.chainId(), new Residue(extra.residueName(), extra.number(), extra.insertionCode(), List.of()),
            null, (i >= a.size() ? "not in" : "missing from this model but in") + " the first model (models must hold the same atoms)");
      }
      CgResidue x = a.get(i);
      CgResidue y = b.get(i);
      Residue stub = new Residue(y.residueName(), y.number(), y.insertionCode(), List.of());
      if (!x.chainId().equals(y.chainId()) || x.number() != y.number() || x.insertionCode() != y.insertionCode() || !x.template().equals(y.template())) {
        throw new StructureException(s.source(), y.chainId(), stub, null, "differs from residue " + (i + 1) + " of the first model ("
            + x.chainId() + ":" + x.number() + " " + x.residueName() + "; models must hold the same atoms)");
      }
      List<String> xa = x.atoms().stream().map(Atom::name).toList();
      List<String> ya = y.atoms().stream().map(Atom::name).toList();
      if (!xa.equals(ya) || (x.bead() == null) != (y.bead() == null)) {
        throw new StructureException(s.source(), y.chainId(), stub, null, "atoms " + ya + (y.bead() != null ? " + " + CgStructure.BEAD_NAME : "")
            + " differ from the first model's " + xa + (x.bead() != null ? " + " + CgStructure.BEAD_NAME : ""));
      }
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + name, e);
    }
  }
}
