package org.backmap.md.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.backmap.md.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReaderTest {
  /** Three residues written with MODEL records numbered 5 and 7 (not 1 and 2), the second model shifted in x. */
  private static final String TWO_MODELS = """
      REMARK   a header line that is not part of any model
      MODEL        5
      ATOM      1  N   ALA A   1       0.000   0.000   0.000  1.00  0.00           N
      ATOM      2  CA  ALA A   1       1.458   0.000   0.000  1.00  0.00           C
      ATOM      3  C   ALA A   1       2.009   1.420   0.000  1.00  0.00           C
      ATOM      4  O   ALA A   1       1.251   2.390   0.000  1.00  0.00           O
      ATOM      5  CB  ALA A   1       1.988  -0.773  -1.199  1.00  0.00           C
      ATOM      6  N   GLY A   2       3.332   1.536   0.000  1.00  0.00           N
      ATOM      7  CA  GLY A   2       3.988   2.839   0.000  1.00  0.00           C
      ATOM      8  C   GLY A   2       5.504   2.693   0.000  1.00  0.00           C
      ATOM      9  O   GLY A   2       6.030   1.580   0.000  1.00  0.00           O
      TER      10      GLY A   2
      ENDMDL
      MODEL        7
      ATOM      1  N   ALA A   1      10.000   0.000   0.000  1.00  0.00           N
      ATOM      2  CA  ALA A   1      11.458   0.000   0.000  1.00  0.00           C
      ATOM      3  C   ALA A   1      12.009   1.420   0.000  1.00  0.00           C
      ATOM      4  O   ALA A   1      11.251   2.390   0.000  1.00  0.00           O
      ATOM      5  CB  ALA A   1      11.988  -0.773  -1.199  1.00  0.00           C
      ATOM      6  N   GLY A   2      13.332   1.536   0.000  1.00  0.00           N
      ATOM      7  CA  GLY A   2      13.988   2.839   0.000  1.00  0.00           C
      ATOM      8  C   GLY A   2      15.504   2.693   0.000  1.00  0.00           C
      ATOM      9  O   GLY A   2      16.030   1.580   0.000  1.00  0.00           O
      TER      10      GLY A   2
      ENDMDL
      END
      """;

  private static List<Structure> readAll(Path file) {
    List<Structure> out = new ArrayList<>();
    try (ModelReader models = StructureReader.models(file)) {
      models.forEachRemaining(out::add);
    }
    return out;
  }

  private static Path write(Path file, String text) {
    try {
      if (file.getFileName().toString().endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
      } else {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path gzip(Path plain) {
    try {
      return write(plain.resolveSibling(plain.getFileName() + ".gz"), Files.readString(plain, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code s} with every atom moved by {@code dx} in x. */
  private static Structure shifted(Structure s, double dx) {
    return s.withChains(s.chains().stream().map(c -> c.withResidues(c.residues().stream()
        .map(r -> r.withAtoms(r.atoms().stream().map(a -> a.at(a.x() + dx, a.y(), a.z())).toList())).toList())).toList());
  }

  private static void assertSameAtoms(Structure expected, Structure actual, double tolerance) {
    assertEquals(expected.atomCount(), actual.atomCount());
    for (int c = 0; c < expected.chains().size(); c++) {
      assertEquals(expected.chains().get(c).id(), actual.chains().get(c).id());
      List<Residue> a = expected.chains().get(c).residues();
      List<Residue> b = actual.chains().get(c).residues();
      assertEquals(a.size(), b.size());
      for (int i = 0; i < a.size(); i++) {
        assertEquals(a.get(i).label() + a.get(i).name(), b.get(i).label() + b.get(i).name());
        for (int k = 0; k < a.get(i).atoms().size(); k++) {
          Atom x = a.get(i).atoms().get(k);
          Atom y = b.get(i).atoms().get(k);
          assertEquals(x.name(), y.name());
          assertTrue(x.distance(y) <= tolerance, x + " against " + y);
        }
      }
    }
  }

  @Test
  void readsEveryModelOfAPdbFileWithItsNumberPlainAndGzip(@TempDir Path dir) {
    Path pdb = write(dir.resolve("two.pdb"), TWO_MODELS);
    for (Path file : List.of(pdb, gzip(pdb))) {
      List<Structure> models = readAll(file);
      assertEquals(2, models.size(), file.toString());
      String name = file.getFileName().toString();
      assertEquals(List.of(name + " model 5", name + " model 7"), models.stream().map(Structure::source).toList());
      assertEquals(1.458, models.get(0).chains().get(0).residues().get(0).atom("CA").x(), 1e-9);
      assertEquals(11.458, models.get(1).chains().get(0).residues().get(0).atom("CA").x(), 1e-9);
      assertEquals(9, models.get(1).atomCount());
    }
  }

  @Test
  void writtenEnsemblesReadBackModelByModelAsPdbAndMmcifPlainAndGzip(@TempDir Path dir) {
    Structure s = TestData.read("1UAO.pdb");
    List<Structure> ensemble = List.of(s, shifted(s, 3), shifted(s, -7.5));
    Path pdb = dir.resolve("ens.pdb");
    Path cif = dir.resolve("ens.cif");
    PdbWriter.writeModels(ensemble, pdb);
    MmcifWriter.writeModels(ensemble, cif);
    for (Path file : List.of(pdb, cif, gzip(pdb), gzip(cif))) {
      List<Structure> models = readAll(file);
      assertEquals(3, models.size(), file.toString());
      for (int m = 0; m < 3; m++) {
        assertSameAtoms(ensemble.get(m), models.get(m), 1e-3);
        assertEquals(file.getFileName() + " model " + (m + 1), models.get(m).source());
      }
    }
  }

  @Test
  void aSingleModelFileIsOneStructureAsReadWouldGiveIt(@TempDir Path dir) throws IOException {
    // a deposited PDB file (one MODEL record), one without MODEL records, and a deposited mmCIF whose atom_site loop
    // follows other categories
    Path noModelRecord = write(dir.resolve("one.pdb"), Files.readAllLines(TestData.corpus("1UAO.pdb")).stream()
        .filter(l -> !l.startsWith("MODEL") && !l.startsWith("ENDMDL")).reduce("", (a, b) -> a + b + "\n"));
    Path prepare = TestData.corpusDir().resolveSibling("prepare");
    for (Path file : List.of(TestData.corpus("1UAO.pdb"), noModelRecord, prepare.resolve("1bbo.pdb.gz"), prepare.resolve("4m4b.cif.gz"))) {
      List<Structure> models = readAll(file);
      assertEquals(1, models.size(), file.toString());
      Structure whole = StructureReader.read(file);
      assertSameAtoms(whole, models.getFirst(), 0);
      assertEquals(whole.repairs(), models.getFirst().repairs(), file.toString());
    }
    assertEquals("one.pdb", readAll(noModelRecord).getFirst().source());
    assertEquals("1UAO.pdb model 1", readAll(TestData.corpus("1UAO.pdb")).getFirst().source());
  }

  @Test
  void aModelWhoseAtomsDifferFromTheFirstIsNamed(@TempDir Path dir) {
    String secondModel = TWO_MODELS.substring(TWO_MODELS.indexOf("MODEL        7"));
    String missingCb = TWO_MODELS.replace(secondModel, secondModel.replaceFirst(".*CB  ALA.*\\n", ""));
    assertEquals("bad.pdb model 7: chain A residue 1 ALA atom CB: missing (model 5 has it)", failure(dir, missingCb));
    String extraAtom = TWO_MODELS.replace(secondModel, secondModel.replace("TER ",
        "ATOM     10  OXT GLY A   2      16.030   1.580   1.200  1.00  0.00           O\nTER "));
    assertEquals("bad.pdb model 7: chain A residue 2 GLY atom OXT: not in model 5", failure(dir, extraAtom));
    String otherResidue = TWO_MODELS.replace(secondModel, secondModel.replace("GLY A   2", "GLY A   3"));
    assertEquals("bad.pdb model 7: chain A residue 3 GLY: model 5 has residue 2 GLY here", failure(dir, otherResidue));
    // the reader keeps the file's order of serial numbers: C and O swap places and serials
    String otherOrder = TWO_MODELS.replace(secondModel, secondModel
        .replace("ATOM      3  C   ALA A   1      12.009", "ATOM      4  C   ALA A   1      12.009")
        .replace("ATOM      4  O   ALA A   1      11.251", "ATOM      3  O   ALA A   1      11.251"));
    assertEquals("bad.pdb model 7: chain A residue 1 ALA: atoms in another order than in model 5: [N, CA, O, C, CB], model 5 [N, CA, C, O, CB]",
        failure(dir, otherOrder));
    String otherChain = TWO_MODELS.replace(secondModel, secondModel.replace(" A   ", " B   "));
    assertEquals("bad.pdb model 7: chain B: model 5 has chain A here", failure(dir, otherChain));
  }

  @Test
  void modelsAreReadOnlyWhenReachedSoABrokenLaterModelStillGivesTheFirst(@TempDir Path dir) {
    String broken = TWO_MODELS.replace("ATOM      7  CA  GLY A   2      13.988", "ATOM      7  CA  GLY A   2      13.98x");
    Path file = write(dir.resolve("late.pdb"), broken);
    try (ModelReader models = StructureReader.models(file)) {
      assertEquals("late.pdb model 5", models.next().source());
      StructureException e = assertThrows(StructureException.class, models::hasNext);
      // the line number is the file's, not the model's
      assertEquals("late.pdb: line 21 (CA  GLY A   2): coordinate '13.98x' is not a number", e.getMessage());
    }
  }

  @Test
  void emptyAndAtomlessFilesAreClearErrors(@TempDir Path dir) {
    assertEquals("empty.pdb: empty file", failure(write(dir.resolve("empty.pdb"), "")));
    assertEquals("blank.pdb.gz: empty file", failure(write(dir.resolve("blank.pdb.gz"), "  \n\n")));
    assertEquals("header.pdb: no atoms found: not a PDB or mmCIF file, or no ATOM records",
        failure(write(dir.resolve("header.pdb"), "REMARK nothing here\nMODEL        1\nENDMDL\nEND\n")));
    assertEquals("empty.cif: no atoms found: not a PDB or mmCIF file, or no ATOM records",
        failure(write(dir.resolve("empty.cif"), "data_x\n#\nloop_\n_atom_site.id\n_atom_site.type_symbol\n#\n")));
    Path corrupt = dir.resolve("corrupt.pdb.gz");
    write(corrupt, TWO_MODELS);
    try {
      byte[] bytes = Files.readAllBytes(corrupt);
      Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(failure(corrupt).startsWith("corrupt.pdb.gz: corrupt gzip data"), failure(corrupt));
    UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> StructureReader.models(dir.resolve("none.pdb")));
    assertTrue(missing.getMessage().contains("none.pdb"), missing.getMessage());
  }

  @Test
  void mmcifRowsAreCutByValueNotByLine(@TempDir Path dir) {
    String cif = """
        data_q
        _entry.id q
        loop_
        _some.item
        x
        loop_
        _atom_site.group_PDB
        _atom_site.id
        _atom_site.type_symbol
        _atom_site.label_atom_id
        _atom_site.label_alt_id
        _atom_site.label_comp_id
        _atom_site.label_asym_id
        _atom_site.label_entity_id
        _atom_site.label_seq_id
        _atom_site.pdbx_PDB_ins_code
        _atom_site.Cartn_x
        _atom_site.Cartn_y
        _atom_site.Cartn_z
        _atom_site.occupancy
        _atom_site.B_iso_or_equiv
        _atom_site.auth_seq_id
        _atom_site.auth_comp_id
        _atom_site.auth_asym_id
        _atom_site.auth_atom_id
        _atom_site.pdbx_PDB_model_num
        ATOM 1 N "N" . ALA A 1 1 ? 0.000 0.000 0.000 1.00 0.00 1 ALA A 'N' 1
        ATOM 2 C CA . ALA A 1 1 ? 1.458 0.000 0.000
        1.00 0.00 1 ALA A CA 1
        ATOM 3 C C . ALA A 1 1 ? 2.009 1.420 0.000 1.00 0.00 1 ALA A C 1  # a comment
        #
        loop_
        _other.item
        x
        """;
    List<Structure> models = readAll(write(dir.resolve("q.cif"), cif));
    assertEquals(1, models.size());
    assertEquals("q.cif model 1", models.getFirst().source());
    Residue ala = models.getFirst().chains().getFirst().residues().getFirst();
    assertEquals(List.of("N", "CA", "C"), ala.atoms().stream().map(Atom::name).toList());
    assertEquals(2.009, ala.atom("C").x(), 1e-9);
    assertFalse(ala.has("O"));
  }

  private static String failure(Path dir, String text) {
    return failure(write(dir.resolve("bad.pdb"), text));
  }

  private static String failure(Path file) {
    return assertThrows(StructureException.class, () -> readAll(file)).getMessage();
  }
}
