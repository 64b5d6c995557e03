package org.backmap.md.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.biojava.nbio.structure.Group;
import org.biojava.nbio.structure.io.FileParsingParameters;
import org.biojava.nbio.structure.io.PDBFileParser;
import org.biojava.nbio.structure.io.cif.CifStructureConverter;
import org.biojava.nbio.structure.chem.ChemCompGroupFactory;
import org.biojava.nbio.structure.chem.ReducedChemCompProvider;

/**
 * Reads PDB and mmCIF files (optionally gzip-compressed) into {@link Structure}s through BioJava.
 *
 * <p>BioJava is configured offline: the chemical-component provider is the bundled reduced one, so nothing is
 * ever downloaded. Rules: one model (the first unless asked; {@link #models} reads them all, one at a time); per
 * residue the altloc with the highest occupancy is kept; waters, nucleic acids and HETATM groups other than amino
 * acids (ligands, ions) are dropped with a note; standard amino acids written as HETATM are kept; common modified residues ({@link NonStandardResidues},
 * e.g. MSE) are read as their standard parent with a repair note; residue and atom names are normalised with
 * {@link PdbNames} (the residue name as written stays in {@link Residue#nameAsWritten()}, so a stated variant such
 * as {@code HID} is not lost); an N-terminal residue's {@code H} is called {@code H1} when {@code H2}/{@code H3} are present;
 * deuterium atoms and the hydrogens of a residue with duplicated hydrogen names are dropped with a repair note (hydrogen
 * completion rebuilds them). Empty files, garbage, truncated or non-numeric coordinate fields, duplicated heavy atoms,
 * unknown residues and non-protein elements raise a {@link StructureException} that names file, line or chain,
 * residue and atom.
 */
public final class StructureReader {
  static {
    ChemCompGroupFactory.setChemCompProvider(new ReducedChemCompProvider());
  }

  private static final List<String> WATERS = List.of("HOH", "WAT", "DOD", "H2O", "TIP3", "SOL");
  /** Characters at the start of a file that {@link #isMmcif} looks at. */
  static final int HEAD = 200;

  private StructureReader() {}

  /** Reads the first model of {@code file}. */
  public static Structure read(Path file) {
    return read(file, 0);
  }

