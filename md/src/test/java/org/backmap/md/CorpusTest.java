package org.backmap.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.hydrogens.Completion;
import org.backmap.md.hydrogens.HydrogenCompleter;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

/** Every file of the test corpus goes through read, topology, completion and CG mapping, or is rejected with a reason. */
class CorpusTest {
  @Test
  void everyCorpusFileIsReadOrRejectedWithAReason() {
    Map<String, String> outcome = new TreeMap<>();
    for (Path file : TestData.corpusFiles()) {
      String name = file.getFileName().toString();
      try {
        Structure s = StructureReader.read(file);
        Completion c = HydrogenCompleter.complete(Topology.build(s, TemplateLibrary.ff14SB(), true));
        var cg = CgMapper.map(c.topology(), false);
        outcome.put(name, "ok: " + s.residueCount() + " residues, " + c.addedHydrogens() + " hydrogens added, "
            + c.residuesWithMissingHeavyAtoms().size() + " residues missing heavy atoms, " + c.topology().chainBreaks().size()
            + " chain breaks, " + cg.particleCount() + " CG particles");
      } catch (StructureException e) {
        assertTrue(e.getMessage().startsWith(name + ": "), "a rejection names its file: " + e.getMessage());
        outcome.put(name, "rejected: " + e.getMessage());
      }
    }
    outcome.forEach((k, v) -> System.out.println("corpus " + k + " -> " + v));
    assertEquals(TestData.corpusFiles().size(), outcome.size());
    for (String accepted : new String[] {"1UAO.pdb", "bpti.pdb", "T0902.pdb", "T0862.pdb", "T0922.pdb", "1T2Y.pdb", "lysozyme-implicit.pdb", "1ab1_A.pdb", "PED00055.pdb"}) {
      assertTrue(outcome.get(accepted).startsWith("ok"), accepted + ": " + outcome.get(accepted));
    }
    // Capped peptides read and complete, but caps have no CG representation.
    assertTrue(outcome.get("alanine-dipeptide-implicit.pdb").contains("capping group"), outcome.get("alanine-dipeptide-implicit.pdb"));
    assertTrue(outcome.get("ala_ala_ala.pdb").startsWith("ok"), outcome.get("ala_ala_ala.pdb"));
    assertFalse(outcome.values().stream().anyMatch(String::isBlank));
  }
}
