package org.backmap.md.structure;

/** The chemical elements of proteins, with the standard atomic masses (Da) used for centres of mass. */
public enum Element {
  H(1.007947),
  C(12.01078),
  N(14.00672),
  O(15.99943),
  S(32.065);

  private final double mass;

  Element(double mass) {
    this.mass = mass;
  }

  /** Standard atomic mass in Dalton. */
  public double mass() {
    return mass;
  }

  /** The element with this symbol (case-insensitive), or {@code null} when it is not a protein element. */
  public static Element fromSymbol(String symbol) {
    for (Element e : values()) {
      if (e.name().equalsIgnoreCase(symbol.trim())) {
        return e;
      }
    }
    return null;
  }
}
