package org.backmap.md.templates;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The ff14SB residue templates and atom types, with the harmonic bond and angle parameters that define
 * ideal geometry. {@link #ff14SB()} reads the shipped {@code protein.ff14SB.xml} once.
 *
 * <p>The sorted lists {@link #atomTypeNames()} (34 types) and {@link #templateNames()} (78 templates, terminal
 * variants included) fix the particle class indices used by the dataset.
 */
public final class TemplateLibrary {
  /** Class-path location of {@code protein.ff14SB.xml}; the energy code reads its other forces from here too. */
  public static final String FF14SB_RESOURCE = "/org/backmap/md/forcefield/protein.ff14SB.xml";

  private static final TemplateLibrary FF14SB = load(FF14SB_RESOURCE);

  private final Map<String, AtomType> types = new LinkedHashMap<>();
  private final Map<String, ResidueTemplate> templates = new LinkedHashMap<>();
  private final Map<String, HarmonicBond> bondParams = new HashMap<>();
  private final Map<String, HarmonicAngle> angleParams = new HashMap<>();
  private List<String> sortedTypes;
  private List<String> sortedTemplates;

  private TemplateLibrary() {}

  /** The AMBER ff14SB library. */
  public static TemplateLibrary ff14SB() {
    return FF14SB;
  }

  /** The template called {@code name}; throws when there is none. */
  public ResidueTemplate template(String name) {
    ResidueTemplate t = templates.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no ff14SB template " + name);
    }
    return t;
  }

  /** Whether a template called {@code name} exists. */
  public boolean hasTemplate(String name) {
    return templates.containsKey(name);
  }

  /** All templates in file order. */
  public List<ResidueTemplate> templates() {
    return List.copyOf(templates.values());
  }

  /** The atom type called {@code name}. */
  public AtomType atomType(String name) {
    AtomType t = types.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no ff14SB atom type " + name);
    }
    return t;
  }

  /** Atom type names, sorted (34 for ff14SB). */
  public List<String> atomTypeNames() {
    return sortedTypes;
  }

  /** Template names, sorted (78 for ff14SB). */
  public List<String> templateNames() {
    return sortedTemplates;
  }

  /** The harmonic bond parameter between two atom types (either order), or {@code null}. */
  public HarmonicBond bond(AtomType a, AtomType b) {
    return bondParams.get(a.name() + "|" + b.name());
  }

  /** The harmonic angle parameter a-b-c (either direction), or {@code null}. */
  public HarmonicAngle angle(AtomType a, AtomType b, AtomType c) {
    return angleParams.get(a.name() + "|" + b.name() + "|" + c.name());
  }

  /** Equilibrium bond length between two atom types in Angstrom; throws when ff14SB has no such bond. */
  public double bondLength(AtomType a, AtomType b) {
    HarmonicBond p = bond(a, b);
    if (p == null) {
      throw new IllegalArgumentException("no ff14SB bond " + a.name() + "-" + b.name());
    }
    return 10 * p.length();
  }

  /** Equilibrium angle a-b-c in radians; throws when ff14SB has no such angle. */
  public double angleValue(AtomType a, AtomType b, AtomType c) {
    HarmonicAngle p = angle(a, b, c);
    if (p == null) {
      throw new IllegalArgumentException("no ff14SB angle " + a.name() + "-" + b.name() + "-" + c.name());
    }
    return p.angle();
  }

  private static TemplateLibrary load(String resource) {
    try (InputStream in = TemplateLibrary.class.getResourceAsStream(resource)) {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      TemplateLibrary lib = new TemplateLibrary();
      for (Element e : elements(doc, "AtomTypes", "Type")) {
        String name = e.getAttribute("name");
        lib.types.put(name, new AtomType(name, e.getAttribute("class"),
            org.backmap.md.structure.Element.fromSymbol(e.getAttribute("element")), Double.parseDouble(e.getAttribute("mass"))));
      }
      for (Element r : elements(doc, "Residues", "Residue")) {
        List<TemplateAtom> atoms = new ArrayList<>();
        Map<String, Integer> idx = new HashMap<>();
        List<int[]> bonds = new ArrayList<>();
        Set<String> external = new LinkedHashSet<>();
        NodeList kids = r.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
          if (!(kids.item(i) instanceof Element k)) {
            continue;
          }
          switch (k.getTagName()) {
            case "Atom" -> {
              idx.put(k.getAttribute("name"), atoms.size());
              atoms.add(new TemplateAtom(k.getAttribute("name"), lib.atomType(k.getAttribute("type")), Double.parseDouble(k.getAttribute("charge"))));
            }
            case "Bond" -> bonds.add(new int[] {idx.get(k.getAttribute("atomName1")), idx.get(k.getAttribute("atomName2"))});
            case "ExternalBond" -> external.add(k.getAttribute("atomName"));
            default -> { }
          }
        }
        String name = r.getAttribute("name");
        lib.templates.put(name, new ResidueTemplate(name, atoms, bonds, external));
      }
      for (Element b : elements(doc, "HarmonicBondForce", "Bond")) {
        HarmonicBond p = new HarmonicBond(b.getAttribute("type1"), b.getAttribute("type2"),
            Double.parseDouble(b.getAttribute("length")), Double.parseDouble(b.getAttribute("k")));
        lib.bondParams.put(p.type1() + "|" + p.type2(), p);
        lib.bondParams.put(p.type2() + "|" + p.type1(), p);
      }
      for (Element a : elements(doc, "HarmonicAngleForce", "Angle")) {
        HarmonicAngle p = new HarmonicAngle(a.getAttribute("type1"), a.getAttribute("type2"), a.getAttribute("type3"),
            Double.parseDouble(a.getAttribute("angle")), Double.parseDouble(a.getAttribute("k")));
        lib.angleParams.put(p.type1() + "|" + p.type2() + "|" + p.type3(), p);
        lib.angleParams.put(p.type3() + "|" + p.type2() + "|" + p.type1(), p);
      }
      lib.sortedTypes = lib.types.keySet().stream().sorted().toList();
      lib.sortedTemplates = lib.templates.keySet().stream().sorted().toList();
      return lib;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + resource, e);
    }
  }

  private static List<Element> elements(Document doc, String section, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList sections = doc.getElementsByTagName(section);
    for (int s = 0; s < sections.getLength(); s++) {
      NodeList kids = sections.item(s).getChildNodes();
      for (int i = 0; i < kids.getLength(); i++) {
        if (kids.item(i) instanceof Element e && e.getTagName().equals(tag)) {
          out.add(e);
        }
      }
    }
    return out;
  }
}
