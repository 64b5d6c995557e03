package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.backmapping.model.ResidueModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @TempDir
  static Path dir;
  static Path dataset;

  @BeforeAll
  static void extract() throws IOException {
    Path in = Files.createDirectories(dir.resolve("prepared"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("a.pdb"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("b.pdb"));
    dataset = dir.resolve("dataset");
    Cli.Result r = Cli.run("extract", "-i", in.toString(), "-o", dataset.toString(), "--split-every", "2", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
  }

  @Test
  void trainsContinuesAndSkipsFinishedTypes() throws IOException {
    Path models = dir.resolve("models");
    Cli.Result r = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", models.toString(),
        "--epochs", "2", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("THR: trained, 2 epochs, best validation NLL "), r.toString());
    assertTrue(r.err().contains("ETA") && r.err().contains("THR epoch 2/2: train NLL "), r.toString());
    assertEquals("default", ResidueModel.load(models, "THR").config().preset());
    assertTrue(Files.exists(models.resolve("THR").resolve("training-log.json")));

    Cli.Result again = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", models.toString(),
        "--epochs", "2", "--threads", "1");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().startsWith("THR: finished before, 2 epochs"), again.toString());

    Cli.Result all = Cli.run("train", "--all", "--data", dataset.toString(), "--out", models.toString(), "--epochs", "1",
        "--threads", "2", "--jobs", "2");
    assertEquals(0, all.exitCode(), all.toString());
    assertTrue(all.out().contains("THR: skipped, finished before"), all.toString());
    assertTrue(all.out().contains("GLY: trained, 1 epochs"), all.toString());
    assertTrue(all.out().contains("Nterm: trained, 1 epochs"), all.toString());
    assertTrue(Files.exists(ResidueModel.manifest(models, "TRP")), all.toString());
  }

  @Test
  void fineTunesTheShippedModel() throws IOException {
    Path models = dir.resolve("fine-tuned");
    Cli.Result r = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", models.toString(),
        "--epochs", "1", "--init", "shipped", "--learning-rate", "1e-4", "--threads", "1");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().startsWith("THR: trained, 1 epochs, best validation NLL "), r.toString());
    String info = Files.readString(ResidueModel.manifest(models, "THR"));
    assertTrue(info.contains("\"initialModelSha256\"") && info.contains("\"learningRate\" : 1.0E-4"), info);

    String out = dir.resolve("fine-tuned-bad").toString();
    Cli.Result rate = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", out, "--learning-rate", "0");
    assertEquals(ErrorReport.USAGE, rate.exitCode(), rate.toString());
    assertTrue(rate.err().contains("--learning-rate must be a positive number, got 0.0"), rate.toString());
    Cli.Result from = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", out, "--init",
        dir.resolve("no-models").toString());
    assertEquals(ErrorReport.USAGE, from.exitCode(), from.toString());
    assertTrue(from.err().contains("is not a models folder"), from.toString());
  }

  @Test
  void badTypesPresetsAndFoldersAreReported() {
    String out = dir.resolve("other").toString();
    Cli.Result unknown = Cli.run("train", "--residue", "XYZ", "--data", dataset.toString(), "--out", out);
    assertEquals(ErrorReport.USAGE, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.err().contains("unknown residue type XYZ"), unknown.toString());
    Cli.Result preset = Cli.run("train", "--residue", "THR", "--data", dataset.toString(), "--out", out, "--preset", "big");
    assertEquals(ErrorReport.USAGE, preset.exitCode(), preset.toString());
    Cli.Result none = Cli.run("train", "--residue", "LEU", "--data", dataset.toString(), "--out", out);
    assertEquals(ErrorReport.INPUT, none.exitCode(), none.toString());
    assertTrue(none.err().contains("backmap train: error: no training examples of LEU in " + dataset), none.toString());
    Cli.Result missing = Cli.run("train", "--residue", "THR", "--data", dir.resolve("nothing").toString(), "--out", out);
    assertEquals(ErrorReport.INPUT, missing.exitCode(), missing.toString());
  }
}
