package org.backmap.md.cg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backmap.md.TestData;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgMapperTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  /**
   * Bead positions recomputed straight from the PDB text of chignolin (which has every hydrogen), with the masses
   * typed in here: an implementation independent of the structure model.
   */
  @Test
  void beadsAreTheMassWeightedMeanOfTheSideChain() throws Exception {
    Map<String, Double> mass = Map.of("C", 12.01078, "H", 1.007947, "N", 14.00672, "O", 15.99943, "S", 32.065);
    List<String> excluded = List.of("N", "CA", "C", "O", "H", "HA", "OXT", "H1", "H2", "H3");
    Map<Integer, double[]> sums = new LinkedHashMap<>();
    for (String line : Files.readAllLines(TestData.corpus("1UAO.pdb"))) {
      if (!line.startsWith("ATOM") || excluded.contains(line.substring(12, 16).trim())) {
        continue;
      }
      double m = mass.get(line.substring(76, 78).trim());
      double[] s = sums.computeIfAbsent(Integer.parseInt(line.substring(22, 26).trim()), k -> new double[4]);
      for (int k = 0; k < 3; k++) {
        s[k] += m * Double.parseDouble(line.substring(30 + 8 * k, 38 + 8 * k));
      }
      s[3] += m;
    }
    CgStructure cg = CgMapper.map(Topology.build(TestData.read("1UAO.pdb"), lib, false), true);
    assertEquals(10, cg.residues().size());
    double worst = 0;
    for (CgResidue r : cg.residues()) {
      double[] s = sums.get(r.number());
      for (int k = 0; k < 3; k++) {
        worst = Math.max(worst, Math.abs(r.bead()[k] - s[k] / s[3]));
      }
    }
    System.out.printf("CG beads of 1UAO: max |bead - independent centre of mass| = %.2e A%n", worst);
    assertEquals(0, worst, 1e-9);
  }

  @Test
  void keptAtomsFollowTheTopologyOrder() {
    CgStructure cg = CgMapper.map(TestData.completed("1UAO.pdb").topology(), true);
    assertEquals(List.of("N", "CA", "C", "O"), names(cg.residues().get(0)), "N-terminal GLY: no amide H, no CB");
    assertEquals(List.of("N", "H", "CA", "CB", "C", "O"), names(cg.residues().get(1)));
    assertEquals(List.of("N", "CB", "CA", "C", "O"), names(cg.residues().get(3)), "PRO: no H, and CB precedes CA in its template");
    assertEquals(List.of("N", "H", "CA", "C", "O", "OXT"), names(cg.residues().get(9)));
    assertEquals("NGLY", cg.residues().get(0).template());
    assertEquals(10 * 1 + 4 + 6 + 6 + 5 + 6 + 6 + 5 + 6 + 6 + 6, cg.particleCount());
  }

  @Test
  void cgPdbFilesReadBackExactlyAsWritten(@TempDir Path dir) {
    CgStructure cg = CgMapper.map(TestData.completed("T0922.pdb").topology(), false);
    Path file = dir.resolve("cg.pdb");
    cg.writePdb(file);
    CgStructure back = CgStructure.read(file, lib);
    assertEquals(cg.residues().size(), back.residues().size());
    for (int i = 0; i < cg.residues().size(); i++) {
      CgResidue a = cg.residues().get(i);
      CgResidue b = back.residues().get(i);
      assertEquals(a.template(), b.template());
      assertEquals(names(a), names(b));
      for (int k = 0; k < 3; k++) {
        assertEquals(a.bead()[k], b.bead()[k], 5e-4);
      }
      for (int k = 0; k < a.atoms().size(); k++) {
        assertTrue(a.atoms().get(k).distance(b.atoms().get(k)) < 1e-3);
      }
    }
  }

  @Test
  void incompleteResiduesAreErrorsOrMarked() {
    var heavy = TestData.stripHydrogens(TestData.read("T0922.pdb"));
    Topology t = Topology.build(heavy, lib, false);
    StructureException e = assertThrows(StructureException.class, () -> CgMapper.map(t, true));
    assertTrue(e.getMessage().startsWith("T0922.pdb: chain A residue "), e.getMessage());
    var completion = org.backmap.md.hydrogens.HydrogenCompleter.complete(t);
    assertEquals(1, completion.addedTerminalOxygens(), "the C-terminal OXT is completed");
    CgStructure cg = CgMapper.map(completion.topology(), true);
    CgResidue last = cg.residues().get(cg.residues().size() - 1);
    Atom c = last.atom("C");
    assertEquals(1.25, c.distance(last.atom("OXT")), 1e-9);
    assertEquals(c.distance(last.atom("O")), 1.25, 0.1);
  }

  private static List<String> names(CgResidue r) {
    List<String> out = new ArrayList<>();
    for (Atom a : r.atoms()) {
      out.add(a.name());
    }
    return out;
  }
}
