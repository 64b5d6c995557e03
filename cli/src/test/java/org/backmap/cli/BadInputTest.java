package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world and broken inputs, each through {@code cg} (and {@code energy} where energies matter): usable ones
 * go through, with what was repaired on stderr; broken ones fail with exit code 1 and one line naming the file
 * and the problem, and leave no output file and no temporary file behind.
 */
class BadInputTest {
  /** Chignolin (1UAO model 1) with hydrogens: ATOM records only. */
  private static final List<String> ATOMS = read("chignolin/1UAO.pdb").stream().filter(l -> l.startsWith("ATOM")).toList();
  /** The same without hydrogens. */
  private static final List<String> HEAVY = ATOMS.stream().filter(l -> !l.substring(76, 78).strip().equals("H")).toList();

  private static List<String> read(String resource) {
    try {
      return Files.readAllLines(Cli.resource(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pdb(List<String> lines) {
    return String.join("\n", lines) + "\nEND\n";
  }

  private static String atomName(String line) {
    return line.substring(12, 16).strip();
  }

  private static int resSeq(String line) {
    return Integer.parseInt(line.substring(22, 26).strip());
  }

  private static List<String> map(List<String> lines, UnaryOperator<String> f) {
    return lines.stream().map(f).toList();
  }

  private static List<String> withWaterAndIon(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.add("TER");
    out.add("HETATM  200  O   HOH A 101      10.000  10.000  10.000  1.00  0.00           O");
    out.add("HETATM  201  O   HOH A 102      12.000  10.000  10.000  1.00  0.00           O");
    out.add("HETATM  202 ZN    ZN A 103      14.000  10.000  10.000  1.00  0.00          ZN");
    return out;
  }

  private static String twoModels() {
    List<String> out = new ArrayList<>(List.of("MODEL        1"));
    out.addAll(HEAVY);
    out.addAll(List.of("ENDMDL", "MODEL        2"));
    out.addAll(HEAVY);
    out.addAll(List.of("ENDMDL", "END"));
    return String.join("\n", out) + "\n";
  }

  private static String mmcif(List<String> lines) {
    StringBuilder s = new StringBuilder("data_test\nloop_\n_atom_site.group_PDB\n_atom_site.id\n_atom_site.type_symbol\n"
        + "_atom_site.label_atom_id\n_atom_site.label_alt_id\n_atom_site.label_comp_id\n_atom_site.label_asym_id\n"
        + "_atom_site.label_entity_id\n_atom_site.label_seq_id\n_atom_site.pdbx_PDB_ins_code\n_atom_site.Cartn_x\n"
        + "_atom_site.Cartn_y\n_atom_site.Cartn_z\n_atom_site.occupancy\n_atom_site.B_iso_or_equiv\n_atom_site.auth_seq_id\n"
        + "_atom_site.auth_asym_id\n_atom_site.pdbx_PDB_model_num\n");
    int id = 1;
    for (String l : lines) {
      s.append(String.format(Locale.ROOT, "ATOM %d %s %s . %s A 1 %d ? %s %s %s 1.00 0.00 %d A 1%n", id++, l.substring(76, 78).strip(),
          atomName(l), l.substring(17, 20), resSeq(l), l.substring(30, 38).strip(), l.substring(38, 46).strip(),
          l.substring(46, 54).strip(), resSeq(l)));
    }
    return s.toString();
  }

  private static byte[] gzip(String text) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(text.getBytes(StandardCharsets.US_ASCII));
      gz.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One case: file name, content, the exit code of {@code cg}, and what stdout+stderr must say. */
  static Stream<Arguments> cases() {
    String heavy = pdb(HEAVY);
    return Stream.of(
        // --- broken: exit 1, one line naming the file
        Arguments.of("empty file", "empty.pdb", "", 1, "empty.pdb: empty file"),
        Arguments.of("blank lines only", "blank.pdb", "\n\n   \n", 1, "blank.pdb: empty file"),
        Arguments.of("text that is no structure", "prose.pdb", "Dear reader,\nthis is a letter.\n", 1, "prose.pdb: no atoms found"),
        Arguments.of("binary garbage", "noise.pdb", new String(new byte[] {1, 2, 3, (byte) 0xff, 0, 7, 9}, StandardCharsets.ISO_8859_1), 1, "noise.pdb:"),
        Arguments.of("corrupt gzip", "broken.pdb.gz", new String(new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, StandardCharsets.ISO_8859_1), 1, "corrupt gzip"),
        Arguments.of("truncated last line", "cut.pdb", pdb(HEAVY).substring(0, heavy.indexOf(HEAVY.getLast()) + 40), 1, "is truncated"),
        Arguments.of("coordinates that are not numbers", "letters.pdb",
            pdb(map(HEAVY, l -> resSeq(l) == 3 && atomName(l).equals("CB") ? l.substring(0, 30) + "   abcde" + l.substring(38) : l)), 1, "is not a number"),
        Arguments.of("NaN coordinates", "nan.pdb",
            pdb(map(HEAVY, l -> resSeq(l) == 3 && atomName(l).equals("CB") ? l.substring(0, 30) + "     NaN" + l.substring(38) : l)), 1, "not finite"),
        Arguments.of("unknown residue", "xyz.pdb", pdb(map(HEAVY, l -> resSeq(l) == 4 ? l.substring(0, 17) + "XYZ" + l.substring(20) : l)), 1,
            "residue 4 XYZ: unknown residue XYZ"),
        Arguments.of("duplicated heavy atom", "dup.pdb", pdb(map(HEAVY, l -> resSeq(l) == 2 && atomName(l).equals("CG") ? l.substring(0, 12) + " CD1" + l.substring(16) : l)), 1,
            "residue 2 TYR atom CD1: duplicated atom"),
        Arguments.of("waters and ions only", "water.pdb", pdb(withWaterAndIon(List.of())), 1, "no protein residues"),
        Arguments.of("non-protein element on a protein atom", "zinc.pdb",
            pdb(map(HEAVY, l -> resSeq(l) == 5 && atomName(l).equals("CB") ? l.substring(0, 76) + "ZN" : l)), 1, "atom CB: element 'Zn' is not a protein element"),
        Arguments.of("one residue only", "lone.pdb", pdb(HEAVY.stream().filter(l -> resSeq(l) == 5).toList()), 1, "no usable protein residues"),
        Arguments.of("no CA atoms", "noca.pdb", pdb(HEAVY.stream().filter(l -> !atomName(l).equals("CA")).toList()), 1, "no usable protein residues"),
        Arguments.of("mmCIF garbage", "bad.cif", "data_x\nloop_\n_atom_site.id\n1\n", 1, "bad.cif:"),
        Arguments.of("a capping group (left out of the CG)", "capped.pdb",
            pdb(Stream.concat(Stream.of("ATOM      0  C   ACE A   0      -7.600  -2.400   4.600  1.00  0.00           C",
                "ATOM      0  O   ACE A   0      -7.300  -3.500   5.000  1.00  0.00           O",
                "ATOM      0  CH3 ACE A   0      -9.000  -1.900   4.800  1.00  0.00           C"), HEAVY.stream()).toList()),
            0, "capping groups have no CG form"),
        // --- usable, possibly after repair: exit 0, the repair named on stderr
        Arguments.of("as it is", "ok.pdb", pdb(ATOMS), 0, "10 residues"),
        Arguments.of("heavy atoms only", "heavy.pdb", heavy, 0, "added"),
        Arguments.of("CRLF line ends", "crlf.pdb", heavy.replace("\n", "\r\n"), 0, "10 residues"),
        Arguments.of("lowercase names", "lower.pdb", pdb(map(HEAVY, l -> l.substring(0, 12) + l.substring(12, 20).toLowerCase(Locale.ROOT) + l.substring(20))), 0, "10 residues"),
        Arguments.of("no element column", "noelement.pdb", pdb(map(HEAVY, l -> l.substring(0, 66))), 0, "10 residues"),
        Arguments.of("element column contradicting the name", "element.pdb",
            pdb(map(HEAVY, l -> resSeq(l) == 3 && atomName(l).equals("OD1") ? l.substring(0, 76) + " C" : l)), 0, "element column contradicts"),
        Arguments.of("mmCIF named .pdb", "really-cif.pdb", mmcif(HEAVY), 0, "10 residues"),
        Arguments.of("gzip", "zipped.pdb.gz", new String(gzip(heavy), StandardCharsets.ISO_8859_1), 0, "10 residues"),
        Arguments.of("insertion codes", "ins.pdb", pdb(map(HEAVY, l -> resSeq(l) >= 6 ? l.substring(0, 22) + String.format("%4d", 5) + (char) ('A' + resSeq(l) - 6) + l.substring(27) : l)), 0, "10 residues"),
        Arguments.of("alternate locations", "altloc.pdb", pdb(HEAVY.stream().flatMap(l -> resSeq(l) == 7 && !List.of("N", "CA", "C", "O").contains(atomName(l))
            ? Stream.of(l.substring(0, 16) + "A" + l.substring(17, 54) + "  0.60" + l.substring(60), l.substring(0, 16) + "B" + l.substring(17, 30)
                + String.format(Locale.ROOT, "%8.3f", Double.parseDouble(l.substring(30, 38)) + 0.5) + l.substring(38, 54) + "  0.40" + l.substring(60))
            : Stream.of(l)).toList()), 0, "altloc"),
        Arguments.of("waters, ions and ligands", "solvated.pdb", pdb(withWaterAndIon(HEAVY)), 0, "dropped 2 x water"),
        Arguments.of("several models", "models.pdb", twoModels(), 0, "2 models; read model 1"),
        Arguments.of("amino acids written as HETATM", "hetatm.pdb", pdb(map(HEAVY, l -> resSeq(l) == 4 ? "HETATM" + l.substring(6) : l)), 0, "written as HETATM"),
        Arguments.of("selenomethionine", "mse.pdb", pdb(map(HEAVY, l -> resSeq(l) == 5
            ? "HETATM" + l.substring(6, 17) + "MSE" + l.substring(20) : l)), 0, "modified residue read as"),
        Arguments.of("missing side-chain atoms", "noring.pdb", pdb(HEAVY.stream().filter(l -> !(resSeq(l) == 9 && atomName(l).matches("C[DEZH].*|NE1"))).toList()), 0,
            "rebuilt missing heavy atoms"),
        Arguments.of("a chain break", "gap.pdb", pdb(HEAVY.stream().filter(l -> resSeq(l) != 5).toList()), 0, "chain split there"),
        Arguments.of("residue without backbone", "nobackbone.pdb", pdb(HEAVY.stream().filter(l -> !(resSeq(l) == 6 && atomName(l).equals("N"))).toList()), 0,
            "backbone atoms [N] missing"),
        Arguments.of("misnamed hydrogens", "badh.pdb", pdb(map(ATOMS, l -> resSeq(l) == 4 && atomName(l).equals("HA") ? l.substring(0, 12) + " HQ " + l.substring(16) : l)), 0,
            "dropped its hydrogens"),
        Arguments.of("deuterium", "neutron.pdb", pdb(map(ATOMS, l -> resSeq(l) == 8 && l.substring(76, 78).strip().equals("H") ? l.substring(0, 12) + " D" + l.substring(14, 76) + " D" : l)), 0,
            "deuterium"),
        Arguments.of("duplicated chains", "twochains.pdb", pdb(Stream.concat(HEAVY.stream(), Stream.concat(Stream.of("TER"),
            map(HEAVY, l -> l.substring(0, 21) + "B" + l.substring(22, 30) + String.format(Locale.ROOT, "%8.3f", Double.parseDouble(l.substring(30, 38)) + 30) + l.substring(38)).stream())).toList()),
            0, "20 residues"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void cgSaysWhatHappenedAndWritesOnlyOnSuccess(String what, String fileName, String content, int exitCode, String says, @TempDir Path dir) throws Exception {
    Path in = dir.resolve(fileName);
    Files.write(in, content.getBytes(StandardCharsets.ISO_8859_1));
    Path out = dir.resolve("cg-out.pdb");
    Cli.Result r = Cli.run("cg", "-i", in.toString(), "-o", out.toString());
    assertEquals(exitCode, r.exitCode(), what + "\n" + r);
    assertTrue((r.out() + r.err()).contains(says), what + ": expected '" + says + "'\n" + r);
    if (exitCode == 0) {
      assertTrue(Files.size(out) > 0, what);
    } else {
      // notes may come first; the error is one line, the last
      assertEquals(1, r.err().lines().filter(l -> l.contains("error")).count(), what + ": one error line\n" + r);
      assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("backmap cg: error: " + fileName), what + "\n" + r);
      assertEquals(List.of(fileName), Cli.files(dir), what + ": no output, no temporary file");
    }
  }

  static Stream<Arguments> energyCases() {
    List<String> overlapping = new ArrayList<>(HEAVY);
    String cb = HEAVY.stream().filter(l -> resSeq(l) == 3 && atomName(l).equals("CB")).findFirst().orElseThrow();
    // a second copy of residue 8's CB moved onto residue 3's CB
    String ca8 = HEAVY.stream().filter(l -> resSeq(l) == 8 && atomName(l).equals("CB")).findFirst().orElseThrow();
    overlapping.set(HEAVY.indexOf(ca8), ca8.substring(0, 30) + String.format(Locale.ROOT, "%8.3f", Double.parseDouble(cb.substring(30, 38)) + 0.1) + cb.substring(38));
    return Stream.of(
        Arguments.of("overlapping atoms", pdb(overlapping), List.<String>of(), 1, "apart"),
        Arguments.of("overlapping atoms, allowed", pdb(overlapping), List.of("--allow-close-atoms"), 0, "total"),
        Arguments.of("missing atoms without repair", pdb(HEAVY.stream().filter(l -> !(resSeq(l) == 2 && atomName(l).equals("OH"))).toList()), List.of("--no-repair"), 1,
            "atom OH"),
        Arguments.of("a chain break without repair", pdb(HEAVY.stream().filter(l -> resSeq(l) != 5).toList()), List.of("--no-repair"), 1, "break between residues 4 and 6"),
        Arguments.of("a model the file lacks", pdb(HEAVY), List.of("--model", "5"), 1, "model 5 requested but the file has 1"),
        Arguments.of("model 0", pdb(HEAVY), List.of("--model", "0"), 2, "--model must be at least 1"),
        Arguments.of("the second model", twoModels(), List.of("--model", "2"), 0, "read model 2"),
        Arguments.of("a pH outside 0..14", pdb(HEAVY), List.of("--ph", "20"), 2, "pH"),
        Arguments.of("a protonation state that does not fit the residue", pdb(HEAVY), List.of("--protonation", "A:3=HID"), 2, "A:3"),
        Arguments.of("a protonation state for a residue the file lacks", pdb(HEAVY), List.of("--protonation", "A:99=ASH"), 2, "A:99"),
        Arguments.of("a protonation state chosen", pdb(HEAVY), List.of("--protonation", "A:3=ASH"), 0, "A 3 ASP -> ASH (override)"),
        Arguments.of("a protonation state that replaces the file's hydrogens", pdb(ATOMS), List.of("--protonation", "A:5=GLH"), 0, "A 5 GLU -> GLH (override)"),
        Arguments.of("low pH", pdb(HEAVY), List.of("--ph", "3"), 0, "A 3 ASP -> ASH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("energyCases")
  void energyRefusesWhatWouldMakeItMeaningless(String what, String content, List<String> options, int exitCode, String says, @TempDir Path dir) throws Exception {
    Path in = Files.writeString(dir.resolve("in.pdb"), content);
    List<String> args = new ArrayList<>(List.of("energy", "-i", in.toString(), "--threads", "1"));
    args.addAll(options);
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(exitCode, r.exitCode(), what + "\n" + r);
    assertTrue((r.out() + r.err()).contains(says), what + ": expected '" + says + "'\n" + r);
    if (exitCode == 1) {
      // notes may come first; the error is one line, the last
      assertEquals(1, r.err().lines().filter(l -> l.contains("error")).count(), what + ": one error line\n" + r);
      assertTrue(r.err().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("backmap energy: error: in.pdb"), what + "\n" + r);
    }
  }

  @org.junit.jupiter.api.Test
  void aHundredThousandAtomsGoThroughCg(@TempDir Path dir) throws Exception {
    // 730 copies of chignolin side by side as chains of an mmCIF file: 100,740 atoms with hydrogens
    StringBuilder cif = new StringBuilder(mmcif(List.of()));
    int id = 1;
    for (int copy = 0; copy < 730; copy++) {
      String chain = "C" + copy;
      for (String l : ATOMS) {
        cif.append(String.format(Locale.ROOT, "ATOM %d %s %s . %s %s 1 %d ? %.3f %s %s 1.00 0.00 %d %s 1%n", id++, l.substring(76, 78).strip(), atomName(l),
            l.substring(17, 20), chain, resSeq(l), Double.parseDouble(l.substring(30, 38)) + 25 * (copy % 30), l.substring(38, 46).strip(),
            String.format(Locale.ROOT, "%.3f", Double.parseDouble(l.substring(46, 54)) + 25 * (copy / 30)), resSeq(l), chain));
      }
    }
    Path in = Files.writeString(dir.resolve("big.cif"), cif);
    Cli.Result r = Cli.run("cg", "-i", in.toString(), "-o", dir.resolve("big-cg.pdb").toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("7300 residues"), r.toString());
  }

}
