package org.backmap.md.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Element;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.junit.jupiter.api.Test;

class SystemBuilderTest {
  private static final Path CHIGNOLIN = Path.of("src/test/resources/energy/1UAO.pdb");

  @Test
  void everyBondToHydrogenIsAConstraintAndPositionsRoundTrip() {
    Structure s = StructureReader.read(CHIGNOLIN);
    ForceFieldSystem system = SystemBuilder.build(s);
    long hydrogens = java.util.Arrays.stream(system.elements()).filter(e -> e == Element.H).count();
    assertEquals(hydrogens, system.constraints().count(), "one constraint per hydrogen");
    double[] x = SystemBuilder.positionsNm(s);
    assertEquals(0, java.util.Arrays.compare(x, SystemBuilder.positionsNm(SystemBuilder.withPositionsNm(s, x))));
    // Chignolin is one chain of 10 residues: N atoms - 1 bonds in a tree plus one ring per TYR, PRO and TRP (2).
    assertEquals(system.atomCount() - 1 + 4, system.bonds().count());
  }

  @Test
  void missingHeavyAtomIsAnErrorNamingFileResidueAndAtom() {
    Structure s = edit(StructureReader.read(CHIGNOLIN), 1, atoms -> atoms.removeIf(a -> a.name().equals("CB")));
    StructureException e = assertThrows(StructureException.class, () -> SystemBuilder.build(s));
    assertTrue(e.getMessage().contains("1UAO.pdb") && e.getMessage().contains("residue 2 TYR") && e.getMessage().contains("CB"), e.getMessage());
  }

  @Test
  void missingHydrogenIsAnErrorNamingIt() {
    Structure s = edit(StructureReader.read(CHIGNOLIN), 3, atoms -> atoms.removeIf(a -> a.name().equals("HA")));
    StructureException e = assertThrows(StructureException.class, () -> SystemBuilder.build(s));
    assertTrue(e.getMessage().contains("residue 4 PRO") && e.getMessage().contains("HA"), e.getMessage());
  }

  private interface AtomEdit {
    void apply(List<Atom> atoms);
  }

  private static Structure edit(Structure s, int residueIndex, AtomEdit edit) {
    Chain c = s.chains().get(0);
    List<Residue> residues = new ArrayList<>(c.residues());
    List<Atom> atoms = new ArrayList<>(residues.get(residueIndex).atoms());
    edit.apply(atoms);
    residues.set(residueIndex, residues.get(residueIndex).withAtoms(atoms));
    return s.withChains(List.of(c.withResidues(residues)));
  }
}
