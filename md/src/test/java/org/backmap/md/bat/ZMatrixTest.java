package org.backmap.md.bat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backmap.md.templates.ResidueTemplate;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;

class ZMatrixTest {
  private final TemplateLibrary lib = TemplateLibrary.ff14SB();

  @Test
  void alanineAndPhenylalanineFollowTheRule() {
    assertEquals("ALA SIDECHAIN: HB1-CB-CA-C HB2-CB-CA-C(+HB1) HB3-CB-CA-C(+HB1) HA-CA-CB-HB1",
        ZMatrix.of(lib, "ALA", BatGroup.SIDECHAIN).toString());
    String phe = ZMatrix.of(lib, "PHE", BatGroup.SIDECHAIN).toString();
    assertTrue(phe.startsWith("PHE SIDECHAIN: HB2-CB-CA-C HB3-CB-CA-C(+HB2) CG-CB-CA-C(+HB2) HA-CA-CB-HB2 CD1-CG-CB-HB2"), phe);
    assertEquals("GLY SIDECHAIN: HA2-CA-C-N HA3-CA-C-N(+HA2)", ZMatrix.of(lib, "GLY", BatGroup.SIDECHAIN).toString());
    assertEquals("NALA N_TERMINAL_HYDROGENS: H1-N-CA-C H2-N-CA-C(+H1) H3-N-CA-C(+H1)",
        ZMatrix.of(lib, "NALA", BatGroup.N_TERMINAL_HYDROGENS).toString());
    assertEquals("NPRO N_TERMINAL_HYDROGENS: H2-N-CA-C H3-N-CA-C(+H2)", ZMatrix.of(lib, "NPRO", BatGroup.N_TERMINAL_HYDROGENS).toString());
  }

  @Test
  void everyAminoAcidTemplateHasAZMatrixCoveringItsDecodedAtoms() {
    int built = 0;
    for (ResidueTemplate t : lib.templates()) {
      for (BatGroup g : BatGroup.values()) {
        if (!ZMatrix.exists(t, g)) {
          continue;
        }
        ZMatrix z = ZMatrix.of(lib, t.name(), g);
        int expected = g == BatGroup.N_TERMINAL_HYDROGENS ? (t.has("H1") ? 3 : 2)
            : (int) t.atoms().stream().filter(a -> !java.util.Set.of("N", "O", "H", "OXT", "H1", "H2", "H3", "C", "CA").contains(a.name())).count()
                - (t.has("CB") ? 1 : 0);
        assertEquals(expected, z.placedCount(), t.name() + " " + g);
        assertEquals(z.heavyCount() + 2 * z.placedCount(), z.size());
        built++;
      }
    }
    assertEquals(75 + 23, built, "75 amino-acid templates, 23 of them N-terminal");
  }

  /** The table in md/README.md lists the BAT vector length of every residue: it must match the code. */
  @Test
  void readmeTableMatchesTheVectorLengths() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("(?m)^\\| (\\w+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\|").matcher(readme);
    Map<String, int[]> table = new LinkedHashMap<>();
    while (m.find()) {
      table.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
    }
    for (String name : new String[] {"ALA", "ARG", "ASH", "ASN", "ASP", "CYM", "CYS", "GLH", "GLN", "GLU", "GLY", "HID", "HIE",
        "HIP", "HYP", "ILE", "LEU", "LYN", "LYS", "MET", "PHE", "PRO", "SER", "THR", "TRP", "TYR", "VAL"}) {
      ZMatrix z = ZMatrix.of(lib, name, BatGroup.SIDECHAIN);
      int[] row = table.get(name);
      assertTrue(row != null, "README table lacks " + name);
      assertEquals(z.heavyCount(), row[0], name + " heavy atoms");
      assertEquals(z.placedCount() - z.heavyCount(), row[1], name + " hydrogens");
      assertEquals(z.size(), row[2], name + " vector length");
      for (String prefix : new String[] {"N", "C"}) {
        if (lib.hasTemplate(prefix + name)) {
          assertEquals(z.size(), ZMatrix.of(lib, prefix + name, BatGroup.SIDECHAIN).size(), prefix + name);
        }
      }
    }
  }
}
