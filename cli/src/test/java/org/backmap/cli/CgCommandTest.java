package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.templates.TemplateLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgCommandTest {
  /** The dipeptide Gly-Tyr (C-terminal OXT, no hydrogens). */
  private static final String GLY_TYR = """
      ATOM      1  N   GLY A   1      -6.778  -1.424   4.200  1.00  0.00           N
      ATOM      2  CA  GLY A   1      -6.878  -0.708   2.896  1.00  0.00           C
      ATOM      3  C   GLY A   1      -5.557  -0.840   2.138  1.00  0.00           C
      ATOM      4  O   GLY A   1      -4.640  -1.504   2.579  1.00  0.00           O
      ATOM      5  N   TYR A   2      -5.452  -0.212   0.999  1.00  0.00           N
      ATOM      6  CA  TYR A   2      -4.189  -0.302   0.213  1.00  0.00           C
      ATOM      7  C   TYR A   2      -3.197   0.744   0.717  1.00  0.00           C
      ATOM      8  O   TYR A   2      -3.252   1.898   0.342  1.00  0.00           O
      ATOM      9  CB  TYR A   2      -4.490  -0.048  -1.264  1.00  0.00           C
      ATOM     10  CG  TYR A   2      -3.216  -0.141  -2.068  1.00  0.00           C
      ATOM     11  CD1 TYR A   2      -2.780  -1.383  -2.544  1.00  0.00           C
      ATOM     12  CD2 TYR A   2      -2.474   1.015  -2.342  1.00  0.00           C
      ATOM     13  CE1 TYR A   2      -1.601  -1.470  -3.293  1.00  0.00           C
      ATOM     14  CE2 TYR A   2      -1.295   0.927  -3.091  1.00  0.00           C
      ATOM     15  CZ  TYR A   2      -0.858  -0.315  -3.568  1.00  0.00           C
      ATOM     16  OH  TYR A   2       0.304  -0.402  -4.307  1.00  0.00           O
      ATOM     17  OXT TYR A   2      -2.304   0.402  1.507  1.00  0.00           O
      END
      """;

  @Test
  void mapsADipeptideToCgAndTheFileReadsBack(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("gy.pdb");
    Files.writeString(in, GLY_TYR);
    Path out = dir.resolve("cg.pdb");
    Cli.Result r = Cli.run("cg", "-i", in.toString(), "-o", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("2 residues"), r.toString());
    CgStructure cg = CgStructure.read(out, TemplateLibrary.ff14SB());
    assertEquals("NGLY", cg.residues().get(0).template());
    assertEquals("CTYR", cg.residues().get(1).template());
    assertEquals(4 + 1 + 7 + 1, cg.particleCount(), "NGLY: N CA C O + bead; CTYR: N H CA CB C O OXT + bead");
  }

  @Test
  void badInputNamesTheAtomAndWritesNothing(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("bad.pdb");
    Files.writeString(in, GLY_TYR.replace("ATOM     10  CG  TYR", "ATOM     10  CD1 TYR"));
    Path out = dir.resolve("cg.pdb");
    Cli.Result r = Cli.run("cg", "-i", in.toString(), "-o", out.toString());
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertEquals("backmap cg: error: bad.pdb: chain A residue 2 TYR atom CD1: duplicated atom", r.err().strip());
    assertFalse(Files.exists(out));
    assertEquals(java.util.List.of("bad.pdb"), Cli.files(dir), "no output and no temporary file");
  }

  @Test
  void inspectReportsTemplatesAndMissingAtomsAsTextAndJson(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("gy.pdb");
    Files.writeString(in, GLY_TYR.replace("ATOM     16  OH  TYR A   2       0.304  -0.402  -4.307  1.00  0.00           O\n", ""));
    Cli.Result text = Cli.run("inspect", "-i", in.toString());
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.out().contains("1:NGLY 2:CTYR"), text.toString());
    assertTrue(text.out().contains("residues missing heavy atoms: [A 2 CTYR [OH]]"), text.toString());
    Cli.Result json = Cli.run("inspect", "-i", in.toString(), "--json");
    assertEquals(0, json.exitCode(), json.toString());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
    assertEquals("CTYR", tree.get("chains").get(0).get("residues").get(1).get("template").asText());
    assertEquals("OH", tree.get("chains").get(0).get("residues").get(1).get("missingHeavyAtoms").get(0).asText());
  }
}
