package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command fails one way: usage 2, input 1 with one line naming the file, internal 3 with a hint. */
class ErrorReportTest {

  @Test
  void aMissingInputIsOneLineNamingTheFile(@TempDir Path dir) {
    Path missing = dir.resolve("nothing-here.pdb");
    for (String command : new String[] {"cg", "inspect", "energy", "minimize", "md"}) {
      String[] args = switch (command) {
        case "cg", "minimize" -> new String[] {command, "-i", missing.toString(), "-o", dir.resolve("out").toString()};
        case "md" -> new String[] {command, "-i", missing.toString(), "-o", dir.resolve("out").toString(), "--ps", "0.1", "--report-ps", "0.1"};
        default -> new String[] {command, "-i", missing.toString()};
      };
      Cli.Result r = Cli.run(args);
      assertEquals(ErrorReport.INPUT, r.exitCode(), command + ": " + r);
      assertEquals(1, r.err().strip().lines().count(), command + ": one line: " + r);
      assertTrue(r.err().startsWith("backmap " + command + ": error: "), r.toString());
      assertTrue(r.err().contains("nothing-here.pdb") && r.err().contains("does not exist"), r.toString());
    }
  }

  @Test
  void aDirectoryAsInputIsAnInputError(@TempDir Path dir) {
    Cli.Result r = Cli.run("energy", "-i", dir.toString());
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertTrue(r.err().contains(dir.getFileName().toString()), r.toString());
  }

  @Test
  void aMissingOrUnusableOutputFolderIsFoundBeforeAnyWork(@TempDir Path dir) {
    String in = Cli.resource("chignolin/1UAO.pdb").toString();
    Cli.Result r = Cli.run("cg", "-i", in, "-o", dir.resolve("no/such/folder/cg.pdb").toString());
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertTrue(r.err().contains("output folder") && r.err().contains("does not exist"), r.toString());
    r = Cli.run("cg", "-i", in, "-o", dir.toString());
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertTrue(r.err().contains("is a folder"), r.toString());
    assertEquals(List.of(), Cli.files(dir));
  }

  @Test
  void anEmptyFileIsAnInputError(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pdb"), "");
    Cli.Result r = Cli.run("cg", "-i", empty.toString(), "-o", dir.resolve("cg.pdb").toString());
    assertEquals(ErrorReport.INPUT, r.exitCode(), r.toString());
    assertTrue(r.err().startsWith("backmap cg: error: empty.pdb"), r.toString());
    assertFalse(Files.exists(dir.resolve("cg.pdb")));
  }

  @Test
  void internalErrorsExitThreeWithAHintAndVerboseShowsTheTrace() {
    CommandLine cli = Main.newCommandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    CommandLine.ParseResult parsed = cli.parseArgs("inspect", "-i", "x.pdb");
    int code = ErrorReport.report(new IllegalStateException("broken invariant"), cli.getSubcommands().get("inspect"), parsed);
    assertEquals(ErrorReport.INTERNAL, code);
    assertEquals("backmap inspect: internal error: broken invariant (rerun with --verbose for details)", err.toString().strip());

    CommandLine verboseCli = Main.newCommandLine();
    StringWriter verboseErr = new StringWriter();
    verboseCli.setErr(new PrintWriter(verboseErr));
    CommandLine.ParseResult verbose = verboseCli.parseArgs("inspect", "-i", "x.pdb", "--verbose");
    ErrorReport.report(new IllegalStateException("broken invariant"), verboseCli.getSubcommands().get("inspect"), verbose);
    assertTrue(verboseErr.toString().contains("at org.backmap"), verboseErr.toString());
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    Cli.Result r = Cli.run("energy", "--no-such-option");
    assertEquals(ErrorReport.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("Usage:"), r.toString());
  }
}
