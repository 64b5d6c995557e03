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
 * ever downloaded. Rules: one model (the first unless asked); per residue the altloc with the highest
 * occupancy is kept; HETATM groups, waters and nucleic acids are dropped with a note; residue and atom
 * names are normalised with {@link PdbNames} (the residue name as written stays in
 * {@link Residue#nameAsWritten()}, so a stated variant such as {@code HID} is not lost); an N-terminal residue's {@code H} is called {@code H1} when
 * {@code H2}/{@code H3} are present. Empty files, garbage, duplicated atoms, unknown residues and
 * non-protein elements raise a {@link StructureException} that names file, chain, residue and atom.
 */
public final class StructureReader {
  static {
    ChemCompGroupFactory.setChemCompProvider(new ReducedChemCompProvider());
  }

  private static final List<String> WATERS = List.of("HOH", "WAT", "DOD", "H2O", "TIP3", "SOL");

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

  /** Number of models in {@code file}. */
  public static int modelCount(Path file) {
    try {
      String name = file.getFileName().toString();
      return parse(name, decompress(name, Files.readAllBytes(file))).nrModels();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
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
    org.biojava.nbio.structure.Structure parsed = parse(name, text);
    if (parsed.nrModels() == 0 || model >= parsed.nrModels()) {
      throw new StructureException(name, parsed.nrModels() == 0
          ? "no atoms found: not a PDB or mmCIF file, or no ATOM records"
          : "model " + (model + 1) + " requested but the file has " + parsed.nrModels());
    }
    List<String> notes = new ArrayList<>();
    Map<String, Integer> dropped = new TreeMap<>();
    int altlocResidues = 0;
    Map<String, List<Residue>> chains = new LinkedHashMap<>();
    PdbNames names = PdbNames.standard();
    for (org.biojava.nbio.structure.Chain chain : parsed.getModel(model)) {
      String chainId = chain.getName() == null || chain.getName().isEmpty() ? chain.getId() : chain.getName();
      for (Group g : chain.getAtomGroups()) {
        String rawName = g.getPDBName().trim().toUpperCase();
        String resName = names.residueName(rawName);
        if (WATERS.contains(rawName)) {
          dropped.merge("water", 1, Integer::sum);
          continue;
        }
        if (g.isHetAtomInFile()) {
          dropped.merge("HETATM " + rawName, 1, Integer::sum);
          continue;
        }
        if (names.isNucleic(resName)) {
          dropped.merge("nucleic acid " + rawName, 1, Integer::sum);
          continue;
        }
        Character ins = g.getResidueNumber().getInsCode();
        Residue stub = new Residue(resName, g.getResidueNumber().getSeqNum(), ins == null ? ' ' : ins, List.of(), rawName);
        if (!names.proteinResidues().contains(resName)) {
          throw new StructureException(name, chainId, stub, null, "unknown residue " + rawName);
        }
        List<org.biojava.nbio.structure.Atom> selected = selectAltloc(name, chainId, stub, g);
        if (selected.size() < g.getAtoms().size() || !g.getAltLocs().isEmpty()) {
          altlocResidues++;
        }
        chains.computeIfAbsent(chainId, k -> new ArrayList<>()).add(normalise(name, chainId, stub, selected));
      }
    }
    dropped.forEach((what, n) -> notes.add("dropped " + n + " x " + what));
    if (altlocResidues > 0) {
      notes.add("kept the highest-occupancy altloc in " + altlocResidues + " residues");
    }
    if (chains.isEmpty()) {
      throw new StructureException(name, "no protein residues" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
    }
    List<Chain> out = new ArrayList<>();
    chains.forEach((id, residues) -> out.add(new Chain(id, residues)));
    return new Structure(name, out, notes);
  }

  private static org.biojava.nbio.structure.Structure parse(String name, byte[] text) {
    FileParsingParameters params = new FileParsingParameters();
    params.setAlignSeqRes(false);
    params.setCreateAtomBonds(false);
    params.setCreateAtomCharges(false);
    params.setParseSecStruc(false);
    params.setParseBioAssembly(false);
    params.setAtomCaThreshold(Integer.MAX_VALUE);
    params.setMaxAtoms(Integer.MAX_VALUE);
    try (InputStream in = new ByteArrayInputStream(text)) {
      if (isMmcif(name, text)) {
        return CifStructureConverter.fromInputStream(in, params);
      }
      PDBFileParser parser = new PDBFileParser();
      parser.setFileParsingParameters(params);
      return parser.parsePDBFile(in);
    } catch (IOException | RuntimeException e) {
      throw new StructureException(name, "cannot parse as " + (isMmcif(name, text) ? "mmCIF" : "PDB") + ": " + e.getMessage());
    }
  }

  private static boolean isMmcif(String name, byte[] text) {
    String lower = name.toLowerCase().replaceFirst("\\.gz$", "");
    if (lower.endsWith(".cif") || lower.endsWith(".mmcif")) {
      return true;
    }
    String head = new String(text, 0, Math.min(text.length, 200), StandardCharsets.ISO_8859_1).stripLeading();
    return head.startsWith("data_");
  }

  private static byte[] decompress(String name, byte[] bytes) {
    boolean gz = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    if (!gz) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StructureException(name, "corrupt gzip data: " + e.getMessage());
    }
  }

  /** Atoms of the altloc with the highest occupancy (ties: first letter), plus the atoms without altloc. */
  private static List<org.biojava.nbio.structure.Atom> selectAltloc(String file, String chain, Residue stub, Group g) {
    Map<String, org.biojava.nbio.structure.Atom> byKey = new LinkedHashMap<>();
    for (org.biojava.nbio.structure.Atom a : g.getAtoms()) {
      String key = a.getName() + "/" + altloc(a);
      if (byKey.put(key, a) != null) {
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

  private static Residue normalise(String file, String chain, Residue stub, List<org.biojava.nbio.structure.Atom> atoms) {
    PdbNames names = PdbNames.standard();
    Map<String, Atom> out = new LinkedHashMap<>();
    for (org.biojava.nbio.structure.Atom a : atoms) {
      String atomName = names.atomName(stub.name(), a.getName().trim().toUpperCase());
      String symbol = a.getElement() == null ? "" : a.getElement().name();
      Element element = Element.fromSymbol(symbol);
      if (element == null && (symbol.isEmpty() || symbol.equals("R"))) {
        // No element column and BioJava could not guess: protein atom names start with their element.
        element = Element.fromSymbol(a.getName().trim().replaceFirst("^[0-9]+", "").substring(0, 1));
      }
      if (element == null) {
        throw new StructureException(file, chain, stub, a.getName(), "element '" + symbol + "' is not a protein element");
      }
      if (out.containsKey(atomName)) {
        throw new StructureException(file, chain, stub, a.getName(), "duplicated atom (same as " + atomName + ")");
      }
      out.put(atomName, new Atom(atomName, element, a.getX(), a.getY(), a.getZ()));
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