  /** Reads model {@code model} (0-based) of {@code file}. */
  public static Structure read(Path file, int model) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return read(file.getFileName().toString(), bytes, model);
  }

  /**
   * Number of models in {@code file}, in bounded memory: a PDB file's MODEL records are counted as the text streams
   * by (1 when it has none), an mmCIF file's models are read one at a time ({@link #models}).
   *
   * @throws StructureException when the file holds no atoms
   */
  public static int modelCount(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (!(lower.endsWith(".cif") || lower.endsWith(".cif.gz") || lower.endsWith(".mmcif") || lower.endsWith(".mmcif.gz"))) {
      try (java.io.BufferedInputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        raw.mark(2);
        boolean gz = isGzip(raw.readNBytes(2));
        raw.reset();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(gz ? new java.util.zip.GZIPInputStream(raw, 1 << 16) : raw,
            java.nio.charset.StandardCharsets.ISO_8859_1), 1 << 16);
        int models = 0;
        boolean atoms = false;
        boolean cif = false;
        boolean firstLine = true;
        for (String line; (line = in.readLine()) != null; ) {
          if (firstLine && line.startsWith("data_")) {
            cif = true; // mmCIF content under another name
            break;
          }
          firstLine = false;
          if (line.startsWith("MODEL ") || line.equals("MODEL")) {
            models++;
          } else if (!atoms && (line.startsWith("ATOM  ") || line.startsWith("HETATM"))) {
            atoms = true;
          }
        }
        if (!cif && atoms) {
          return Math.max(1, models);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    try (ModelReader reader = models(file)) {
      int n = 0;
      while (reader.hasNext()) {
        reader.next();
        n++;
      }
      return n;
    }
  }

  /**
   * Reads model {@code model} of a file held in memory; {@code name} is used for messages and to recognise
   * mmCIF ({@code .cif}, {@code .mmcif}) and gzip ({@code .gz}); content starting with {@code data_} is
   * also read as mmCIF.
   */
  public static Structure read(String name, byte[] bytes, int model) {
    byte[] text = decompress(name, bytes);
    if (new String(text, StandardCharsets.ISO_8859_1).isBlank()) {
      throw new StructureException(name, "empty file");
    }
    boolean mmcif = isMmcif(name, head(text));
    if (!mmcif) {
      checkPdbRecords(name, text);
    }
    return convert(name, parse(name, text, mmcif), model);
  }

  /**
   * Reads every model of {@code file} (PDB or mmCIF, plain or gzip) one at a time, holding one model in memory:
   * PDB models are the {@code MODEL} / {@code ENDMDL} blocks, mmCIF models the runs of {@code atom_site} rows of
   * one {@code pdbx_PDB_model_num}; a file without either is one model. Each model is read by the rules of
   * {@link #read(Path)}. Every model must have the same chains, residues and atoms, in the same order, as the first:
   * one that does not is a {@link StructureException} naming the file, the model and the residue and atom. The
   * structures' sources are {@code "FILE model N"} (N as the file numbers it), or the file name for a file without
   * model records. Close the reader when done.
   *
   * @throws StructureException when the file holds no atoms (the first model is read here)
   */
  public static ModelReader models(Path file) {
    return new ModelReader(file);
  }

  /** One model's records, as {@link ModelReader} cuts them from a file, read into a structure. */
  static Structure readModel(String source, byte[] text, boolean mmcif) {
    return convert(source, parse(source, text, mmcif), 0);
  }

  /** Model {@code model} of a parsed file, by the rules of the class comment. */
  private static Structure convert(String name, org.biojava.nbio.structure.Structure parsed, int model) {
    if (parsed.nrModels() == 0 || model >= parsed.nrModels()) {
      throw new StructureException(name, parsed.nrModels() == 0
          ? "no atoms found: not a PDB or mmCIF file, or no ATOM records"
          : "model " + (model + 1) + " requested but the file has " + parsed.nrModels());
    }
    List<String> notes = new ArrayList<>();
    List<String> repairs = new ArrayList<>();
    if (parsed.nrModels() > 1) {
      notes.add("the file has " + parsed.nrModels() + " models; read model " + (model + 1));
    }
    Map<String, Integer> dropped = new TreeMap<>();
    int altlocResidues = 0;
    int heteroAminoAcids = 0;
    Map<String, List<Residue>> chains = new LinkedHashMap<>();
    PdbNames names = PdbNames.standard();
    for (org.biojava.nbio.structure.Chain chain : parsed.getModel(model)) {
      String chainId = chain.getName() == null || chain.getName().isEmpty() ? chain.getId() : chain.getName();
      for (Group g : chain.getAtomGroups()) {
        String rawName = g.getPDBName().trim().toUpperCase(Locale.ROOT);
        String resName = names.residueName(rawName);
        String parent = NonStandardResidues.parent(rawName);
        boolean standard = names.proteinResidues().contains(resName);
        if (WATERS.contains(rawName)) {
          dropped.merge("water", 1, Integer::sum);
          continue;
        }
        if (names.isNucleic(resName)) {
          dropped.merge("nucleic acid " + rawName, 1, Integer::sum);
          continue;
        }
        if (!standard && parent == null && g.isHetAtomInFile()) {
          dropped.merge("HETATM " + rawName, 1, Integer::sum);
          continue;
        }
        Character ins = g.getResidueNumber().getInsCode();
        Residue stub = new Residue(standard ? resName : rawName, g.getResidueNumber().getSeqNum(), ins == null ? ' ' : ins, List.of(), rawName);
        if (!standard && parent == null) {
          throw new StructureException(name, chainId, stub, null, "unknown residue " + rawName);
        }
        if (standard && g.isHetAtomInFile()) {
          heteroAminoAcids++;
        }
        List<org.biojava.nbio.structure.Atom> selected = selectAltloc(name, chainId, stub, g);
        if (selected.size() < g.getAtoms().size() || !g.getAltLocs().isEmpty()) {
          altlocResidues++;
        }
        Residue residue = normalise(name, chainId, stub, selected, repairs);
        if (parent != null) {
          residue = mapToParent(chainId, residue, parent, repairs);
        }
        chains.computeIfAbsent(chainId, k -> new ArrayList<>()).add(residue);
      }
    }
    dropped.forEach((what, n) -> notes.add("dropped " + n + " x " + what));
    if (altlocResidues > 0) {
      notes.add("kept the highest-occupancy altloc in " + altlocResidues + " residues");
    }
    if (heteroAminoAcids > 0) {
      notes.add("kept " + heteroAminoAcids + " standard amino acids written as HETATM");
    }
    if (chains.isEmpty()) {
      throw new StructureException(name, "no protein residues" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }
    List<Chain> out = new ArrayList<>();
    chains.forEach((id, residues) -> out.add(new Chain(id, residues)));
    return new Structure(name, out, notes, repairs);
  }

  /**
   * Checks what BioJava would pass over silently: ATOM/HETATM records too short to hold coordinates, and
   * coordinates that are not finite numbers.
   */
  private static void checkPdbRecords(String name, byte[] text) {
    String[] lines = new String(text, StandardCharsets.ISO_8859_1).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      checkAtomRecord(name, i + 1, lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]);
    }
  }

  /** The check of {@link #checkPdbRecords} on one line (numbered from 1) without its line break; other records pass. */
  static void checkAtomRecord(String name, int lineNumber, String line) {
    if (!(line.startsWith("ATOM") || line.startsWith("HETATM"))) {
      return;
    }
    String where = "line " + lineNumber + " (" + (line.length() > 26 ? line.substring(12, 26).strip() : line.strip()) + ")";
    if (line.length() < 54) {
      throw new StructureException(name, where + " is truncated: an atom record needs coordinates in columns 31-54");
    }
    for (int c = 30; c < 54; c += 8) {
      String field = line.substring(c, c + 8).strip();
      double v;
      try {
        v = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        throw new StructureException(name, where + ": coordinate '" + field + "' is not a number");
      }
      if (!Double.isFinite(v)) {
        throw new StructureException(name, where + ": coordinate '" + field + "' is not finite");
      }
    }
  }

  /** The residue renamed to its standard parent; atoms the parent lacks are left for repair to drop. */
  private static Residue mapToParent(String chainId, Residue modified, String parent, List<String> repairs) {
    repairs.add("chain " + chainId + " residue " + modified.label() + " " + modified.name() + ": modified residue read as " + parent);
    return new Residue(parent, modified.number(), modified.insertionCode(), modified.atoms(), modified.nameAsWritten());
  }

  private static org.biojava.nbio.structure.Structure parse(String name, byte[] text, boolean mmcif) {
    FileParsingParameters params = new FileParsingParameters();
    params.setAlignSeqRes(false);
    params.setCreateAtomBonds(false);
    params.setCreateAtomCharges(false);
    params.setParseSecStruc(false);
    params.setParseBioAssembly(false);
    params.setAtomCaThreshold(Integer.MAX_VALUE);
    params.setMaxAtoms(Integer.MAX_VALUE);
    try (InputStream in = new ByteArrayInputStream(text)) {
      if (mmcif) {
        return CifStructureConverter.fromInputStream(in, params);
      }
      PDBFileParser parser = new PDBFileParser();
      parser.setFileParsingParameters(params);
      return parser.parsePDBFile(in);
    } catch (IOException | RuntimeException e) {
      throw new StructureException(name, "cannot parse as " + (mmcif ? "mmCIF" : "PDB") + ": " + e.getMessage());
    }
  }

  /** Whether a file is mmCIF: its name says so ({@code .cif}, {@code .mmcif}, gzip or not) or its text starts with {@code data_}. */
  static boolean isMmcif(String name, String head) {
    String lower = name.toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
    return lower.endsWith(".cif") || lower.endsWith(".mmcif") || head.stripLeading().startsWith("data_");
  }

  private static String head(byte[] text) {
    return new String(text, 0, Math.min(text.length, HEAD), StandardCharsets.ISO_8859_1);
  }

  private static byte[] decompress(String name, byte[] bytes) {
    if (!isGzip(bytes)) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StructureException(name, "corrupt gzip data: " + e.getMessage());
    }
  }

  /** Whether {@code start} begins with the gzip magic number. */
  static boolean isGzip(byte[] start) {
    return start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
  }

  /** Atoms of the altloc with the highest occupancy (ties: first letter), plus the atoms without altloc. */
  private static List<org.biojava.nbio.structure.Atom> selectAltloc(String file, String chain, Residue stub, Group g) {
    Map<String, org.biojava.nbio.structure.Atom> byKey = new LinkedHashMap<>();
    for (org.biojava.nbio.structure.Atom a : g.getAtoms()) {
      String key = a.getName() + "/" + altloc(a);
      // Duplicated hydrogens are dropped later with the residue's other hydrogens; heavy atoms cannot be guessed.
      if (byKey.put(key, a) != null && !isHydrogenName(a.getName())) {
        throw new StructureException(file, chain, stub, a.getName(), "duplicated atom");
      }
    }
    for (Group alt : g.getAltLocs()) {
      for (org.biojava.nbio.structure.Atom a : alt.getAtoms()) {
        if (altloc(a) != ' ') {
          byKey.putIfAbsent(a.getName() + "/" + altloc(a), a);
        }
      }
    }
    Map<Character, Double> occupancy = new TreeMap<>();
    for (org.biojava.nbio.structure.Atom a : byKey.values()) {
      if (altloc(a) != ' ') {
        occupancy.merge(altloc(a), (double) a.getOccupancy(), Math::max);
      }
    }
    char best = ' ';
    double bestOcc = -1;
    for (Map.Entry<Character, Double> e : occupancy.entrySet()) {
      if (e.getValue() > bestOcc) {
        best = e.getKey();
        bestOcc = e.getValue();
      }
    }
    List<org.biojava.nbio.structure.Atom> out = new ArrayList<>();
    for (org.biojava.nbio.structure.Atom a : byKey.values()) {
      if (altloc(a) == ' ' || altloc(a) == best) {
        out.add(a);
      }
    }
    out.sort(java.util.Comparator.comparingInt(org.biojava.nbio.structure.Atom::getPDBserial)); // file order
    return out;
  }

  private static char altloc(org.biojava.nbio.structure.Atom a) {
    Character c = a.getAltLoc();
    return c == null || c == 0 ? ' ' : c;
  }

  /** Whether a PDB atom name is a hydrogen's (or deuterium's): H, D, or a digit then H/D, as in 1HG1. */
  private static boolean isHydrogenName(String rawName) {
    String n = rawName.trim().toUpperCase(Locale.ROOT).replaceFirst("^[0-9]+", "");
    return n.startsWith("H") || n.startsWith("D");
  }

  private static Residue normalise(String file, String chain, Residue stub, List<org.biojava.nbio.structure.Atom> atoms, List<String> repairs) {
    PdbNames names = PdbNames.standard();
    boolean modified = NonStandardResidues.parent(stub.name()) != null;
    Map<String, Atom> out = new LinkedHashMap<>();
    int deuterium = 0;
    boolean dropHydrogens = false;
    List<String> unknownElements = new ArrayList<>();
    for (org.biojava.nbio.structure.Atom a : atoms) {
      String rawAtom = a.getName().trim().toUpperCase(Locale.ROOT);
      String atomName = modified ? NonStandardResidues.atomName(stub.name(), rawAtom) : names.atomName(stub.name(), rawAtom);
      String symbol = a.getElement() == null ? "" : a.getElement().name();
      if (symbol.equalsIgnoreCase("D") || (symbol.isEmpty() || symbol.equals("R")) && atomName.startsWith("D") && !modified) {
        deuterium++;
        continue;
      }
      Element element = Element.fromSymbol(symbol);
      if (element == null && (symbol.isEmpty() || symbol.equals("R") || !atomName.equals(rawAtom))) {
        // No element column (or a renamed atom): protein atom names start with their element.
        element = Element.fromSymbol(atomName.replaceFirst("^[0-9]+", "").substring(0, 1));
      }
      if (element == null) {
        if (modified) {
          unknownElements.add(rawAtom);
          continue;
        }
        throw new StructureException(file, chain, stub, a.getName(), "element '" + symbol + "' is not a protein element");
      }
      if (out.containsKey(atomName)) {
        if (element != Element.H) {
          throw new StructureException(file, chain, stub, a.getName(), "duplicated atom (same as " + atomName + ")");
        }
        dropHydrogens = true;
      }
      for (double v : new double[] {a.getX(), a.getY(), a.getZ()}) {
        if (!(v > -1000 && v < 10000)) {
          throw new StructureException(file, chain, stub, a.getName(), "coordinate " + v
              + " is not a finite number inside the PDB range (-999.999 to 9999.999 Angstrom)");
        }
      }
      out.put(atomName, new Atom(atomName, element, a.getX(), a.getY(), a.getZ()));
    }
    String label = "chain " + chain + " residue " + stub.label() + " " + stub.name() + ": ";
    if (deuterium > 0) {
      repairs.add(label + "dropped " + deuterium + " deuterium atoms (hydrogens are rebuilt)");
    }
    if (dropHydrogens) {
      out.values().removeIf(x -> x.element() == Element.H);
      repairs.add(label + "duplicated hydrogen names: dropped its hydrogens (they are rebuilt)");
    }
    if (!unknownElements.isEmpty()) {
      repairs.add(label + "dropped atoms of non-protein elements " + unknownElements);
    }
    // pdbNames.xml maps H1 to H; in an NH3+ terminus (H2/H3 present) that H is H1.
    if (out.containsKey("H") && (out.containsKey("H2") || out.containsKey("H3")) && !out.containsKey("H1")) {
      Map<String, Atom> renamed = new LinkedHashMap<>();
      out.forEach((k, v) -> renamed.put(k.equals("H") ? "H1" : k, k.equals("H") ? new Atom("H1", v.element(), v.x(), v.y(), v.z()) : v));
      out = renamed;
    }
    return stub.withAtoms(new ArrayList<>(out.values()));
  }
}
