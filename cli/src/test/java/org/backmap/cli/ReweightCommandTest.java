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

/** {@code backmap reweight} with the shipped models on the NMR models of chignolin; bad options and inputs. */
class ReweightCommandTest {
  private static final Path CHIGNOLIN = Cli.resource("chignolin/1UAO.pdb");

  @Test
  void weightsOfSamplesDrawnFromTheNmrModels(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("w.csv");
    Path json = dir.resolve("w.json");
    Cli.Result r = Cli.run("reweight", "-i", CHIGNOLIN.toString(), "--cg-model", "cluster-uniform", "--cutoff", "1.0", "-n", "12", "--batch", "5",
        "-o", csv.toString(), "--json", json.toString(), "--reference", CHIGNOLIN.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> rows = Files.readAllLines(csv);
    assertEquals(13, rows.size());
    JsonNode s = new ObjectMapper().readTree(json.toFile());
    assertEquals(12, s.get("samples").asLong());
    assertEquals("uniform", s.get("choice").asText());
    double ess = s.get("kishEss").asDouble();
    assertTrue(ess >= 1 - 1e-9 && ess <= 12 + 1e-9, "Kish ESS between 1 and N: " + ess);
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      double logW = -Double.parseDouble(c[6]) / (8.314462618e-3 * 300) + Double.parseDouble(c[5]) - Double.parseDouble(c[3]) - Double.parseDouble(c[4]);
      assertEquals(logW, Double.parseDouble(c[7]), 1e-5 * Math.max(1, Math.abs(logW)), row);
    }
    assertTrue(r.out().contains("Kish ESS"), r.out());
  }

  @Test
  void badOptionsAndInputsFailWithoutFiles(@TempDir Path dir) {
    String out = dir.resolve("w.csv").toString();
    String in = CHIGNOLIN.toString();
    for (String[] args : List.of(new String[] {"reweight", "-i", in, "-o", out, "--cg-model", "flow"},
        new String[] {"reweight", "-i", in, "-o", out, "--cutoff", "0"}, new String[] {"reweight", "-i", in, "-o", out, "-n", "0"},
        new String[] {"reweight", "-i", in, "-o", out, "--temperature", "-3"},
        new String[] {"reweight", "-i", in, "-o", out, "--topology", in})) {
      Cli.Result r = Cli.run(args);
      assertEquals(ErrorReport.USAGE, r.exitCode(), String.join(" ", args) + "\n" + r);
    }
    Cli.Result skipped = Cli.run("reweight", "-i", in, "-o", out, "--skip", "1000");
    assertEquals(1, skipped.exitCode(), skipped.toString());
    assertTrue(skipped.err().contains("no frame"), skipped.err());
    assertEquals(List.of(), Cli.files(dir));
  }
}
