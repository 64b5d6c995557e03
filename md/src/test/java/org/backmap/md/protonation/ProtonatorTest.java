package org.backmap.md.protonation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.backmap.md.TestData;
import org.backmap.md.structure.ResidueKey;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

class ProtonatorTest {
  /** T0902 without hydrogens: 20 ASP (A:4 starts the chain), 13 GLU (A:303 ends it), 4 HIS, 14 LYS, no CYS. */
  private static final Structure T0902 = TestData.stripHydrogens(TestData.read("T0902.pdb"));

  private static Map<String, List<String>> variantsOf(Protonation p, String residue, Reason reason) {
    return p.decisions().stream().filter(d -> d.residueName().equals(residue) && d.reason() == reason)
        .collect(Collectors.groupingBy(ProtonationDecision::variant, Collectors.mapping(d -> d.key().toString(), Collectors.toList())));
  }

  @Test
  void atPh4AcidsAreProtonatedAndHistidinesCharged() {
    Protonation p = Protonator.decide(T0902, ProtonationOptions.defaults().withPh(4.0));
    assertEquals(List.of("A:4"), variantsOf(p, "ASP", Reason.TERMINAL).get("ASP"), "no NASH in ff14SB");
    assertEquals(Map.of("ASH", 19), count(variantsOf(p, "ASP", Reason.PH)));
    assertEquals(12, variantsOf(p, "GLU", Reason.PH).get("GLH").size());
    assertEquals(List.of("A:303"), variantsOf(p, "GLU", Reason.TERMINAL).get("GLU"), "no CGLH in ff14SB");
    assertEquals(4, variantsOf(p, "HIS", Reason.PH).get("HIP").size());
    assertTrue(p.decisions().stream().filter(d -> d.residueName().equals("LYS")).allMatch(d -> d.variant().equals("LYS")));
    assertEquals("A 23 ASP -> ASH (pH 4.0 <= 4.4)", p.decision(ResidueKey.parse("A:23")).line());
    assertEquals("A 4 ASP -> ASP (terminal residue, ff14SB has no terminal ASH; pH 4.0 <= 4.4)", p.decision(ResidueKey.parse("A:4")).line());
  }

  @Test
  void atPh7OnlyHistidinesChangeAndTheyFollowHydrogenBonds() {
    Protonation p = Protonator.decide(T0902);
    assertEquals(p.decisions().stream().filter(d -> d.residueName().equals("HIS")).toList(), p.changes());
    assertTrue(p.changes().stream().allMatch(d -> d.reason() == Reason.HYDROGEN_BOND));
    assertEquals(51, p.decisions().size());
  }

  @Test
  void atPh11LysinesAreNeutralAndFreeCysteinesDeprotonatedButDisulfidesStay() {
    Protonation p = Protonator.decide(T0902, ProtonationOptions.defaults().withPh(11));
    assertEquals(14, variantsOf(p, "LYS", Reason.PH).get("LYN").size());
    Protonation free = Protonator.decide(TestData.stripHydrogens(TestData.read("T0922.pdb")), ProtonationOptions.defaults().withPh(11));
    assertEquals("CYM", free.variant("A:33"));
    assertEquals("CYM", free.variant("A:86"));
    Protonation bpti = Protonator.decide(TestData.stripHydrogens(TestData.read("bpti.pdb")), ProtonationOptions.defaults().withPh(11));
    List<ProtonationDecision> cys = bpti.decisions().stream().filter(d -> d.residueName().equals("CYS")).toList();
    assertEquals(6, cys.size());
    assertTrue(cys.stream().allMatch(d -> d.variant().equals("CYX") && d.reason() == Reason.DISULFIDE), cys.toString());
    assertEquals("A 5 CYS -> CYX (disulfide with A:55)", bpti.decision(ResidueKey.parse("A:5")).line());
  }

  @Test
  void hydrogensPresentDecideRegardlessOfPh() {
    Protonation p = Protonator.decide(TestData.read("bpti.pdb"), ProtonationOptions.defaults().withPh(11));
    assertTrue(p.decisions().stream().filter(d -> d.residueName().equals("LYS"))
        .allMatch(d -> d.variant().equals("LYS") && d.reason() == Reason.HYDROGENS));
  }

  @Test
  void statedVariantsAreKeptAtAnyPh() throws IOException {
    Structure s = renamed(Map.of(126, "HSE", 140, "HID", 250, "HIP", 23, "ASH", 12, "GLH", 10, "LYN"));
    for (double pH : new double[] {2, 7, 12}) {
      Protonation p = Protonator.decide(s, ProtonationOptions.defaults().withPh(pH));
      assertEquals("HIE", p.variant("A:126"));
      assertEquals("HID", p.variant("A:140"));
      assertEquals("HIP", p.variant("A:250"));
      assertEquals("ASH", p.variant("A:23"));
      assertEquals("GLH", p.variant("A:12"));
      assertEquals("LYN", p.variant("A:10"));
      assertEquals(Reason.STATED, p.decision(ResidueKey.parse("A:126")).reason());
    }
    assertEquals("A 126 HIS -> HIE (stated as HSE)", Protonator.decide(s).decision(ResidueKey.parse("A:126")).line());
    assertEquals("HSE", s.chains().get(0).residues().stream().filter(r -> r.number() == 126).findFirst().orElseThrow().nameAsWritten());
    assertEquals("HIS", s.chains().get(0).residues().stream().filter(r -> r.number() == 126).findFirst().orElseThrow().name());
  }

