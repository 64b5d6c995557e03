package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code md} checkpoints, {@code --resume}, and the failures of long runs: one line each, exit 1. */
class MdLongRunTest {
  private static final String CHIGNOLIN = Cli.resource("chignolin/1UAO.pdb").toString();

  private static Cli.Result md(String prefix, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("md", "-i", CHIGNOLIN, "-o", prefix, "--ps", "0.2", "--seed", "5"));
    args.addAll(List.of(more));
    // defaults of these tests unless given
    for (String[] option : new String[][] {{"--report-ps", "0.1"}, {"--threads", "1"}}) {
      if (!args.contains(option[0])) {
        args.addAll(List.of(option));
      }
    }
    return Cli.run(args.toArray(String[]::new));
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void aRunLeavesACheckpointThatResumeAccepts(@TempDir Path dir) throws Exception {
    String prefix = dir.resolve("run").toString();
    Cli.Result first = md(prefix);
    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("run.chk"), first.toString());
    byte[] dcd = Files.readAllBytes(Path.of(prefix + ".dcd"));
    List<String> csv = Files.readAllLines(Path.of(prefix + ".csv"));
    // the run is complete: resuming (with other threads) rewrites the same files
    Cli.Result again = md(prefix, "--resume", "--threads", "2");
    assertEquals(0, again.exitCode(), again.toString());
    assertArrayEquals(dcd, Files.readAllBytes(Path.of(prefix + ".dcd")));
    assertEquals(csv, Files.readAllLines(Path.of(prefix + ".csv")));
    assertEquals(List.of("run.chk", "run.csv", "run.dcd"), Cli.files(dir));
  }

  @Test
  void resumeWithoutACheckpointOrWithOtherSettingsIsAnInputError(@TempDir Path dir) {
    String prefix = dir.resolve("run").toString();
    Cli.Result none = md(prefix, "--resume");
    assertEquals(ErrorReport.INPUT, none.exitCode(), none.toString());
    assertEquals(1, none.err().strip().lines().count(), none.toString());
    assertTrue(none.err().startsWith("backmap md: error: ") && none.err().contains("run.chk") && none.err().contains("does not exist"),
        none.toString());

    assertEquals(0, md(prefix).exitCode());
    Cli.Result other = md(prefix, "--resume", "--temperature", "310");
    assertEquals(ErrorReport.INPUT, other.exitCode(), other.toString());
    assertEquals(1, other.err().strip().lines().count(), other.toString());
    assertTrue(other.err().contains("temperature=300.0") && other.err().contains("temperature=310.0"), other.toString());
  }

  @Test
  void aMissingOutputFolderIsAnInputErrorNamingIt(@TempDir Path dir) {
    String missing = dir.resolve("missing").toString();
    Cli.Result md = md(missing + "/run");
    assertEquals(ErrorReport.INPUT, md.exitCode(), md.toString());
    assertTrue(md.err().startsWith("backmap md: error: output folder ") && md.err().contains("missing") && md.err().contains("does not exist"),
        md.toString());
    Cli.Result min = Cli.run("minimize", "-i", CHIGNOLIN, "-o", missing + "/min.pdb", "--max-iterations", "5");
    assertEquals(ErrorReport.INPUT, min.exitCode(), min.toString());
    assertTrue(min.err().startsWith("backmap minimize: error: output folder ") && min.err().contains("missing"), min.toString());
    assertEquals(List.of(), Cli.files(dir));
  }

  @Test
  void divergingDynamicsAreADataErrorOnItsOwnLineAndKeepTheFrames(@TempDir Path dir) throws Exception {
    String prefix = dir.resolve("hot").toString();
    Cli.Result r = md(prefix, "--temperature", "30000", "--report-ps", "0.002", "--no-minimize");
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    String error = lastLine(r.err());
    assertTrue(error.matches("backmap md: error: 1UAO\\.pdb: dynamics became unstable at step \\d+ \\(.*; largest force on .*\\); "
        + "\\d+ frames? kept in hot\\.dcd"), r.toString());
    assertTrue(r.err().contains("\n" + error), "the progress line is ended first: " + r);
    assertTrue(Files.exists(Path.of(prefix + ".dcd")) && Files.exists(Path.of(prefix + ".csv")));
    assertFalse(Cli.files(dir).stream().anyMatch(f -> f.endsWith(".tmp")), Cli.files(dir).toString());
  }
}
