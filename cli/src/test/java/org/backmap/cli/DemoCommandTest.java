package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  private static String[] run(String... args) {
    CommandLine cli = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void helpListsTheCommands() {
    String[] r = run("--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("demo"), r[1]);
  }

  @Test
  void demoTrainsChecksReloadAndWritesAReport(@TempDir Path dir) throws Exception {
    String[] r = run("demo", "-o", dir.toString(), "--epochs", "15", "--samples", "1000", "--progress", "NONE");
    assertEquals("0", r[0], r[1] + r[2]);
    assertTrue(r[1].contains("predictions identical"), r[1]);
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertTrue(report.get("reloadedPredictionsIdentical").asBoolean());
    assertEquals(15, report.get("history").size());
    // the target's variance on [-2, 2]^2 is about 0.24; 15 epochs bring the error well below it
    assertTrue(report.get("heldOutMse").asDouble() < 0.02, report.toString());
    assertTrue(Files.exists(dir.resolve("model.json")));
  }

  @Test
  void badOptionsFailWithAMessageAndNonZeroExit(@TempDir Path dir) {
    String[] r = run("demo", "-o", dir.toString(), "--epochs", "0");
    assertTrue(!r[0].equals("0"));
    assertTrue(r[2].contains("--epochs"), r[2]);
    r = run("demo", "--backend", "no-such-backend", "-o", dir.toString());
    assertTrue(!r[0].equals("0"));
    assertTrue(r[2].contains("no-such-backend"), r[2]);
  }
}
