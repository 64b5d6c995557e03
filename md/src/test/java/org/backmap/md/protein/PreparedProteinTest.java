package org.backmap.md.protein;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backmap.md.TestData;
import org.backmap.md.energy.EnergyComponent;
import org.backmap.md.energy.EnergyEvaluation;
import org.backmap.md.energy.ForceFieldEnergy;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.system.SystemBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedProteinTest {

  private static List<String> withoutAtom(String residue, String atom) throws java.io.IOException {
    return Files.readAllLines(TestData.corpus("1UAO.pdb")).stream()
        .filter(l -> !(l.startsWith("ATOM") && l.substring(12, 16).strip().equals(atom) && l.substring(17, 20).equals(residue))).toList();
  }

  @Test
  void hydrogensStrippedFromAFileComeBackAndTheEnergyMatchesTheLowLevelChain() {
    Structure heavy = TestData.stripHydrogens(TestData.read("1UAO.pdb"));
    PreparedProtein p = PreparedProtein.of(heavy, PreparationOptions.defaults());
    assertEquals(138, p.atomCount());
    assertEquals(138 - heavy.atomCount(), p.completion().addedHydrogens());
    assertEquals(p.completion().addedHydrogens(), p.summary().missingHydrogens());
    assertSame(p.system(), p.system(), "the system is built once");
    double[] x = p.positionsNm();
    EnergyEvaluation e = p.energy(1).evaluate(x);
    double[] forces = new double[x.length];
    double direct = ForceFieldEnergy.of(SystemBuilder.build(p.structure()), 1).evaluate(x, forces).total();
    assertEquals(direct, e.total(), 0.0);
    assertArrayEquals(forces, e.forces(), 0.0);
    double sum = 0;
    for (double f : forces) {
      sum += f * f;
    }
    assertEquals(Math.sqrt(sum / forces.length), e.rmsForce(), 1e-12 * e.rmsForce());
  }

  @Test
  void restraintsHoldEveryHeavyAtomAndOnlyThem() {
    PreparedProtein p = PreparedProtein.read(TestData.corpus("1UAO.pdb"));
    int[] heavy = p.heavyAtoms();
    Element[] elements = p.system().elements();
    assertEquals(List.of(), java.util.Arrays.stream(heavy).filter(i -> elements[i] == Element.H).boxed().toList());
    double[] x = p.positionsNm();
    ForceFieldEnergy restrained = p.restrainedEnergy(1, 1000);
    assertEquals(0, restrained.evaluate(x).energies().get(EnergyComponent.RESTRAINT), 0.0, "no restraint energy at the start");
    double[] moved = x.clone();
    moved[3 * heavy[0]] += 0.1;
    assertEquals(0.5 * 1000 * 0.01, restrained.evaluate(moved).energies().get(EnergyComponent.RESTRAINT), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> p.restrainedEnergy(1, -1));
    assertThrows(IllegalArgumentException.class, () -> p.restrainedEnergy(1, Double.NaN));
  }

  @Test
  void withoutRepairMissingHeavyAtomsAreSummarisedAndFailOnlyWhatNeedsThem(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("no-oh.pdb"), withoutAtom("TYR", "OH"));
    PreparedProtein p = PreparedProtein.read(file, PreparationOptions.strict());
    assertTrue(p.summary().residuesMissingHeavyAtoms().getFirst().endsWith("[OH]"), p.summary().residuesMissingHeavyAtoms().toString());
    assertEquals(List.of(), p.repairs());
    StructureException cg = assertThrows(StructureException.class, p::cg);
    assertTrue(cg.getMessage().startsWith("no-oh.pdb: chain A residue 2 TYR atom OH"), cg.getMessage());
    StructureException system = assertThrows(StructureException.class, p::system);
    assertTrue(system.getMessage().startsWith("no-oh.pdb: ") && system.getMessage().contains("OH"), system.getMessage());
  }

  @Test
  void repairRebuildsAMissingSideChainAtIdealGeometry(@TempDir Path dir) throws Exception {
    // TYR 2 loses its whole ring and hydroxyl; repair rebuilds them from CB outwards
    List<String> lines = Files.readAllLines(TestData.corpus("1UAO.pdb"));
    for (String atom : List.of("CG", "CD1", "CD2", "CE1", "CE2", "CZ", "OH")) {
      lines = lines.stream().filter(l -> !(l.startsWith("ATOM") && l.substring(12, 16).strip().equals(atom) && l.substring(17, 20).equals("TYR"))).toList();
    }
    Path file = Files.write(dir.resolve("no-ring.pdb"), lines);
    PreparedProtein p = PreparedProtein.read(file);
    assertEquals(138, p.atomCount());
    assertTrue(p.repairs().stream().anyMatch(r -> r.startsWith("chain A residue 2 TYR: rebuilt missing heavy atoms") && r.contains("OH")), p.repairs().toString());
    Residue tyr = p.structure().chains().getFirst().residues().get(1);
    // ring bonds come out at the ideal residue's lengths (1.36-1.42 A), the C-O at 1.36-1.39 A
    assertEquals(1.39, tyr.atom("CG").distance(tyr.atom("CD1")), 0.04);
    assertEquals(1.39, tyr.atom("CE1").distance(tyr.atom("CZ")), 0.04);
    assertEquals(1.375, tyr.atom("CZ").distance(tyr.atom("OH")), 0.03);
    assertEquals(1.39, tyr.atom("CE2").distance(tyr.atom("CZ")), 0.04, "the ring closes");
    assertTrue(Double.isFinite(p.energy(1).energy(p.positionsNm())));
    assertEquals(10, p.cg().residues().size());
  }

  @Test
  void repairSplitsAChainAtABreakWithProperTermini(@TempDir Path dir) throws Exception {
    List<String> lines = Files.readAllLines(TestData.corpus("1UAO.pdb")).stream()
        .filter(l -> !(l.startsWith("ATOM") && l.substring(22, 26).strip().equals("5"))).toList();
    Path file = Files.write(dir.resolve("gap.pdb"), lines);
    StructureException strict = assertThrows(StructureException.class, () -> PreparedProtein.read(file, PreparationOptions.strict()));
    assertTrue(strict.getMessage().contains("break between residues 4 and 6"), strict.getMessage());
    PreparedProtein p = PreparedProtein.read(file);
    List<String> templates = p.topology().residues().stream().map(r -> r.template().name()).toList();
    assertEquals(List.of("NGLY", "TYR", "ASP", "CPRO", "NTHR", "GLY", "THR", "TRP", "CGLY"), templates);
    assertTrue(p.repairs().stream().anyMatch(r -> r.contains("residue 6 THR") && r.contains("amide H")), p.repairs().toString());
    assertEquals(1, p.topology().chainBreaks().size());
    assertTrue(Double.isFinite(p.energy(1).energy(p.positionsNm())));
  }

  @Test
  void modifiedResiduesAreReadAsTheirParent(@TempDir Path dir) throws Exception {
    PreparedProtein plain = PreparedProtein.read(TestData.corpus("1UAO.pdb"));
    // TRP 9 written as a HETATM with a foreign name would be dropped; MSE (selenomethionine) is mapped. Use a
    // methionine-free peptide's TYR as PTR (phosphotyrosine): the phosphate atoms go, the tyrosine stays.
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(TestData.corpus("1UAO.pdb")).stream()
        .map(l -> l.startsWith("ATOM") && l.substring(17, 20).equals("TYR") ? "HETATM" + l.substring(6, 17) + "PTR" + l.substring(20) : l).toList());
    lines.add(lines.indexOf(lines.stream().filter(l -> l.startsWith("HETATM") && l.substring(12, 16).strip().equals("OH")).findFirst().orElseThrow()) + 1,
        "HETATM   99  P   PTR A   2      -1.000   2.000   3.000  1.00  0.00           P");
    Path file = Files.write(dir.resolve("ptr.pdb"), lines);
    PreparedProtein p = PreparedProtein.read(file);
    assertEquals(plain.atomCount(), p.atomCount());
    assertEquals(plain.energy(1).energy(plain.positionsNm()), p.energy(1).energy(p.positionsNm()), 1e-9);
    assertTrue(p.repairs().stream().anyMatch(r -> r.contains("PTR") && r.contains("TYR")), p.repairs().toString());
  }

  @Test
  void modelsAreOneBasedAndOptionsAreChecked(@TempDir Path dir) throws Exception {
    List<String> atoms = Files.readAllLines(TestData.corpus("1UAO.pdb")).stream().filter(l -> l.startsWith("ATOM")).toList();
    List<String> twoModels = new java.util.ArrayList<>(List.of("MODEL        1"));
    twoModels.addAll(atoms);
    twoModels.addAll(List.of("ENDMDL", "MODEL        2"));
    // model 2: every x shifted by +1.000 Angstrom
    atoms.forEach(l -> twoModels.add(l.substring(0, 30) + String.format(java.util.Locale.ROOT, "%8.3f", Double.parseDouble(l.substring(30, 38)) + 1) + l.substring(38)));
    twoModels.addAll(List.of("ENDMDL", "END"));
    Path file = Files.write(dir.resolve("two.pdb"), twoModels);
    PreparedProtein first = PreparedProtein.read(file);
    PreparedProtein second = PreparedProtein.read(file, PreparationOptions.defaults().withModel(2));
    assertEquals(first.atomCount(), second.atomCount());
    assertEquals(first.positionsNm()[0] + 0.1, second.positionsNm()[0], 1e-9, "model 2 is read, not model 1");
    assertThrows(StructureException.class, () -> PreparedProtein.read(file, PreparationOptions.defaults().withModel(3)));
    assertThrows(IllegalArgumentException.class, () -> PreparationOptions.defaults().withModel(0));
  }
}
