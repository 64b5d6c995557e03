package org.backmap.md.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.structure.Element;
import org.junit.jupiter.api.Test;

class TemplateLibraryTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  @Test
  void hasTheSortedTypesAndTemplatesOfFf14SB() {
    assertEquals(34, lib.atomTypeNames().size());
    assertEquals(78, lib.templateNames().size());
    List<String> sorted = new ArrayList<>(lib.templateNames());
    java.util.Collections.sort(sorted);
    assertEquals(sorted, lib.templateNames());
    assertEquals("ACE", lib.templateNames().get(0));
    assertEquals("protein-2C", lib.atomTypeNames().get(0));
    for (String v : List.of("ASH", "GLH", "HID", "HIE", "HIP", "CYM", "LYN", "CYX", "NALA", "CALA", "NPRO", "CHIE")) {
      assertTrue(lib.hasTemplate(v), v);
    }
  }

  @Test
  void alanineTemplateHasAtomsTypesChargesAndBonds() {
    ResidueTemplate ala = lib.template("ALA");
    assertEquals(List.of("N", "H", "CA", "HA", "CB", "HB1", "HB2", "HB3", "C", "O"), ala.atoms().stream().map(TemplateAtom::name).toList());
    assertEquals("protein-CX", ala.atom(ala.indexOf("CA")).type().name());
    assertEquals(Element.H, ala.atom(ala.indexOf("HB1")).type().element());
    assertEquals(0.0, ala.atoms().stream().mapToDouble(TemplateAtom::charge).sum(), 1e-4);
    assertEquals(9, ala.bonds().size());
    assertEquals(java.util.Set.of("N", "C"), ala.externalBonds());
    assertEquals(1.0, lib.template("NALA").atoms().stream().mapToDouble(TemplateAtom::charge).sum(), 1e-4);
    assertEquals(-1.0, lib.template("CALA").atoms().stream().mapToDouble(TemplateAtom::charge).sum(), 1e-4);
  }

  @Test
  void terminalAndCapFlags() {
    assertTrue(lib.template("NALA").isNTerminal());
    assertTrue(lib.template("NPRO").isNTerminal());
    assertTrue(lib.template("CGLY").isCTerminal());
    assertFalse(lib.template("ALA").isNTerminal() || lib.template("ALA").isCTerminal());
    assertTrue(lib.template("ACE").isCap() && lib.template("NME").isCap());
    assertEquals("ALA", lib.template("NALA").residueName());
    assertEquals("CYX", lib.template("CCYX").residueName());
  }

  @Test
  void idealGeometryComesFromTheHarmonicTerms() {
    AtomType ct = lib.atomType("protein-CT");
    AtomType hc = lib.atomType("protein-HC");
    assertEquals(1.09, lib.bondLength(ct, hc), 1e-12);
    assertEquals(lib.bondLength(ct, hc), lib.bondLength(hc, ct), 0);
    assertEquals(Math.toRadians(109.5), lib.angleValue(hc, ct, hc), 1e-3);
  }
}
