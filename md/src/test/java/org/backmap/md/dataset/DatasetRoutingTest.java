package org.backmap.md.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.bat.ZMatrix;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRoutingTest {
  private static final TemplateLibrary LIB = TemplateLibrary.ff14SB();
  private static final ParticleClasses CLASSES = new ParticleClasses(LIB);
  @TempDir
  static Path dir;

  @BeforeAll
  static void fixtures() {
    ExtractionFixtures.write(dir.resolve("in"), true);
  }

  private static StructureExamples extract(String name) {
    return StructureExtractor.extract(dir.resolve("in").resolve(name), PreparationOptions.defaults(), 1);
  }

  @Test
  void everyTemplateOfATypeSharesItsZMatrix() {
    for (String name : LIB.templateNames()) {
      ResidueTemplate t = LIB.template(name);
      for (BatGroup g : BatGroup.values()) {
        if (!ZMatrix.exists(t, g)) {
          continue;
        }
        String type = ResidueType.of(t, g);
        assertEquals(g, ResidueType.groupOf(type));
        String reference = g == BatGroup.SIDECHAIN ? type : type.equals(ResidueType.NPRO) ? "NPRO" : "NALA";
        assertEquals(layout(ZMatrix.of(LIB, reference, g)), layout(ZMatrix.of(LIB, name, g)), name + " in " + type);
      }
    }
    assertEquals(6, ZMatrix.of(LIB, "NGLY", BatGroup.N_TERMINAL_HYDROGENS).size());
    assertEquals(4, ZMatrix.of(LIB, "NPRO", BatGroup.N_TERMINAL_HYDROGENS).size());
  }

  /** The Z-matrix without its template name: atoms, parents, angle and torsion atoms, offsets. */
  private static String layout(ZMatrix z) {
    return z.toString().substring(z.toString().indexOf(' '));
  }

  @Test
  void terminalAlaninesTrainAlaAndTheirNTerminalHydrogensNterm() {
    StructureExamples ala3 = extract("ala3.pdb");
    assertNull(ala3.skipped());
    assertEquals(List.of("ALA", ResidueType.NTERM), List.copyOf(ala3.byType().keySet()));
    List<TrainingExample> ala = ala3.byType().get("ALA");
    assertEquals(List.of("NALA", "ALA", "CALA"), ala.stream().map(TrainingExample::template).toList());
    for (TrainingExample e : ala) {
      assertEquals(CLASSES.ofBead(e.template()), e.labels()[0], "the first particle is the target's own bead");
      assertEquals(8, e.bat().length);
    }
    TrainingExample nterm = ala3.byType().get(ResidueType.NTERM).getFirst();
    assertEquals("NALA", nterm.template());
    assertEquals(BatGroup.N_TERMINAL_HYDROGENS, nterm.group());
    assertEquals(6, nterm.bat().length);
  }

  @Test
  void variantsDisulfidesAndNTerminalProlineGoToTheirOwnTypes() {
    StructureExamples lyso = extract("lyso-hid.pdb");
    assertEquals(1, lyso.byType().get("HID").size());
    assertFalse(lyso.byType().containsKey("HIE") || lyso.byType().containsKey("HIS"));
    assertEquals(1, lyso.byType().get(ResidueType.NTERM).size(), "NMET");

    StructureExamples crambin = extract("1ab1_A.pdb");
    assertEquals(6, crambin.byType().get("CYX").size(), "three disulfides");
    assertFalse(crambin.byType().containsKey("CYS"));

    StructureExamples npro = extract("npro.pdb");
    assertEquals(1, npro.byType().get(ResidueType.NPRO).size());
    assertEquals("NPRO", npro.byType().get(ResidueType.NPRO).getFirst().template());
    assertEquals(4, npro.byType().get(ResidueType.NPRO).getFirst().bat().length);
    assertFalse(npro.byType().containsKey(ResidueType.NTERM));
    assertTrue(npro.byType().get("PRO").stream().anyMatch(e -> e.template().equals("NPRO")), "its side chain trains PRO");

    StructureExamples gly = extract("1UAO.pdb");
    assertEquals(3, gly.byType().get("GLY").size());
    assertEquals("NGLY", gly.byType().get(ResidueType.NTERM).getFirst().template());
    long all = 0;
    for (var e : gly.byType().entrySet()) {
      for (TrainingExample x : e.getValue()) {
        assertEquals(e.getKey(), ResidueType.of(LIB.template(x.template()), x.group()));
        all++;
      }
    }
    assertEquals(10 + 1, all, "ten side chains and one N terminus");
  }

  @Test
  void unusableFilesComeBackWithTheirReason() {
    StructureExamples garbage = extract("garbage.pdb");
    assertNotNull(garbage.skipped());
    assertTrue(garbage.byType().isEmpty());
    assertNotNull(extract("empty.cif").skipped());
  }
}
