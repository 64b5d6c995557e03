package org.backmap.backmapping.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.backmap.backmapping.decode.ProteinLayout;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The encoding probability of chignolin: at its own beads, and with one side chain moved rigidly. */
class EncodingProbabilityTest {
  @TempDir Path tmp;

  @Test
  void laplaceOfEachBeadAroundItsSideChainsCentreOfMass() throws Exception {
    Path file = tmp.resolve("1UAO.pdb");
    Files.copy(EncodingProbabilityTest.class.getResourceAsStream("/structures/1UAO.pdb"), file);
    PreparedProtein p = PreparedProtein.read(file, PreparationOptions.defaults().withRepair(false));
    ProteinLayout layout = new ProteinLayout(p.cg(), TemplateLibrary.ff14SB());
    Map<String, Double> scales = new HashMap<>(Map.of("GLY", 0.4, "TYR", 1.5, "ASP", 0.7, "PRO", 0.2, "GLU", 1.0, "THR", 0.25, "TRP", 1.5));
    EncodingProbability enc = EncodingProbability.of(layout, scales);
    assertEquals(10, enc.beads(), "every chignolin residue has a bead, glycines included");
    double[] xyz = layout.coordinatesOf(p.structure());
    // at the structure's own beads each axis contributes its density at 0
    double atZero = 0;
    String[] seq = {"GLY", "TYR", "ASP", "PRO", "GLU", "THR", "GLY", "THR", "TRP", "GLY"};
    for (String t : seq) {
      atZero += 3 * -Math.log(2 * scales.get(t));
    }
    assertEquals(atZero, enc.logProb(xyz), 1e-6);
    // move every bead atom of residue 5 (GLU, CB included) by (0.3, -0.2, 0.1): the bead moves by the same vector
    double[] moved = xyz.clone();
    int first = layout.firstAtom(4);
    var t = layout.template(4);
    for (int k = 0; k < t.size(); k++) {
      if (!org.backmap.md.cg.CgMapper.NOT_IN_BEAD.contains(t.atom(k).name())) {
        moved[3 * (first + k)] += 0.3;
        moved[3 * (first + k) + 1] -= 0.2;
        moved[3 * (first + k) + 2] += 0.1;
      }
    }
    assertEquals(atZero - (0.3 + 0.2 + 0.1) / 1.0, enc.logProb(moved), 1e-6);
    assertTrue(enc.logProb(moved) < enc.logProb(xyz));

    scales.remove("TRP");
    StructureException e = assertThrows(StructureException.class, () -> EncodingProbability.of(layout, scales));
    assertTrue(e.getMessage().contains("TRP") && e.getMessage().contains("residue 9"), e.getMessage());
  }
}