  @Test
  void topologyTakesTheDecidedVariants() throws IOException {
    Structure s = renamed(Map.of(140, "HIP"));
    Protonation p = Protonator.decide(s, ProtonationOptions.defaults().withPh(4.0));
    Topology t = Topology.build(s, TemplateLibrary.ff14SB(), true, p.variants());
    Map<String, String> templates = t.residues().stream()
        .collect(Collectors.toMap(r -> r.chainId() + ":" + r.residue().label(), r -> r.template().name()));
    assertEquals("HIP", templates.get("A:140"));
    assertEquals("ASH", templates.get("A:23"));
    assertEquals("NASP", templates.get("A:4"));
    // Without variants the three-argument form keeps guessing from hydrogens: none here, so HIE and ASP.
    Topology guessed = Topology.build(s, TemplateLibrary.ff14SB(), true);
    assertEquals("HIE", guessed.residues().stream().filter(r -> r.residue().number() == 140).findFirst().orElseThrow().template().name());
  }

  @Test
  void overridesWinAndBadOnesNameTheResidue() {
    Protonation p = Protonator.decide(T0902, ProtonationOptions.defaults().withVariant("A:126", "hip").withVariant("A:23", "ASH"));
    assertEquals("HIP", p.variant("A:126"));
    assertEquals("A 23 ASP -> ASH (override)", p.decision(ResidueKey.parse("A:23")).line());
    assertEquals(Reason.OVERRIDE, p.decision(ResidueKey.parse("A:126")).reason());

    assertThrows(IllegalArgumentException.class, () -> ProtonationOptions.defaults().withVariant("A57", "HID"));
    assertMessage(ProtonationOptions.defaults().withVariant("A:20", "HID"), "A:20", "ALA has no protonation variants");
    assertMessage(ProtonationOptions.defaults().withVariant("A:23", "LYN"), "A:23", "ASP, ASH");
    assertMessage(ProtonationOptions.defaults().withVariant("B:23", "ASH"), "B:23", "no residue");
    assertMessage(ProtonationOptions.defaults().withVariant("A:4", "ASH"), "A:4", "terminal ASH");
    Structure bpti = TestData.read("bpti.pdb");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Protonator.decide(bpti, ProtonationOptions.defaults().withVariant("A:5", "CYM")));
    assertTrue(e.getMessage().contains("A:5") && e.getMessage().contains("A:55"), e.getMessage());
  }

  @Test
  void phMustBeFiniteAndWithin0To14() {
    for (double bad : new double[] {-0.1, 14.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(IllegalArgumentException.class, () -> ProtonationOptions.defaults().withPh(bad));
    }
    assertEquals(0, ProtonationOptions.defaults().withPh(0).pH());
  }

  @Test
  void histidineRulePrefersNd1AndDefaultsToHid() {
    Structure s = T0902;
    var his = s.chains().get(0).residues().stream().filter(r -> r.number() == 126).findFirst().orElseThrow();
    int index = s.chains().get(0).residues().indexOf(his);
    var nd1 = his.atom("ND1");
    var ne2 = his.atom("NE2");
    // An oxygen 2.9 A out along each nitrogen's bisector.
    var farFromNe2 = outward(his, "NE2", "CD2", "CE1", 2.9);
    var farFromNd1 = outward(his, "ND1", "CG", "CE1", 2.9);
    var acceptorNe2 = new HistidineHydrogenBonds.Acceptor("B", -1, his, farFromNe2);
    var acceptorNd1 = new HistidineHydrogenBonds.Acceptor("B", -1, his, farFromNd1);
    assertEquals(new HistidineHydrogenBonds.Choice("HIE", "NE2...O B 126"), HistidineHydrogenBonds.choose(his, index, List.of(acceptorNe2)));
    assertEquals("HID", HistidineHydrogenBonds.choose(his, index, List.of(acceptorNe2, acceptorNd1)).variant());
    assertEquals(new HistidineHydrogenBonds.Choice("HID", "none: HID by default"), HistidineHydrogenBonds.choose(his, index, List.of()));
    assertFalse(nd1.distance(farFromNd1) > HistidineHydrogenBonds.MAX_DISTANCE);
    assertTrue(ne2.distance(farFromNd1) > HistidineHydrogenBonds.MAX_DISTANCE);
  }

  private static org.backmap.md.structure.Atom outward(org.backmap.md.structure.Residue r, String n, String a, String b, double d) {
    var nn = r.atom(n);
    var aa = r.atom(a);
    var bb = r.atom(b);
    double[] v = {2 * nn.x() - aa.x() - bb.x(), 2 * nn.y() - aa.y() - bb.y(), 2 * nn.z() - aa.z() - bb.z()};
    double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return new org.backmap.md.structure.Atom("O", org.backmap.md.structure.Element.O,
        nn.x() + v[0] * d / len, nn.y() + v[1] * d / len, nn.z() + v[2] * d / len);
  }

  private static void assertMessage(ProtonationOptions options, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Protonator.decide(T0902, options));
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
  }

  private static Map<String, Integer> count(Map<String, List<String>> byVariant) {
    return byVariant.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
  }

  /** T0902 read from text in which the residues numbered as the keys carry other residue names. */
  static Structure renamed(Map<Integer, String> names) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(TestData.corpus("T0902.pdb"), StandardCharsets.ISO_8859_1)) {
      if (line.startsWith("ATOM") && names.containsKey(Integer.parseInt(line.substring(22, 26).trim()))) {
        line = line.substring(0, 17) + names.get(Integer.parseInt(line.substring(22, 26).trim())) + line.substring(20);
      }
      out.append(line).append('\n');
    }
    return StructureReader.read("T0902-renamed.pdb", out.toString().getBytes(StandardCharsets.ISO_8859_1), 0);
  }
}
