package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backmap check}: exit 0 as it is, 1 after repair, 2 unusable; many files give a tally. */
class CheckCommandTest {
  private static final Path CHIGNOLIN = Cli.resource("chignolin/1UAO.pdb");

  private static List<String> atoms() throws Exception {
    return Files.readAllLines(CHIGNOLIN).stream().filter(l -> l.startsWith("ATOM")).toList();
  }

  @Test
  void aCompleteStructureIsUsableAsItIs() {
    Cli.Result r = Cli.run("check", "-i", CHIGNOLIN.toString(), "--energy");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("1UAO.pdb: usable as it is"), r.toString());
    assertTrue(r.out().contains("energy: -1040.48"), r.toString());
  }

  @Test
  void missingAtomsAndABreakNeedRepairAndAreListedPerResidue(@TempDir Path dir) throws Exception {
    List<String> lines = atoms().stream().filter(l -> !(l.substring(22, 26).strip().equals("5")))
        .filter(l -> !(l.substring(22, 26).strip().equals("9") && l.substring(12, 16).strip().equals("CZ2"))).toList();
    Path in = Files.write(dir.resolve("gap.pdb"), lines);
    Cli.Result r = Cli.run("check", "-i", in.toString(), "--json");
    assertEquals(1, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("repair", json.get("status").asText());
    String repairs = json.get("repairs").toString();
    assertTrue(repairs.contains("chain A residue 9 TRP: rebuilt missing heavy atoms [CZ2]"), repairs);
    assertTrue(repairs.contains("break between residues 4 and 6"), repairs);
  }

  @Test
  void manyFilesGiveOneLineEachAndATallyOfProblemKinds(@TempDir Path dir) throws Exception {
    Files.copy(CHIGNOLIN, dir.resolve("a.pdb"));
    Files.write(dir.resolve("b.pdb"), atoms().stream().map(l -> l.substring(22, 26).strip().equals("4") ? l.substring(0, 17) + "XYZ" + l.substring(20) : l).toList());
    Files.writeString(dir.resolve("c.pdb"), "");
    Files.writeString(dir.resolve("notes.txt"), "not a structure");
    Cli.Result r = Cli.run("check", "-i", dir.toString());
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.out().contains("ok       a.pdb"), r.toString());
    assertTrue(r.out().contains("UNUSABLE b.pdb  b.pdb: chain A residue 4 XYZ: unknown residue XYZ"), r.toString());
    assertTrue(r.out().contains("3 files: 1 usable as they are, 0 after repair, 2 unusable (33.3 % usable)"), r.toString());
    assertTrue(r.out().contains("1 files: unknown residue XYZ"), r.toString());
    assertTrue(r.out().contains("1 files: empty file"), r.toString());
  }
}
