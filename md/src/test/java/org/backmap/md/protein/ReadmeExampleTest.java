package org.backmap.md.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.backmap.md.TestData;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.energy.EnergyEvaluation;
import org.junit.jupiter.api.Test;

/** The library example of the top-level README, line for line: it must compile and run. */
class ReadmeExampleTest {

  @Test
  void readEnergyAndCgMapInTenLines() {
    Path file = TestData.corpus("1UAO.pdb");
    // --- README example begins
    PreparedProtein protein = PreparedProtein.read(file);          // read, assign templates, add missing hydrogens
    System.out.println(protein.summary().protonationStates());     // e.g. {} for chignolin: every residue standard
    EnergyEvaluation e = protein.energy(2).evaluate(protein.positionsNm());  // AMBER14SB + GBn2, 2 threads
    System.out.printf("%d atoms, %.2f kJ/mol, rms force %.1f kJ/mol/nm%n", protein.atomCount(), e.total(), e.rmsForce());
    CgStructure cg = protein.cg();                                  // backbone + CB + one bead per residue
    System.out.println(cg.particleCount() + " CG particles");
    // --- README example ends
    assertEquals(138, protein.atomCount());
    assertEquals(10, cg.residues().size());
    assertTrue(e.total() < 0 && Double.isFinite(e.rmsForce()), e.total() + " " + e.rmsForce());
  }
}
