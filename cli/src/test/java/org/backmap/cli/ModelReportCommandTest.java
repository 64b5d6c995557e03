package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.backmap.backmapping.model.ResidueModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelReportCommandTest {
  @TempDir
  static Path dir;
  static Path dataset;
  static Path models;

  @BeforeAll
  static void extractAndTrain() throws IOException {
    Path in = Files.createDirectories(dir.resolve("prepared"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("a.pdb"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("b.pdb"));
    dataset = dir.resolve("dataset");
    Cli.Result r = Cli.run("extract", "-i", in.toString(), "-o", dataset.toString(), "--split-every", "2", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    models = dir.resolve("models");
    Cli.Result t = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", models.toString(),
        "--epochs", "1", "--threads", "1");
    assertEquals(0, t.exitCode(), t.toString());
  }

  @Test
  void writesTheReportAndTheModelsManifest() throws IOException {
    Path out = dir.resolve("report");
    Cli.Result r = Cli.run("model-report", "--models", models.toString(), "--data", dataset.toString(), "-o",
        out.toString(), "--samples", "200", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("THR: 2 examples, NLL "), r.toString());
    assertTrue(r.out().contains(", JS chi1 "), r.toString());
    assertTrue(r.out().contains("GLY: skipped, no model in " + models), r.toString());
    assertTrue(r.out().contains("largest JS divergence of chi1/chi2: "), r.toString());
    assertTrue(r.err().contains("THR (1/1)") && r.err().contains("ETA"), r.toString());
    assertTrue(Files.isRegularFile(out.resolve("model-report.json")), r.toString());
    assertTrue(Files.readString(out.resolve("model-report.md")).contains("| THR | 2 | "), r.toString());
    assertNotNull(ImageIO.read(out.resolve("plots").resolve("THR-chi.png").toFile()));
    assertNotNull(ImageIO.read(out.resolve("plots").resolve("THR-chi1-environments.png").toFile()));
    assertTrue(Files.readString(models.resolve("manifest.json")).contains("\"laplaceScaleAngstrom\""));
    assertTrue(Files.readString(ResidueModel.manifest(models, "THR")).contains("\"laplaceScaleAngstrom\""));
  }

  @Test
  void badInputsGiveOneLineNamingTheFile() throws IOException {
    String data = dataset.toString();
    String out = dir.resolve("bad").toString();
    Path none = dir.resolve("no-such-models");
    Cli.Result missing = Cli.run("model-report", "--models", none.toString(), "--data", data, "-o", out);
    assertEquals(ErrorReport.INPUT, missing.exitCode(), missing.toString());
    assertEquals("backmap model-report: error: " + none + ": models folder does not exist", missing.err().strip(),
        missing.toString());

    Path empty = Files.createDirectories(dir.resolve("empty-models"));
    Cli.Result noModels = Cli.run("model-report", "--models", empty.toString(), "--data", data, "-o", out);
    assertEquals(ErrorReport.INPUT, noModels.exitCode(), noModels.toString());
    assertEquals("backmap model-report: error: no models in " + empty + ": no folder of it holds a model.json",
        noModels.err().strip(), noModels.toString());

    Path wrong = dir.resolve("wrong-models");
    ResidueModel.load(models, "THR").save(ResidueModel.manifest(wrong, "SER"), null);
    Cli.Result other = Cli.run("model-report", "--models", wrong.toString(), "--data", data, "-o", out);
    assertEquals(ErrorReport.INPUT, other.exitCode(), other.toString());
    assertTrue(other.err().startsWith("backmap model-report: error: " + ResidueModel.manifest(wrong, "SER")
        + " holds a model of THR, not of SER"), other.toString());
    assertEquals(1, other.err().strip().lines().count(), other.toString());

    Path garbage = dir.resolve("garbage-models");
    Files.createDirectories(garbage.resolve("THR"));
    Files.writeString(ResidueModel.manifest(garbage, "THR"), "not a checkpoint");
    Cli.Result unreadable = Cli.run("model-report", "--models", garbage.toString(), "--data", data, "-o", out);
    assertEquals(ErrorReport.INPUT, unreadable.exitCode(), unreadable.toString());
    assertTrue(unreadable.err().contains(ResidueModel.manifest(garbage, "THR").toString()), unreadable.toString());
    assertEquals(1, unreadable.err().strip().lines().count(), unreadable.toString());

    Path noData = dir.resolve("no-such-dataset");
    Cli.Result dataMissing = Cli.run("model-report", "--models", models.toString(), "--data", noData.toString(), "-o", out);
    assertEquals(ErrorReport.INPUT, dataMissing.exitCode(), dataMissing.toString());
    assertTrue(dataMissing.err().contains(noData.resolve("manifest.json").toString()), dataMissing.toString());

    Cli.Result samples = Cli.run("model-report", "--models", models.toString(), "--data", data, "-o", out, "--samples", "0");
    assertEquals(ErrorReport.USAGE, samples.exitCode(), samples.toString());
    assertTrue(samples.err().contains("--samples must be at least 1, got 0"), samples.toString());
    Cli.Result required = Cli.run("model-report", "--models", models.toString(), "-o", out);
    assertEquals(ErrorReport.USAGE, required.exitCode(), required.toString());
    assertTrue(!Files.exists(Path.of(out)), "nothing is written after a bad input");
  }
}
