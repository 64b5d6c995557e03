package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareCommandTest {
  private static final String IN = Cli.resource("chignolin/1UAO.pdb").toString();

  @Test
  void preparesAFileAndReports(@TempDir Path dir) {
    Path out = dir.resolve("prepared");
    Cli.Result r = Cli.run("prepare", "-i", IN, "-o", out.toString(), "--threads", "1", "--max-iterations", "20");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("1 files: 1 prepared, 0 skipped"), r.toString());
    assertEquals(List.of("1UAO.pdb", "prepare-manifest.jsonl", "prepare-report.json", "prepare-report.md"), Cli.files(out));
    Cli.Result again = Cli.run("prepare", "-i", IN, "-o", out.toString(), "--threads", "1", "--max-iterations", "20");
    assertTrue(again.out().contains("(1 from earlier runs)"), again.toString());
  }

  @Test
  void impossibleOptionsAreUsageErrorsAndWriteNothing(@TempDir Path dir) {
    String out = dir.resolve("prepared").toString();
    List<String[]> bad = List.of(
        new String[] {"prepare", "-i", IN, "-o", out, "--ph", "15"},
        new String[] {"prepare", "-i", IN, "-o", out, "--ph", "NaN"},
        new String[] {"prepare", "-i", IN, "-o", out, "--cutoff", "0"},
        new String[] {"prepare", "-i", IN, "-o", out, "--cutoff", "Infinity"},
        new String[] {"prepare", "-i", IN, "-o", out, "--max-iterations", "0"},
        new String[] {"prepare", "-i", IN, "-o", out, "--threads", "0"},
        new String[] {"prepare", "-i", dir.resolve("missing").toString(), "-o", out},
        new String[] {"prepare", "-i", dir.toString(), "-o", out});
    for (String[] args : bad) {
      Cli.Result r = Cli.run(args);
      assertEquals(ErrorReport.USAGE, r.exitCode(), String.join(" ", args) + "\n" + r);
      assertTrue(r.err().contains("Usage:"), r.toString());
    }
    assertEquals(List.of(), Cli.files(dir));
  }
}
