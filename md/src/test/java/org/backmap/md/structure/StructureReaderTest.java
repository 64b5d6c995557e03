package org.backmap.md.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.backmap.md.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureReaderTest {
  private static final String ALTLOC = """
      ATOM      1  N   SER A   1      -6.778  -1.424   4.200  1.00  0.00           N
      ATOM      2  CA ASER A   1      -6.878  -0.708   2.896  0.40  0.00           C
      ATOM      3  CA BSER A   1      -6.978  -0.708   2.896  0.60  0.00           C
      ATOM      4  CB ASER A   1      -6.878  -0.708   1.896  0.40  0.00           C
      ATOM      5  CB BSER A   1      -6.978  -0.708   1.896  0.60  0.00           C
      ATOM      6  C   SER A   1      -5.557  -0.840   2.138  1.00  0.00           C
      HETATM    7  O   HOH A   2      -5.557  -0.840   9.138  1.00  0.00           O
      HETATM    8  S   SO4 A   3      -5.557  -0.840   9.138  1.00  0.00           S
      END
      """;

  private static Structure parse(String name, String text) {
    return StructureReader.read(name, text.getBytes(StandardCharsets.US_ASCII), 0);
  }

  @Test
  void readsChignolin() {
    Structure s = TestData.read("1UAO.pdb");
    assertEquals(1, s.chains().size());
    String seq = s.chains().get(0).residues().stream().map(Residue::name).collect(Collectors.joining(" "));
    assertEquals("GLY TYR ASP PRO GLU THR GLY THR TRP GLY", seq);
    assertEquals(138, s.atomCount());
    Residue gly1 = s.chains().get(0).residues().get(0);
    assertTrue(gly1.has("H1") && gly1.has("H2") && gly1.has("H3") && !gly1.has("H"), "N-terminal H named H1");
  }

  @Test
  void keepsTheHighestOccupancyAltlocAndDropsHetatmWithANote() {
    Structure s = parse("alt.pdb", ALTLOC);
    Residue ser = s.chains().get(0).residues().get(0);
    assertEquals(List.of("N", "CA", "CB", "C"), ser.atoms().stream().map(Atom::name).toList());
    assertEquals(-6.978, ser.atom("CA").x(), 1e-9);
    assertEquals(-6.978, ser.atom("CB").x(), 1e-9);
    assertEquals(1, s.residueCount());
    String notes = String.join("; ", s.notes());
    assertTrue(notes.contains("water") && notes.contains("SO4") && notes.contains("altloc"), notes);
  }

  @Test
  void normalisesNamesWithPdbNamesAliases() {
    String text = """
        ATOM      1  N   HSD A   5       0.000   0.000   0.000  1.00  0.00           N
        ATOM      2  HN  HSD A   5       1.000   0.000   0.000  1.00  0.00           H
        ATOM      3 1HB  HSD A   5       2.000   0.000   0.000  1.00  0.00           H
        ATOM      4 2HB  HSD A   5       3.000   0.000   0.000  1.00  0.00           H
        """;
    Residue r = parse("names.pdb", text).chains().get(0).residues().get(0);
    assertEquals("HIS", r.name());
    // pdbNames.xml: 1HB is HB3, 2HB is HB2.
    assertEquals(List.of("N", "H", "HB3", "HB2"), r.atoms().stream().map(Atom::name).toList());
  }

  @Test
  void badInputNamesFileChainResidueAndAtom() {
    String dup = """
        ATOM      1  N   ALA B  17       0.000   0.000   0.000  1.00  0.00           N
        ATOM      2  CA  ALA B  17       1.000   0.000   0.000  1.00  0.00           C
        ATOM      3  CA  ALA B  17       2.000   0.000   0.000  1.00  0.00           C
        """;
    StructureException e = assertThrows(StructureException.class, () -> parse("dup.pdb", dup));
    assertEquals("dup.pdb: chain B residue 17 ALA atom CA: duplicated atom", e.getMessage());
    String unknown = dup.replace("ALA", "XYZ").replace("ATOM      3  CA  XYZ", "ATOM      3  CB  XYZ");
    e = assertThrows(StructureException.class, () -> parse("unk.pdb", unknown));
    assertEquals("unk.pdb: chain B residue 17 XYZ: unknown residue XYZ", e.getMessage());
    e = assertThrows(StructureException.class, () -> parse("empty.pdb", "   \n"));
    assertEquals("empty.pdb: empty file", e.getMessage());
    e = assertThrows(StructureException.class, () -> parse("garbage.pdb", "this is not\na structure file\n"));
    assertTrue(e.getMessage().startsWith("garbage.pdb: "), e.getMessage());
    e = assertThrows(StructureException.class, () -> parse("water.pdb", ALTLOC.lines().filter(l -> l.startsWith("HETATM")).collect(Collectors.joining("\n"))));
    assertTrue(e.getMessage().startsWith("water.pdb: no protein residues"), e.getMessage());
  }

  @Test
  void pdbAndMmcifWritersRoundTrip(@TempDir Path dir) throws Exception {
    Structure s = TestData.read("bpti.pdb");
    Path pdb = dir.resolve("out.pdb");
    Path cif = dir.resolve("out.cif");
    PdbWriter.write(s, pdb);
    MmcifWriter.write(s, cif);
    for (Path p : List.of(pdb, cif)) {
      Structure back = StructureReader.read(p);
      assertEquals(s.atomCount(), back.atomCount(), p.toString());
      for (int c = 0; c < s.chains().size(); c++) {
        List<Residue> a = s.chains().get(c).residues();
        List<Residue> b = back.chains().get(c).residues();
        for (int i = 0; i < a.size(); i++) {
          assertEquals(a.get(i).name(), b.get(i).name());
          assertEquals(a.get(i).number(), b.get(i).number());
          for (Atom x : a.get(i).atoms()) {
            Atom y = b.get(i).atom(x.name());
            assertTrue(y != null && x.distance(y) < 1e-3 && x.element() == y.element(), p + " " + x);
          }
        }
      }
    }
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void multiModelFilesHoldEveryModel(@TempDir Path dir) throws Exception {
    Structure s = TestData.read("1UAO.pdb");
    Path pdb = dir.resolve("ens.pdb");
    PdbWriter.writeModels(List.of(s, s, s), pdb);
    assertEquals(3, StructureReader.modelCount(pdb));
    // counted as the text streams by: gzip, and a file without MODEL records
    Path gz = dir.resolve("ens.pdb.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(pdb));
    }
    assertEquals(3, StructureReader.modelCount(gz));
    Path one = dir.resolve("one.pdb");
    PdbWriter.write(s, one);
    assertEquals(1, StructureReader.modelCount(one));
    assertEquals(s.atomCount(), StructureReader.read(pdb, 2).atomCount());
    assertFalse(StructureReader.read(pdb, 1).chains().isEmpty());
  }

  @Test
  void readsGzipCompressedFiles(@TempDir Path dir) throws Exception {
    Path gz = dir.resolve("x.pdb.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(TestData.corpus("1UAO.pdb")));
    }
    assertEquals(138, StructureReader.read(gz).atomCount());
  }
}
