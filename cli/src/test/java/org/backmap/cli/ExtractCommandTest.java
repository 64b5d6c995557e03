package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backmap.md.dataset.DatasetManifest;
import org.backmap.md.dataset.Split;
import org.backmap.md.dataset.TrainingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
  @TempDir
  Path dir;

  private Path input() throws IOException {
    Path in = Files.createDirectories(dir.resolve("prepared"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("a.pdb"));
    Files.copy(Cli.resource("chignolin/1UAO.pdb"), in.resolve("b.pdb"));
    Files.writeString(in.resolve("broken.pdb"), "ATOM garbage\n");
    return in;
  }

  @Test
  void extractsStreamsReportsAndProgress() throws IOException {
    Path out = dir.resolve("dataset");
    Cli.Result r = Cli.run("extract", "-i", input().toString(), "-o", out.toString(), "--split-every", "2", "--seed", "3", "--threads", "2");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("2 structures (1 train, 1 validation), 1 skipped"), r.toString());
    assertTrue(r.out().contains("skipped broken.pdb"), r.toString());
    assertTrue(r.err().contains("] 3/3 structures") && r.err().contains("ETA") && r.err().endsWith("\n"), r.toString());
    TrainingSet set = TrainingSet.open(out);
    assertEquals(3, set.examples("GLY", Split.TRAIN));
    assertEquals(3, set.examples("GLY", Split.VALIDATION));
    assertTrue(Files.readString(out.resolve("dataset-report.md")).contains("| GLY | SIDECHAIN | 4 | 1 | 3 | 1 | 3 |"));
    DatasetManifest m = set.manifest();
    assertEquals(3, m.seed());
    assertEquals(2, m.trainFiles().size() + m.validationFiles().size() - 1, "three files split, broken.pdb included");
  }

  @Test
  void badOptionsAreUsageErrorsAndAMissingFolderAnInputError() throws IOException {
    Path in = input();
    for (String[] bad : new String[][] {{"--split-every", "1"}, {"--threads", "0"}, {"--seed", "x"}}) {
      Cli.Result r = Cli.run("extract", "-i", in.toString(), "-o", dir.resolve("o").toString(), bad[0], bad[1]);
      assertEquals(ErrorReport.USAGE, r.exitCode(), r.toString());
      assertTrue(r.err().contains(bad[0]), r.toString());
    }
    assertFalse(Files.exists(dir.resolve("o")), "nothing written on a usage error");
    Cli.Result missing = Cli.run("extract", "-i", dir.resolve("nothing").toString(), "-o", dir.resolve("o").toString());
    assertEquals(ErrorReport.INPUT, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains("does not exist"), missing.toString());
    Files.createDirectories(dir.resolve("empty"));
    Cli.Result empty = Cli.run("extract", "-i", dir.resolve("empty").toString(), "-o", dir.resolve("o").toString());
    assertEquals(ErrorReport.INPUT, empty.exitCode(), empty.toString());
    assertTrue(empty.err().contains("no structure files"), empty.toString());
  }
}
