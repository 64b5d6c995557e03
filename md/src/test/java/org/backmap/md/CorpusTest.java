package org.backmap.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.backmap.md.cg.CgMapper;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.StructureException;
import org.backmap.md.topology.ResidueTopology;
import org.junit.jupiter.api.Test;

/** Every file of the test corpus goes through read, topology, completion and CG mapping, or is rejected with a reason. */
class CorpusTest {
  /** Capped peptides read and complete, but caps have no CG form: without them alanine dipeptide is one lone residue. */
  private static final Set<String> REJECTED = Set.of("alanine-dipeptide-implicit.pdb");

  @Test
  void everyCorpusFileIsPreparedAndMappedOrRejectedWithAReason() {
    Map<String, String> outcome = new TreeMap<>();
    for (Path file : TestData.corpusFiles()) {
      String name = file.getFileName().toString();
      try {
        PreparedProtein p = PreparedProtein.read(file);
        CgStructure cg = p.cg();
        for (ResidueTopology r : p.topology().residues()) {
          assertTrue(r.complete(), name + ": " + r.label() + " still misses " + r.missingHeavyAtoms() + r.missingHydrogens());
        }
        assertEquals(p.topology().residues().size(), cg.residues().size(), name);
        // independently of the mapper: kept atoms by name, plus a bead for every residue with side-chain atoms
        int particles = 0;
        for (Chain c : p.structure().chains()) {
          for (Residue r : c.residues()) {
            particles += (int) r.atoms().stream().filter(a -> CgMapper.KEPT.contains(a.name())).count();
            particles += r.atoms().stream().anyMatch(a -> !CgMapper.NOT_IN_BEAD.contains(a.name())) ? 1 : 0;
          }
        }
        assertEquals(particles, cg.particleCount(), name);
        outcome.put(name, "ok: " + p.structure().residueCount() + " residues, " + p.completion().addedHydrogens()
            + " hydrogens added, " + p.topology().chainBreaks().size() + " chain breaks, " + cg.particleCount() + " CG particles");
      } catch (StructureException e) {
        assertTrue(e.getMessage().startsWith(name + ": "), "a rejection names its file: " + e.getMessage());
        outcome.put(name, "rejected: " + e.getMessage());
      }
    }
    outcome.forEach((k, v) -> System.out.println("corpus " + k + " -> " + v));
    outcome.forEach((name, result) -> assertEquals(!REJECTED.contains(name), result.startsWith("ok"), name + ": " + result));
    assertTrue(outcome.get("alanine-dipeptide-implicit.pdb").contains("lone residue"), outcome.get("alanine-dipeptide-implicit.pdb"));
  }
}
