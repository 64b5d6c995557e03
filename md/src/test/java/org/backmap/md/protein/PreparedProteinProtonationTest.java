package org.backmap.md.protein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.backmap.md.TestData;
import org.backmap.md.protonation.Reason;
import org.backmap.md.structure.Structure;
import org.backmap.md.topology.Topology;
import org.junit.jupiter.api.Test;

class PreparedProteinProtonationTest {
  private static final Structure T0902 = TestData.stripHydrogens(TestData.read("T0902.pdb"));

  private static Map<String, String> templates(Topology t) {
    return t.residues().stream().collect(Collectors.toMap(r -> r.chainId() + ":" + r.residue().label(), r -> r.template().name()));
  }

  @Test
  void phAndOverridesReachTheTemplatesAndSurviveCompletion() {
    PreparationOptions options = PreparationOptions.defaults().withPh(4.0).withVariant("A:126", "HID");
    PreparedProtein p = PreparedProtein.of(T0902, options);
    Map<String, String> before = templates(p.inputTopology());
    assertEquals("ASH", before.get("A:23"));
    assertEquals("GLH", before.get("A:12"));
    assertEquals("HIP", before.get("A:140"));
    assertEquals("HID", before.get("A:126"));
    assertEquals("NASP", before.get("A:4"));
    assertEquals(before, templates(p.topology()), "completion keeps the chosen states");
    assertTrue(p.structure().chains().get(0).residues().stream().filter(r -> r.number() == 23).findFirst().orElseThrow().has("HD2"));
    assertEquals(Reason.OVERRIDE, p.protonation().decision(org.backmap.md.structure.ResidueKey.parse("A:126")).reason());
  }

  @Test
  void atPh11FreeCysteinesAreThiolatesAfterCompletion() {
    PreparedProtein p = PreparedProtein.of(TestData.stripHydrogens(TestData.read("T0922.pdb")),
        PreparationOptions.defaults().withPh(11));
    assertEquals("CYM", templates(p.topology()).get("A:33"));
    assertEquals(templates(p.inputTopology()), templates(p.topology()));
  }

  @Test
  void theSummaryListsTheChosenStatesWithTheirReasons() {
    PreparedProtein p = PreparedProtein.of(T0902, PreparationOptions.defaults());
    List<String> lines = p.summary().protonation();
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.stream().allMatch(l -> l.matches("A \\d+ HIS -> HI[DE] \\(hydrogen bond .*\\)")), lines.toString());
    StringWriter text = new StringWriter();
    p.summary().print(new PrintWriter(text, true));
    assertTrue(text.toString().contains(lines.get(0)));
  }

  @Test
  void optionsRejectABadPhAndOverridesNamingNoResidue() {
    assertThrows(IllegalArgumentException.class, () -> PreparationOptions.defaults().withPh(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> PreparationOptions.defaults().withPh(15));
    assertEquals(7.0, PreparationOptions.defaults().pH());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PreparedProtein.of(T0902, PreparationOptions.defaults().withVariants(Map.of("A:5", "HID"))));
    assertTrue(e.getMessage().contains("A:5") && e.getMessage().contains("PHE"), e.getMessage());
  }
}
