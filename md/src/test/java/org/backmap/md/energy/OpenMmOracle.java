package org.backmap.md.energy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code src/test/python/openmm_reference.py} with OpenMM 7.7 and returns its JSON answer. A missing Python
 * or OpenMM is a test failure with instructions, never a skip.
 */
public final class OpenMmOracle {
  /** The reference script, relative to the module directory (the test working directory). */
  public static final Path SCRIPT = Path.of("src/test/python/openmm_reference.py");
  /** Structures prepared for the energy tests (see {@code src/test/python/prepare_energy_structures.py}). */
  public static final Path STRUCTURES = Path.of("src/test/resources/energy");

  private OpenMmOracle() {}

  /** The prepared structure called {@code name} (e.g. {@code 1UAO}). */
  public static Path structure(String name) {
    return STRUCTURES.resolve(name + ".pdb");
  }

  /** Runs the script with {@code args} and parses its output. */
  public static JsonNode run(String... args) {
    String python = System.getenv().getOrDefault("BACKMAP_PYTHON", "/usr/bin/python3");
    List<String> command = new ArrayList<>(List.of(python, SCRIPT.toString()));
    command.addAll(List.of(args));
    try {
      Path err = Files.createTempFile("openmm", ".err");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      byte[] out = p.getInputStream().readAllBytes();
      int rc = p.waitFor();
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      Files.deleteIfExists(err);
      if (rc != 0) {
        throw new AssertionError("OpenMM reference run failed (" + String.join(" ", command) + ", exit " + rc + "):\n" + stderr
            + "\nThese tests need OpenMM 7.7 for " + python + ": apt-get install python3-simtk libopenmm-plugins python3-pdbfixer"
            + " (or set BACKMAP_PYTHON to a python with openmm)");
      }
      return new ObjectMapper().readTree(out);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + python + " for the OpenMM reference: " + e.getMessage()
          + "; these tests need OpenMM 7.7: apt-get install python3-simtk libopenmm-plugins python3-pdbfixer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A JSON array of 3-vectors as a flat array. */
  public static double[] flat(JsonNode vectors) {
    double[] out = new double[3 * vectors.size()];
    for (int i = 0; i < vectors.size(); i++) {
      for (int d = 0; d < 3; d++) {
        out[3 * i + d] = vectors.get(i).get(d).asDouble();
      }
    }
    return out;
  }
}
