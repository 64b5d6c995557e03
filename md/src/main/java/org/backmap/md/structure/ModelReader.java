package org.backmap.md.structure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The models of one PDB or mmCIF file (plain or gzip), read one at a time as {@link StructureReader#models} describes:
 * the file is streamed and only the model being read is held, as text and then as a {@link Structure}, with the first
 * model kept to check the others against. Errors in a model (unreadable records, atoms that differ from the first
 * model's) surface from {@link #hasNext()} or {@link #next()} when that model is reached. Not thread-safe.
 */
public final class ModelReader implements Iterator<Structure>, AutoCloseable {
  private static final String ATOM_SITE = "_atom_site.";
  private static final String MODEL_COLUMN = "_atom_site.pdbx_pdb_model_num";

  /** One model's text as cut from the file: its number (null when the file numbers none) and its records. */
  private record Chunk(String number, String text) {}

  private enum CifPart { HEADER, TAGS, ROWS, DONE }

  private final String file;
  private final BufferedReader in;
  private final boolean gzip;
  private final boolean mmcif;
  private int lineNumber;
  private boolean sawText;
  private int models;
  private Structure first;
  private String firstNumber;
  private Structure pending;
  private boolean finished;

  // PDB: whether the file has MODEL records, and the number of a MODEL record that ended the previous model.
  private boolean modelRecords;
  private String nextNumber;

  // mmCIF: what precedes the atom_site loop (kept for every model), the loop's tags, the rows of the current model.
  private CifPart part = CifPart.HEADER;
  private boolean loopPending;
  private final StringBuilder header = new StringBuilder();
  private final List<String> tags = new ArrayList<>();
  private int modelColumn = -1;
  private final List<String> row = new ArrayList<>();
  private final StringBuilder rows = new StringBuilder();
  private String rowsModel;
  private final ArrayDeque<Chunk> ready = new ArrayDeque<>();

  ModelReader(Path path) {
    file = path.getFileName().toString();
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    try {
      raw.mark(2);
      gzip = StructureReader.isGzip(raw.readNBytes(2));
      raw.reset();
      in = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.ISO_8859_1), 1 << 16);
      in.mark(StructureReader.HEAD);
      char[] head = new char[StructureReader.HEAD];
      int n = 0;
      for (int r; n < head.length && (r = in.read(head, n, head.length - n)) >= 0; ) {
        n += r;
      }
      in.reset();
      mmcif = StructureReader.isMmcif(file, new String(head, 0, n));
      if (!hasNext()) {
        throw new StructureException(file, sawText ? "no atoms found: not a PDB or mmCIF file, or no ATOM records" : "empty file");
      }
    } catch (IOException | RuntimeException e) {
      try {
        raw.close();
      } catch (IOException ignored) {
        // the failure that got here is the one to report
      }
      throw e instanceof IOException io ? failure(io) : (RuntimeException) e;
    }
  }

  /** Whether another model follows; reads it (and checks it against the first) when not yet read. */
  @Override
  public boolean hasNext() {
    if (pending == null && !finished) {
      try {
        pending = readNext();
      } catch (IOException e) {
        throw failure(e);
      }
      finished = pending == null;
    }
    return pending != null;
  }

  /** The next model. */
  @Override
  public Structure next() {
    if (!hasNext()) {
      throw new NoSuchElementException(file + ": no more models");
    }
    Structure s = pending;
    pending = null;
    return s;
  }

  /** Closes the file. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private RuntimeException failure(IOException e) {
    if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
      return new StructureException(file, "corrupt gzip data: " + e.getMessage());
    }
    return new UncheckedIOException("cannot read " + file, e);
  }

  private Structure readNext() throws IOException {
    Chunk c = mmcif ? nextCif() : nextPdb();
    if (c == null) {
      return null;
    }
    models++;
    String number = c.number() == null ? Integer.toString(models) : c.number();
    boolean numbered = mmcif ? modelColumn >= 0 : modelRecords;
    Structure s = StructureReader.readModel(numbered ? file + " model " + number : file,
        c.text().getBytes(StandardCharsets.ISO_8859_1), mmcif);
    if (first == null) {
      first = s;
      firstNumber = number;
    } else {
      requireSameAtoms(s);
    }
    return s;
  }

  private String readLine() throws IOException {
    String line = in.readLine();
    if (line != null) {
      lineNumber++;
      sawText |= !line.isBlank();
    }
    return line;
  }

  /** The next MODEL block (or the whole file when it has none): its atom records, checked as they are read. */
  private Chunk nextPdb() throws IOException {
    StringBuilder atoms = new StringBuilder();
    String number = nextNumber;
    nextNumber = null;
    for (String line = readLine(); line != null; line = readLine()) {
      if (line.startsWith("MODEL")) {
        modelRecords = true;
        String n = line.substring(5).strip();
        n = n.matches("-?\\d+") ? n : null;
        if (!atoms.isEmpty()) {
          // a MODEL without the ENDMDL of the one before
          nextNumber = n;
          return new Chunk(number, atoms.toString());
        }
        number = n;
      } else if (line.startsWith("ENDMDL")) {
        if (!atoms.isEmpty()) {
          return new Chunk(number, atoms.toString());
        }
        number = null;
      } else if (line.startsWith("ATOM") || line.startsWith("HETATM") || line.startsWith("TER")) {
        StructureReader.checkAtomRecord(file, lineNumber, line);
        atoms.append(line).append('\n');
      }
    }
    return atoms.isEmpty() ? null : new Chunk(number, atoms.toString());
  }

  /** The next run of atom_site rows of one model, as an mmCIF text of the header and that part of the loop. */
  private Chunk nextCif() throws IOException {
    while (ready.isEmpty() && part != CifPart.DONE) {
      String line = readLine();
      if (line == null) {
        if (part == CifPart.HEADER && header.indexOf(ATOM_SITE) >= 0) {
          ready.add(new Chunk(null, header.toString())); // atom_site as single items: one atom, one model
        }
        endCifModel();
        part = CifPart.DONE;
      } else {
        cifLine(line);
      }
    }
    return ready.poll();
  }

  private void cifLine(String line) {
    String t = line.strip();
    switch (part) {
      case HEADER -> {
        if (t.equalsIgnoreCase("loop_")) {
          loopPending = true; // the next line says whether this is the atom_site loop
          return;
        }
        if (loopPending) {
          loopPending = false;
          if (t.startsWith(ATOM_SITE)) {
            part = CifPart.TAGS;
            tags.add(t);
            return;
          }
          header.append("loop_\n");
        }
        header.append(line).append('\n');
      }
      case TAGS -> {
        if (t.startsWith(ATOM_SITE)) {
          tags.add(t);
          return;
        }
        modelColumn = tags.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList().indexOf(MODEL_COLUMN);
        part = CifPart.ROWS;
        cifLine(line);
      }
      case ROWS -> {
        if (t.isEmpty() || t.startsWith("#")) {
          return;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.startsWith("_") || lower.startsWith("loop_") || lower.startsWith("data_") || lower.startsWith("save_")
            || lower.startsWith("global_") || lower.startsWith("stop_")) {
          endCifModel(); // the loop ends; nothing after it concerns the atoms
          part = CifPart.DONE;
          return;
        }
        if (line.startsWith(";")) {
          throw new StructureException(file, "line " + lineNumber + ": a multi-line text field in the atom_site loop is not supported");
        }
        for (String token : cifTokens(line)) {
          row.add(token);
          if (row.size() == tags.size()) {
            cifRow();
          }
        }
      }
      case DONE -> { }
    }
  }

  private void cifRow() {
    String model = modelColumn < 0 ? null : row.get(modelColumn);
    if (!rows.isEmpty() && !Objects.equals(model, rowsModel)) {
      endCifModel();
    }
    rowsModel = model;
    rows.append(String.join(" ", row)).append('\n');
    row.clear();
  }

  private void endCifModel() {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder(header.length() + rows.length() + 64 * tags.size());
    text.append(header).append("loop_\n");
    tags.forEach(t -> text.append(t).append('\n'));
    text.append(rows).append("#\n");
    ready.add(new Chunk(rowsModel, text.toString()));
    rows.setLength(0);
  }

  /** The values of one line of a CIF loop: bare words, or quoted with ' or " (a quote ends before white space). */
  private List<String> cifTokens(String line) {
    List<String> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '#') {
        break;
      }
      int start = i;
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n && !(line.charAt(j) == c && (j + 1 == n || Character.isWhitespace(line.charAt(j + 1))))) {
          j++;
        }
        if (j >= n) {
          throw new StructureException(file, "line " + lineNumber + ": unterminated quoted value " + line.substring(start));
        }
        i = j + 1;
      } else {
        while (i < n && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
      }
      out.add(line.substring(start, i));
    }
    return out;
  }

  /** Fails unless {@code model} has the first model's chains, residues and atoms, in the same order. */
  private void requireSameAtoms(Structure model) {
    String source = model.source();
    String ref = "model " + firstNumber;
    List<Chain> a = first.chains();
    List<Chain> b = model.chains();
    for (int c = 0; c < Math.max(a.size(), b.size()); c++) {
      if (c >= b.size()) {
        throw new StructureException(source, "chain " + a.get(c).id() + " of " + ref + " is missing");
      }
      String id = b.get(c).id();
      if (c >= a.size() || !a.get(c).id().equals(id)) {
        throw new StructureException(source, "chain " + id + ": " + (c >= a.size() ? "not in " + ref : ref + " has chain " + a.get(c).id() + " here"));
      }
      List<Residue> ra = a.get(c).residues();
      List<Residue> rb = b.get(c).residues();
      for (int i = 0; i < Math.max(ra.size(), rb.size()); i++) {
        if (i >= rb.size()) {
          throw new StructureException(source, id, ra.get(i), null, "missing (" + ref + " has it)");
        }
        Residue y = rb.get(i);
        if (i >= ra.size()) {
          throw new StructureException(source, id, y, null, "not in " + ref);
        }
        Residue x = ra.get(i);
        if (x.number() != y.number() || x.insertionCode() != y.insertionCode() || !x.name().equals(y.name())) {
          throw new StructureException(source, id, y, null, ref + " has residue " + x.label() + " " + x.name() + " here");
        }
        requireSameAtoms(source, id, ref, x, y);
      }
    }
  }

  private static void requireSameAtoms(String source, String chain, String ref, Residue x, Residue y) {
    List<String> xs = x.atoms().stream().map(Atom::name).toList();
    List<String> ys = y.atoms().stream().map(Atom::name).toList();
    if (xs.equals(ys)) {
      return;
    }
    for (String name : ys) {
      if (!xs.contains(name)) {
        throw new StructureException(source, chain, y, name, "not in " + ref);
      }
    }
    for (String name : xs) {
      if (!ys.contains(name)) {
        throw new StructureException(source, chain, y, name, "missing (" + ref + " has it)");
      }
    }
    throw new StructureException(source, chain, y, null, "atoms in another order than in " + ref + ": " + ys + ", " + ref + " " + xs);
  }
}
