package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.backmapping.model.ModelConfig;
import org.backmap.backmapping.model.Preset;
import org.backmap.backmapping.model.ResidueModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backmap decode} and {@code backmap score-logp} with untrained models of every chignolin type. */
class DecodeCommandTest {
  @TempDir static Path dir;
  static Path models;
  static Path cg;

  @BeforeAll
  static void models() throws IOException {
    models = dir.resolve("models");
    for (String type : new String[] {"Nterm", "GLY", "TYR", "ASP", "PRO", "GLU", "THR", "TRP"}) {
      new ResidueModel(ModelConfig.of(Preset.DEFAULT, type, 1)).save(ResidueModel.manifest(models, type), null);
    }
    cg = dir.resolve("chignolin.cg.pdb");
    Cli.Result r = Cli.run("cg", "-i", Cli.resource("chignolin/1UAO.pdb").toString(), "-o", cg.toString());
    assertEquals(0, r.exitCode(), r.toString());
  }

  @Test
  void decodesWritesTheReportAndScoresTheSameNumbersBack() throws IOException {
    Path out = dir.resolve("out.pdb");
    Path json = dir.resolve("out.json");
    Cli.Result r = Cli.run("decode", "-i", cg.toString(), "-o", out.toString(), "-n", "3", "--batch", "2", "--models", models.toString(),
        "--json", json.toString(), "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("3 structures written"), r.out());
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertEquals(3, report.get("samples").size());
    Path scores = dir.resolve("scores.json");
    Cli.Result s = Cli.run("score-logp", "-i", out.toString(), "--cg", cg.toString(), "--models", models.toString(), "--json", scores.toString());
    assertEquals(0, s.exitCode(), s.toString());
    JsonNode scored = new ObjectMapper().readTree(scores.toFile()).get("structures");
    for (int m = 0; m < 3; m++) {
      assertEquals(report.get("samples").get(m).get("logProb").asDouble(), scored.get(m).get("logProb").asDouble(), 1e-4, "model " + (m + 1));
    }
  }

  @Test
  void badInputsGiveOneLineAndNoOutput() throws IOException {
    Path out = dir.resolve("bad.pdb");
    Cli.Result missing = Cli.run("decode", "-i", cg.toString(), "-o", out.toString(), "-n", "1", "--models", dir.resolve("none").toString());
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("no model for residue type Nterm"), missing.err());
    Cli.Result noTopology = Cli.run("decode", "-i", dir.resolve("t.dcd").toString(), "-o", out.toString(), "--models", models.toString());
    assertEquals(2, noTopology.exitCode(), noTopology.toString());
    assertTrue(noTopology.err().contains("--topology"), noTopology.err());
    Cli.Result format = Cli.run("decode", "-i", cg.toString(), "-o", dir.resolve("out.xyz").toString(), "--models", models.toString());
    assertEquals(2, format.exitCode(), format.toString());
    // a CG file whose residue lost its bead names the residue
    Path noBead = dir.resolve("nobead.pdb");
    Files.write(noBead, Files.readAllLines(cg).stream().filter(l -> !(l.contains(" SC ") && l.substring(22, 26).trim().equals("4"))).toList());
    Cli.Result bead = Cli.run("decode", "-i", noBead.toString(), "-o", out.toString(), "--models", models.toString());
    assertEquals(1, bead.exitCode(), bead.toString());
    assertTrue(bead.err().contains("nobead.pdb") && bead.err().contains("PRO") && bead.err().contains("bead"), bead.err());
    assertFalse(Files.exists(out), "no partial output");
    Cli.Result wrongCount = Cli.run("score-logp", "-i", Cli.resource("chignolin/1UAO.pdb").toString(), "--cg", cg.toString(), "--models",
        models.toString());
    assertEquals(0, wrongCount.exitCode(), wrongCount.toString()); // the deposited structure scores against its own CG
  }

  @Test
  void benchReportsEveryBatchSizeAndEvaluateSummarisesAndResumes() throws IOException {
    Path json = dir.resolve("bench.json");
    Cli.Result b = Cli.run("bench", "-i", cg.toString(), "--batches", "1,3", "--repeats", "1", "--models", models.toString(), "--json", json.toString(),
        "--threads", "1");
    assertEquals(0, b.exitCode(), b.toString());
    JsonNode m = new ObjectMapper().readTree(json.toFile()).get("measurements");
    assertEquals(2, m.size());
    assertEquals(3, m.get(1).get("batch").asInt());
    assertEquals(3 / m.get(1).get("meanSeconds").asDouble(), m.get(1).get("samplesPerSecond").asDouble(), 1e-9);
    assertTrue(b.out().contains("samples/s"), b.out());

    Path out = dir.resolve("eval");
    String[] args = {"evaluate", "-i", Cli.resource("chignolin/1UAO.pdb").toString(), "-o", out.toString(), "-n", "3", "--relax-samples", "1",
        "--bootstrap", "5", "--models", models.toString(), "--threads", "1"};
    Cli.Result e = Cli.run(args);
    assertEquals(0, e.exitCode(), e.toString());
    assertTrue(e.out().contains("| backmap, all atoms |"), e.out());
    assertTrue(Files.exists(out.resolve("1UAO/target.json")) && Files.exists(out.resolve("clash.png")));
    Cli.Result again = Cli.run(args);
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.err().contains("kept from an earlier run"), again.err());

    for (String[] bad : new String[][] {{"bench", "-i", cg.toString(), "--batches", "0"}, {"bench", "-i", cg.toString(), "--repeats", "0"},
        {"evaluate", "-i", cg.toString(), "-o", out.toString(), "-n", "1"}, {"evaluate", "-i", cg.toString(), "-o", out.toString(), "-n", "3",
            "--relax-samples", "4"}}) {
      assertEquals(2, Cli.run(bad).exitCode(), String.join(" ", bad));
    }
    Cli.Result none = Cli.run("evaluate", "-i", dir.resolve("absent").toString(), "-o", dir.resolve("e2").toString(), "--models", models.toString());
    assertEquals(1, none.exitCode(), none.toString());
    assertTrue(none.err().contains("absent"), none.err());
  }
}
