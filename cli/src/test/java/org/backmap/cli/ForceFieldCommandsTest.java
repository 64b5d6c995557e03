package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code energy}, {@code minimize} and {@code md} on chignolin (1UAO, with hydrogens). */
class ForceFieldCommandsTest {
  private static final Path CHIGNOLIN = Path.of(System.getProperty("backmap.shared.dir", "../../shared"), "data/pdb/chignolin/1UAO.pdb");

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void energyPrintsEveryTermAsJson() throws Exception {
    StringWriter out = new StringWriter(), err = new StringWriter();
    assertEquals(0, run(out, err, "energy", "-i", CHIGNOLIN.toString(), "--json", "--threads", "1"), err.toString());
    JsonNode r = new ObjectMapper().readTree(out.toString());
    assertEquals(138, r.get("atoms").asInt());
    double sum = 0;
    for (String k : List.of("bond", "angle", "torsion", "lj", "coulomb", "gb_polar", "gb_surface")) {
      sum += r.get("energies_kJ_per_mol").get(k).asDouble();
    }
    assertEquals(sum, r.get("total_kJ_per_mol").asDouble(), 1e-9 * Math.abs(sum));
  }

  @Test
  void minimizeLowersTheEnergyAndWritesPdb(@TempDir Path dir) throws Exception {
    Path outPdb = dir.resolve("min.pdb");
    StringWriter out = new StringWriter(), err = new StringWriter();
    assertEquals(0, run(out, err, "minimize", "-i", CHIGNOLIN.toString(), "-o", outPdb.toString(), "--max-iterations", "50", "--threads", "1"), err.toString());
    assertTrue(Files.size(outPdb) > 0);
    StringWriter out2 = new StringWriter();
    run(out2, new StringWriter(), "energy", "-i", outPdb.toString(), "--json", "--threads", "1");
    StringWriter out3 = new StringWriter();
    run(out3, new StringWriter(), "energy", "-i", CHIGNOLIN.toString(), "--json", "--threads", "1");
    double after = new ObjectMapper().readTree(out2.toString()).get("total_kJ_per_mol").asDouble();
    double before = new ObjectMapper().readTree(out3.toString()).get("total_kJ_per_mol").asDouble();
    assertTrue(after < before - 100, before + " -> " + after);
  }

  @Test
  void replicaExchangeWritesTrajectoriesAndEnergies(@TempDir Path dir) throws Exception {
    String prefix = dir.resolve("run").toString();
    StringWriter out = new StringWriter(), err = new StringWriter();
    assertEquals(0, run(out, err, "md", "-i", CHIGNOLIN.toString(), "-o", prefix, "--ps", "0.4", "--report-ps", "0.1",
        "--exchange-ps", "0.2", "--replicas", "2", "--pdb", "--threads", "2", "--seed", "3"), err.toString());
    Path dcd = Path.of(prefix + ".dcd");
    // header 196 bytes + 4 frames of 3 records (8 + 4 * 138 bytes)
    assertEquals(196 + 4 * 3 * (8 + 4 * 138), Files.size(dcd));
    List<String> csv = Files.readAllLines(Path.of(prefix + ".csv"));
    assertEquals(1 + 4 * 2, csv.size());
    assertTrue(csv.get(0).startsWith("replica,temperature_K,step,time_ps"));
    assertEquals(4, Files.readAllLines(Path.of(prefix + ".pdb")).stream().filter(l -> l.startsWith("MODEL")).count());
    assertTrue(out.toString().contains("exchange 300.0 K <-> 450.0 K"), out.toString());
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
    }
  }
}
