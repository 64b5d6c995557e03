package org.backmap.md.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backmap.md.TestData;
import org.backmap.md.structure.Atom;
import org.backmap.md.structure.Chain;
import org.backmap.md.structure.Residue;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;

class TopologyTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  @Test
  void chignolinGetsTerminalTemplatesAndIsComplete() {
    Topology t = Topology.build(TestData.read("1UAO.pdb"), lib, false);
    assertEquals(List.of("NGLY", "TYR", "ASP", "PRO", "GLU", "THR", "GLY", "THR", "TRP", "CGLY"),
        t.residues().stream().map(r -> r.template().name()).toList());
    assertTrue(t.residues().stream().allMatch(ResidueTopology::complete));
    // Template bonds within residues plus 9 peptide bonds; every atom bonded.
    int intra = t.residues().stream().mapToInt(r -> r.template().bonds().size()).sum();
    assertEquals(intra + 9, t.bonds().size());
  }

  @Test
  void bptiHasItsThreeDisulfides() {
    Topology t = Topology.build(TestData.read("bpti.pdb"), lib, false);
    List<String> pairs = t.disulfides().stream()
        .map(p -> t.residues().get(p[0]).residue().number() + "-" + t.residues().get(p[1]).residue().number()).toList();
    assertEquals(List.of("5-55", "14-38", "30-51"), pairs);
    assertTrue(t.residues().stream().filter(r -> r.residue().name().equals("CYS")).allMatch(r -> r.template().residueName().equals("CYX")));
  }

  @Test
  void cysteinesWithTheirThiolHydrogenAreNeverDisulfides() {
    Structure bpti = TestData.read("bpti.pdb");
    List<Chain> chains = new ArrayList<>();
    for (Chain c : bpti.chains()) {
      List<Residue> residues = new ArrayList<>();
      for (Residue r : c.residues()) {
        if (r.number() == 5 || r.number() == 55) {
          List<Atom> atoms = new ArrayList<>(r.atoms());
          Atom sg = r.atom("SG");
          atoms.add(new Atom("HG", org.backmap.md.structure.Element.H, sg.x(), sg.y(), sg.z() + 1.34));
          r = r.withAtoms(atoms);
        }
        residues.add(r);
      }
      chains.add(new Chain(c.id(), residues));
    }
    Topology t = Topology.build(new Structure(bpti.source(), chains, List.of()), lib, false);
    List<String> pairs = t.disulfides().stream()
        .map(p -> t.residues().get(p[0]).residue().number() + "-" + t.residues().get(p[1]).residue().number()).toList();
    assertEquals(List.of("14-38", "30-51"), pairs, "the two thiols 5 and 55 (SG 2.0 A apart) stay CYS");
    assertEquals("CYS", t.residues().stream().filter(r -> r.residue().number() == 5).findFirst().orElseThrow().template().residueName());
  }

  @Test
  void histidineStateFollowsItsHydrogens() {
    Topology t = Topology.build(TestData.read("lysozyme-implicit.pdb"), lib, true);
    ResidueTopology his = t.residues().stream().filter(r -> r.residue().name().equals("HIS")).findFirst().orElseThrow();
    Residue r = his.residue();
    String expected = r.has("HD1") && r.has("HE2") ? "HIP" : r.has("HD1") ? "HID" : "HIE";
    assertEquals(expected, his.template().name());
    // The same residue with both ring hydrogens, then with each removed.
    List<Atom> atoms = new ArrayList<>(r.atoms());
    atoms.removeIf(a -> a.name().equals("HD1") || a.name().equals("HE2"));
    Atom nd1 = r.atom("ND1");
    Atom ne2 = r.atom("NE2");
    atoms.add(new Atom("HD1", org.backmap.md.structure.Element.H, nd1.x() + 1, nd1.y(), nd1.z()));
    atoms.add(new Atom("HE2", org.backmap.md.structure.Element.H, ne2.x() + 1, ne2.y(), ne2.z()));
    Residue both = r.withAtoms(atoms);
    assertEquals("HIP", assign(both));
    assertEquals("HID", assign(both, "HE2"));
    assertEquals("HIE", assign(both, "HD1"));
    assertEquals("HIE", assign(both, "HD1", "HE2"));
  }

  private String assign(Residue his, String... remove) {
    List<Atom> atoms = new ArrayList<>(his.atoms());
    atoms.removeIf(a -> List.of(remove).contains(a.name()));
    Residue changed = his.withAtoms(atoms);
    Structure s = new Structure("his", List.of(new Chain("A", List.of(
        new Residue("ALA", 1, ' ', List.of()), changed, new Residue("ALA", 3, ' ', List.of())))), List.of());
    return Topology.build(s, lib, true).residues().get(1).template().name();
  }

  @Test
  void missingAtomsAndChainBreaksAreReported() {
    Structure s = TestData.read("1UAO.pdb");
    List<Residue> rs = new ArrayList<>(s.chains().get(0).residues());
    Residue tyr = rs.get(1);
    rs.set(1, tyr.withAtoms(tyr.atoms().stream().filter(a -> !a.name().equals("OH") && !a.name().equals("HH")).toList()));
    rs.remove(5); // residue 6 gone: break between 5 and 7
    Structure broken = s.withChains(List.of(s.chains().get(0).withResidues(rs)));
    StructureException e = assertThrows(StructureException.class, () -> Topology.build(broken, lib, false));
    assertTrue(e.getMessage().startsWith("1UAO.pdb: chain A residue 7 GLY atom N: chain A break between residues 5 and 7"), e.getMessage());
    Topology t = Topology.build(broken, lib, true);
    assertEquals(1, t.chainBreaks().size());
    assertEquals(List.of("OH"), t.residues().get(1).missingHeavyAtoms());
    assertEquals(List.of("HH"), t.residues().get(1).missingHydrogens());
    assertEquals("GLY", t.residues().get(5).template().name(), "no new terminus at a break");
  }

  @Test
  void anAtomOutsideItsTemplateIsAnError() {
    Structure s = TestData.read("1UAO.pdb");
    List<Residue> rs = new ArrayList<>(s.chains().get(0).residues());
    List<Atom> atoms = new ArrayList<>(rs.get(2).atoms());
    atoms.add(new Atom("OXT", org.backmap.md.structure.Element.O, 0, 0, 0));
    rs.set(2, rs.get(2).withAtoms(atoms));
    Structure bad = s.withChains(List.of(s.chains().get(0).withResidues(rs)));
    StructureException e = assertThrows(StructureException.class, () -> Topology.build(bad, lib, true));
    assertEquals("1UAO.pdb: chain A residue 3 ASP atom OXT: atom is not in ff14SB template ASP", e.getMessage());
  }
}
