package org.backmap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @Test
  void helpListsTheCommands() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exitCode());
    for (String command : new String[] {"demo", "cg", "inspect", "energy", "minimize", "md"}) {
      assertTrue(r.out().contains(command), r.toString());
    }
  }

  @Test
  void demoTrainsChecksReloadAndWritesAReport(@TempDir Path dir) throws Exception {
    Cli.Result r = Cli.run("demo", "-o", dir.toString(), "--epochs", "15", "--samples", "1000", "--progress", "NONE");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("predictions identical"), r.toString());
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertTrue(report.get("reloadedPredictionsIdentical").asBoolean());
    assertEquals(15, report.get("history").size());
    // the target's variance on [-2, 2]^2 is about 0.24; 15 epochs bring the error well below it
    assertTrue(report.get("heldOutMse").asDouble() < 0.02, report.toString());
    assertTrue(Files.exists(dir.resolve("model.json")));
  }

  @Test
  void badOptionsAreUsageErrorsThatNameTheOption(@TempDir Path dir) {
    Cli.Result r = Cli.run("demo", "-o", dir.toString(), "--epochs", "0");
    assertEquals(ErrorReport.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--epochs"), r.toString());
    assertTrue(r.err().contains("Usage:"), r.toString());
    r = Cli.run("demo", "--backend", "no-such-backend", "-o", dir.toString());
    assertEquals(ErrorReport.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("no-such-backend"), r.toString());
    r = Cli.run("demo", "--threads", "0", "-o", dir.toString());
    assertEquals(ErrorReport.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--threads"), r.toString());
    assertEquals(0, Cli.files(dir).size(), "nothing written: " + Cli.files(dir));
  }
}
