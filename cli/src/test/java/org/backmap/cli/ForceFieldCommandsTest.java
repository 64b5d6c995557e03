package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code energy}, {@code minimize} and {@code md} on chignolin (1UAO model 1, with hydrogens). Energies are compared
 * with OpenMM 7.7's, stored in {@code chignolin/1UAO-openmm-energy.json} by
 * {@code cli/src/test/python/chignolin_reference.py}.
 */
class ForceFieldCommandsTest {
  private static final Path CHIGNOLIN = Cli.resource("chignolin/1UAO.pdb");
  private static final List<String> TERMS = List.of("bond", "angle", "torsion", "lj", "coulomb", "gb_polar", "gb_surface");

  private static JsonNode energyJson(Path pdb) throws Exception {
    Cli.Result r = Cli.run("energy", "-i", pdb.toString(), "--json", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void energyEqualsOpenMmTermByTerm() throws Exception {
    JsonNode ours = energyJson(CHIGNOLIN);
    JsonNode openmm = new ObjectMapper().readTree(Cli.resource("chignolin/1UAO-openmm-energy.json").toFile());
    assertEquals(138, ours.get("atoms").asInt());
    assertEquals(0, ours.get("addedHydrogens").asInt());
    for (String term : TERMS) {
      double expected = openmm.get(term).asDouble();
      assertEquals(expected, ours.get("energies_kJ_per_mol").get(term).asDouble(), 1e-6 * Math.abs(expected), term);
    }
    assertEquals(openmm.get("total").asDouble(), ours.get("total_kJ_per_mol").asDouble(), 1e-6 * Math.abs(openmm.get("total").asDouble()));
    assertEquals(openmm.get("rms_force").asDouble(), ours.get("rms_force_kJ_per_mol_nm").asDouble(), 1e-6 * openmm.get("rms_force").asDouble());
  }

  @Test
  void energyTextNamesEveryTerm() {
    Cli.Result r = Cli.run("energy", "-i", CHIGNOLIN.toString(), "--threads", "2");
    assertEquals(0, r.exitCode(), r.toString());
    for (String term : TERMS) {
      assertTrue(r.out().contains(term), r.toString());
    }
    assertTrue(r.out().contains("rms force"), r.toString());
  }

  @Test
  void minimizeLowersTheEnergyAndWritesPdb(@TempDir Path dir) throws Exception {
    Path outPdb = dir.resolve("min.pdb");
    Cli.Result r = Cli.run("minimize", "-i", CHIGNOLIN.toString(), "-o", outPdb.toString(), "--max-iterations", "50", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    double before = energyJson(CHIGNOLIN).get("total_kJ_per_mol").asDouble();
    double after = energyJson(outPdb).get("total_kJ_per_mol").asDouble();
    assertTrue(after < before - 100, before + " -> " + after);
  }

  @Test
  void impossibleOptionsAreUsageErrorsAndWriteNothing(@TempDir Path dir) {
    String out = dir.resolve("x.pdb").toString();
    String prefix = dir.resolve("run").toString();
    String in = CHIGNOLIN.toString();
    List<String[]> bad = List.of(
        new String[] {"minimize", "-i", in, "-o", out, "--tolerance", "-1"},
        new String[] {"minimize", "-i", in, "-o", out, "--tolerance", "NaN"},
        new String[] {"minimize", "-i", in, "-o", out, "--max-iterations", "-5"},
        new String[] {"md", "-i", in, "-o", prefix, "--dt", "0"},
        new String[] {"md", "-i", in, "-o", prefix, "--dt", "-0.001"},
        new String[] {"md", "-i", in, "-o", prefix, "--ps", "Infinity"},
        new String[] {"md", "-i", in, "-o", prefix, "--friction", "-1"},
        new String[] {"md", "-i", in, "-o", prefix, "--temperature", "0"},
        new String[] {"md", "-i", in, "-o", prefix, "--ps", "1", "--report-ps", "2"},
        new String[] {"md", "-i", in, "-o", prefix, "--precision", "single"},
        new String[] {"md", "-i", in, "-o", prefix, "--restrain-cg", "1000", "--restrain-heavy", "1000"},
        new String[] {"md", "-i", in, "-o", prefix, "--restrain-cg", "-5"},
        new String[] {"energy", "-i", in, "--threads", "0"});
    for (String[] args : bad) {
      Cli.Result r = Cli.run(args);
      assertEquals(ErrorReport.USAGE, r.exitCode(), String.join(" ", args) + "\n" + r);
      assertTrue(r.err().contains("Usage:"), r.toString());
    }
    assertEquals(List.of(), Cli.files(dir));
  }

  @Test
  void replicaExchangeWritesTrajectoriesAndEnergies(@TempDir Path dir) throws Exception {
    String prefix = dir.resolve("run").toString();
    Cli.Result r = Cli.run("md", "-i", CHIGNOLIN.toString(), "-o", prefix, "--ps", "0.4", "--report-ps", "0.1",
        "--exchange-ps", "0.2", "--replicas", "2", "--pdb", "--threads", "2", "--seed", "3", "--precision", "mixed");
    assertEquals(0, r.exitCode(), r.toString());
    Path dcd = Path.of(prefix + ".dcd");
    // header 196 bytes + 4 frames of 3 records (8 + 4 * 138 bytes)
    assertEquals(196 + 4 * 3 * (8 + 4 * 138), Files.size(dcd));
    List<String> csv = Files.readAllLines(Path.of(prefix + ".csv"));
    assertEquals(1 + 4 * 2, csv.size());
    assertTrue(csv.get(0).startsWith("replica,temperature_K,step,time_ps"));
    assertEquals(4, Files.readAllLines(Path.of(prefix + ".pdb")).stream().filter(l -> l.startsWith("MODEL")).count());
    assertTrue(r.out().contains("exchange 300.0 K <-> 450.0 K"), r.toString());
    assertFalse(Cli.files(dir).stream().anyMatch(f -> f.endsWith(".tmp")), "temporary files left behind: " + Cli.files(dir));
  }

  @Test
  void cgAtomRestraintsHoldTheCgAtomsAndLetTheSideChainsMove(@TempDir Path dir) throws Exception {
    String prefix = dir.resolve("held").toString();
    Cli.Result r = Cli.run("md", "-i", CHIGNOLIN.toString(), "-o", prefix, "--ps", "0.5", "--report-ps", "0.25", "--restrain-cg", "200000",
        "--pdb", "--threads", "1", "--seed", "2", "--no-minimize");
    assertEquals(0, r.exitCode(), r.toString());
    var start = org.backmap.md.protein.PreparedProtein.read(CHIGNOLIN).structure();
    var end = org.backmap.md.structure.StructureReader.read(Path.of(prefix + ".pdb"), 1);
    double cgMax = 0;
    double sideSum = 0;
    int side = 0;
    var a = start.chains().get(0).residues();
    var b = end.chains().get(0).residues();
    for (int i = 0; i < a.size(); i++) {
      for (var atom : a.get(i).atoms()) {
        double d = atom.distance(b.get(i).atom(atom.name()));
        if (org.backmap.md.cg.CgMapper.KEPT.contains(atom.name())) {
          cgMax = Math.max(cgMax, d);
        } else if (atom.element() != org.backmap.md.structure.Element.H) {
          sideSum += d;
          side++;
        }
      }
    }
    // 200,000 kJ/mol/nm^2 at 300 K: about 0.035 A per axis of thermal spread
    assertTrue(cgMax < 0.3, "largest CG-atom displacement " + cgMax + " A");
    assertTrue(sideSum / side > 2 * cgMax / 3, "side-chain heavy atoms move more freely: mean " + sideSum / side + " A, CG max " + cgMax + " A");
  }
}
