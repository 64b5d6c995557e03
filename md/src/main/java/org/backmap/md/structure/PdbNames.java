package org.backmap.md.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Residue and atom name aliases from OpenMM's {@code pdbNames.xml} (e.g. {@code HSD -> HIS},
 * {@code 1HB -> HB2} ... as OpenMM's PDB reader applies them), plus the protonation-variant names of
 * ff14SB ({@code ASH, GLH, LYN, CYM}) and CHARMM's {@code HSE} mapped to their standard residue.
 */
public final class PdbNames {
  private static final String RESOURCE = "/org/backmap/md/forcefield/pdbNames.xml";
  private static final PdbNames INSTANCE = load();

  private final Map<String, String> residueAliases = new HashMap<>();
  private final Map<String, String> residueTypes = new HashMap<>();
  private final Map<String, Map<String, String>> atomAliases = new HashMap<>();

  private PdbNames() {}

  /** The aliases shipped with backmap. */
  public static PdbNames standard() {
    return INSTANCE;
  }

  /** The normalised residue name (itself when it has no alias). */
  public String residueName(String name) {
    return residueAliases.getOrDefault(name, name);
  }

  /** Whether {@code residueName} (normalised) is a nucleic-acid residue. */
  public boolean isNucleic(String residueName) {
    // older files name nucleotides with one letter (A, C, G, T, U, I), which pdbNames.xml does not list
    return "Nucleic".equals(residueTypes.get(residueName)) || ONE_LETTER_NUCLEOTIDES.contains(residueName);
  }

  private static final Set<String> ONE_LETTER_NUCLEOTIDES = Set.of("A", "C", "G", "T", "U", "I", "N");

  /** Normalised protein residue names known to {@code pdbNames.xml}. */
  public Set<String> proteinResidues() {
    Set<String> out = new TreeSet<>();
    residueTypes.forEach((k, v) -> {
      if (v.equals("Protein")) {
        out.add(k);
      }
    });
    return out;
  }

  /** The normalised atom name within residue {@code residueName} (already normalised). */
  public String atomName(String residueName, String atomName) {
    Map<String, String> map = atomAliases.get(residueName);
    if (map == null) {
      map = atomAliases.get(residueTypes.getOrDefault(residueName, "Protein"));
    }
    return map.getOrDefault(atomName, atomName);
  }

  private static PdbNames load() {
    try (InputStream in = PdbNames.class.getResourceAsStream(RESOURCE)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      Document doc = f.newDocumentBuilder().parse(in);
      PdbNames names = new PdbNames();
      NodeList residues = doc.getElementsByTagName("Residue");
      Map<String, Map<String, String>> generic = new HashMap<>();
      for (int i = 0; i < residues.getLength(); i++) {
        Node r = residues.item(i);
        String name = attr(r, "name");
        Map<String, String> atoms = new HashMap<>();
        NodeList children = r.getChildNodes();
        for (int j = 0; j < children.getLength(); j++) {
          Node a = children.item(j);
          if ("Atom".equals(a.getNodeName())) {
            String atomName = attr(a, "name");
            for (String alt : alternatives(a)) {
              atoms.put(alt, atomName);
            }
          }
        }
        String type = attr(r, "type");
        if (type == null) {
          generic.put(name, atoms); // "All", "Protein", "Nucleic": apply to every residue of that type
          continue;
        }
        names.residueTypes.put(name, type);
        for (String alt : alternatives(r)) {
          names.residueAliases.put(alt, name);
        }
        Map<String, String> merged = new HashMap<>(generic.getOrDefault("All", Map.of()));
        merged.putAll(generic.getOrDefault(type, Map.of()));
        merged.putAll(atoms);
        names.atomAliases.put(name, merged);
      }
      names.atomAliases.put("Protein", generic.getOrDefault("Protein", Map.of()));
      names.atomAliases.put("Nucleic", generic.getOrDefault("Nucleic", Map.of()));
      // Caps: OpenMM's canonical names differ from the ff14SB template names (OpenMM matches by bonds).
      Map<String, String> capNames = Map.of("H1", "HH31", "H2", "HH32", "H3", "HH33");
      for (String cap : new String[] {"ACE", "NME"}) {
        Map<String, String> atoms = new HashMap<>(names.atomAliases.get(cap));
        atoms.replaceAll((alias, canonical) -> capNames.getOrDefault(canonical, canonical));
        capNames.forEach(atoms::put);
        if (cap.equals("NME")) {
          atoms.replaceAll((alias, canonical) -> canonical.equals("C") ? "CH3" : canonical);
          atoms.put("C", "CH3");
        }
        names.atomAliases.put(cap, atoms);
      }
      // Variant names missing from pdbNames.xml; the reader keeps the name as written, so the state survives.
      for (String[] v : new String[][] {{"ASH", "ASP"}, {"GLH", "GLU"}, {"LYN", "LYS"}, {"CYM", "CYS"}, {"HSE", "HIS"}}) {
        names.residueAliases.put(v[0], v[1]);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  private static String attr(Node n, String name) {
    Node a = n.getAttributes().getNamedItem(name);
    return a == null ? null : a.getNodeValue();
  }

  private static Set<String> alternatives(Node n) {
    Set<String> out = new TreeSet<>();
    NamedNodeMap attrs = n.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      // "alt1", "alt2", ... (pdbNames.xml also has one "atl2" typo, kept as OpenMM reads it: ignored)
      if (attrs.item(i).getNodeName().startsWith("alt")) {
        out.add(attrs.item(i).getNodeValue());
      }
    }
    return out;
  }
}
