package org.backmap.md.forcefield;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.backmap.md.templates.TemplateLibrary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of {@code protein.ff14SB.xml} that the residue templates do not cover: proper and improper periodic
 * torsions (with the file's improper ordering rule) and the Lennard-Jones parameters and 1-4 scale factors of the
 * {@code NonbondedForce}. Harmonic bond and angle parameters are read by {@link TemplateLibrary}, which owns them.
 * Units: nm, kJ/mol, radians.
 */
public final class Ff14sbParameters {
  private static final Ff14sbParameters FF14SB = load(TemplateLibrary.FF14SB_RESOURCE);

  private final List<TorsionType> propers = new ArrayList<>();
  private final List<TorsionType> impropers = new ArrayList<>();
  private final Map<String, double[]> sigmaEpsilon = new HashMap<>();
  private String improperOrdering = "default";
  private double coulomb14Scale = Double.NaN;
  private double lj14Scale = Double.NaN;

  private Ff14sbParameters() {}

  /** The ff14SB parameters from the shipped {@code protein.ff14SB.xml}. */
  public static Ff14sbParameters ff14SB() {
    return FF14SB;
  }

  /** Proper torsion definitions in file order. */
  public List<TorsionType> propers() {
    return propers;
  }

  /** Improper torsion definitions in file order. */
  public List<TorsionType> impropers() {
    return impropers;
  }

  /** The {@code ordering} attribute of {@code <PeriodicTorsionForce>} ({@code amber} for ff14SB). */
  public String improperOrdering() {
    return improperOrdering;
  }

  /** Scale of the Coulomb interaction between atoms three bonds apart (5/6). */
  public double coulomb14Scale() {
    return coulomb14Scale;
  }

  /** Scale of the Lennard-Jones well depth between atoms three bonds apart (1/2). */
  public double lj14Scale() {
    return lj14Scale;
  }

  /** Lennard-Jones sigma (nm) of an atom type. */
  public double sigma(String typeName) {
    return lj(typeName)[0];
  }

  /** Lennard-Jones epsilon (kJ/mol) of an atom type. */
  public double epsilon(String typeName) {
    return lj(typeName)[1];
  }

  private double[] lj(String typeName) {
    double[] p = sigmaEpsilon.get(typeName);
    if (p == null) {
      throw new IllegalArgumentException("ff14SB has no Lennard-Jones parameters for atom type " + typeName);
    }
    return p;
  }

  private static Ff14sbParameters load(String resource) {
    try (InputStream in = Ff14sbParameters.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      Ff14sbParameters p = new Ff14sbParameters();
      Element torsions = single(doc, "PeriodicTorsionForce", resource);
      if (torsions.hasAttribute("ordering")) {
        p.improperOrdering = torsions.getAttribute("ordering");
      }
      for (Element e : children(torsions)) {
        switch (e.getTagName()) {
          case "Proper" -> p.propers.add(torsion(e));
          case "Improper" -> p.impropers.add(torsion(e));
          default -> { }
        }
      }
      Element nonbonded = single(doc, "NonbondedForce", resource);
      p.coulomb14Scale = Double.parseDouble(nonbonded.getAttribute("coulomb14scale"));
      p.lj14Scale = Double.parseDouble(nonbonded.getAttribute("lj14scale"));
      for (Element e : children(nonbonded)) {
        if (e.getTagName().equals("Atom")) {
          p.sigmaEpsilon.put(e.getAttribute("type"),
              new double[] {Double.parseDouble(e.getAttribute("sigma")), Double.parseDouble(e.getAttribute("epsilon"))});
        }
      }
      return p;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read force-field parameters from " + resource + ": " + e.getMessage(), e);
    }
  }

  private static TorsionType torsion(Element e) {
    List<TypePattern> patterns = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      if (e.hasAttribute("class" + i)) {
        patterns.add(new TypePattern(e.getAttribute("class" + i), true));
      } else {
        patterns.add(new TypePattern(e.getAttribute("type" + i), false));
      }
    }
    int count = 0;
    while (e.hasAttribute("k" + (count + 1))) {
      count++;
    }
    int[] periodicity = new int[count];
    double[] phase = new double[count];
    double[] k = new double[count];
    for (int i = 0; i < count; i++) {
      periodicity[i] = Integer.parseInt(e.getAttribute("periodicity" + (i + 1)));
      phase[i] = Double.parseDouble(e.getAttribute("phase" + (i + 1)));
      k[i] = Double.parseDouble(e.getAttribute("k" + (i + 1)));
    }
    return new TorsionType(patterns, periodicity, phase, k);
  }

  private static Element single(Document doc, String tag, String resource) {
    NodeList list = doc.getElementsByTagName(tag);
    if (list.getLength() != 1) {
      throw new IllegalStateException(resource + ": expected one <" + tag + ">, found " + list.getLength());
    }
    return (Element) list.item(0);
  }

  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }
}
