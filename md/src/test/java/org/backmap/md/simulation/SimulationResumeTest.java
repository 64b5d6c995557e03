package org.backmap.md.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.backmap.md.dynamics.SimulationDivergedException;
import org.backmap.md.protein.PreparedProtein;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chignolin (1UAO), 0.6 ps, a frame every 0.1 ps, exchanges every 0.2 ps: a run stopped after 3 frames and
 * resumed ends with the very bytes of the uninterrupted run (DCD, CSV and PDB), and what a stop leaves is valid.
 */
class SimulationResumeTest {
  private static final int ATOMS = 138;
  private static final int FRAME_BYTES = 3 * (8 + 4 * ATOMS);
  private static PreparedProtein protein;

  @BeforeAll
  static void read() throws Exception {
    protein = PreparedProtein.read(Path.of(SimulationResumeTest.class.getResource("/energy/1UAO.pdb").toURI()));
  }

  private static SimulationSettings settings(int replicas) {
    return new SimulationSettings(0.6, 0.002, 300, 400, replicas, 1, 0.2, 0.1, null, true, 11, 1);
  }

  /** Stops the run after {@code frames} frames. */
  private static SimulationProgress stopAfter(long frames, SimulationControl control) {
    return (frame, total, ps, seconds, kelvin) -> {
      if (frame == frames) {
        control.requestStop();
      }
    };
  }

  private static TrajectoryFiles files(Path dir) {
    return TrajectoryFiles.withPrefix(dir.resolve("run").toString(), true);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aStoppedAndResumedRunEqualsTheUninterruptedOne(int replicas, @TempDir Path dir) throws Exception {
    SimulationSettings settings = settings(replicas);
    TrajectoryFiles whole = files(Files.createDirectory(dir.resolve("whole")));
    SimulationResult all = Simulation.run(protein, settings, whole, SimulationProgress.NONE);
    assertEquals(6, all.frames());
    assertFalse(all.stopped());

    TrajectoryFiles parts = files(Files.createDirectory(dir.resolve("parts")));
    SimulationControl control = new SimulationControl();
    SimulationResult first = Simulation.run(protein, settings, parts, stopAfter(3, control), control);
    assertTrue(first.stopped());
    assertEquals(3, first.frames());
    assertValidFiles(parts, 3, replicas);

    SimulationResult rest = Simulation.resume(protein, settings, parts, SimulationProgress.NONE, new SimulationControl());
    assertEquals(3, rest.firstFrame());
    assertEquals(6, rest.frames());
    assertFalse(rest.stopped());
    assertArrayEquals(all.acceptance(), rest.acceptance());
    assertSameFiles(whole, parts);
  }

  @Test
  void framesAfterTheCheckpointAreDroppedOnResume(@TempDir Path dir) throws Exception {
    SimulationSettings settings = settings(2);
    TrajectoryFiles whole = files(Files.createDirectory(dir.resolve("whole")));
    Simulation.run(protein, settings, whole, SimulationProgress.NONE);

    // a checkpoint after every frame: the files are finished and continued each time
    SimulationSettings often = settings.withCheckpointMinutes(1e-12);
    TrajectoryFiles parts = files(Files.createDirectory(dir.resolve("parts")));
    SimulationControl control = new SimulationControl();
    Simulation.run(protein, often, parts, stopAfter(2, control), control);
    Path atTwo = dir.resolve("at-two.chk");
    Files.copy(parts.checkpoint(), atTwo);
    control = new SimulationControl();
    Simulation.resume(protein, often, parts, stopAfter(4, control), control);
    assertValidFiles(parts, 4, 2);
    // as if the run had died between the checkpoint of frame 2 and frame 4: the files hold 2 frames too many
    Files.copy(atTwo, parts.checkpoint(), StandardCopyOption.REPLACE_EXISTING);
    SimulationResult rest = Simulation.resume(protein, settings, parts, SimulationProgress.NONE, new SimulationControl());
    assertEquals(2, rest.firstFrame());
    assertSameFiles(whole, parts);
  }

  @Test
  void aStopBeforeTheFirstFrameLeavesEmptyValidFiles(@TempDir Path dir) throws Exception {
    SimulationControl control = new SimulationControl();
    control.requestStop();
    TrajectoryFiles files = files(dir);
    SimulationResult r = Simulation.run(protein, settings(1), files, SimulationProgress.NONE, control);
    assertEquals(0, r.frames());
    assertValidFiles(files, 0, 1);
    Simulation.resume(protein, settings(1), files, SimulationProgress.NONE, new SimulationControl());
    assertValidFiles(files, 6, 1);
  }

  @Test
  void aCheckpointOfAnotherRunOrNoneIsRefused(@TempDir Path dir) throws Exception {
    TrajectoryFiles files = files(dir);
    RestartException none = assertThrows(RestartException.class,
        () -> Simulation.resume(protein, settings(1), files, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(none.getMessage().contains("run.chk") && none.getMessage().contains("does not exist"), none.getMessage());

    SimulationControl control = new SimulationControl();
    Simulation.run(protein, settings(1), files, stopAfter(1, control), control);
    SimulationSettings otherSeed = new SimulationSettings(0.6, 0.002, 300, 400, 1, 1, 0.2, 0.1, null, true, 12, 1);
    RestartException seed = assertThrows(RestartException.class,
        () -> Simulation.resume(protein, otherSeed, files, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(seed.getMessage().contains("seed=11") && seed.getMessage().contains("seed=12"), seed.getMessage());
    RestartException pdb = assertThrows(RestartException.class, () -> Simulation.resume(protein, settings(1),
        TrajectoryFiles.withPrefix(dir.resolve("run").toString(), false), SimulationProgress.NONE, new SimulationControl()));
    assertTrue(pdb.getMessage().contains("pdb=true"), pdb.getMessage());

    // another checkpoint interval is fine
    Simulation.resume(protein, settings(1).withCheckpointMinutes(1), files, SimulationProgress.NONE, new SimulationControl());

    byte[] bytes = Files.readAllBytes(files.checkpoint());
    bytes[bytes.length / 2] ^= 1;
    Files.write(files.checkpoint(), bytes);
    RestartException corrupt = assertThrows(RestartException.class,
        () -> Simulation.resume(protein, settings(1), files, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(corrupt.getMessage().contains("run.chk") && corrupt.getMessage().contains("checksum"), corrupt.getMessage());

    Files.writeString(files.checkpoint(), "{\"something\": \"else\"}");
    RestartException foreign = assertThrows(RestartException.class,
        () -> Simulation.resume(protein, settings(1), files, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(foreign.getMessage().contains("not a backmap md checkpoint"), foreign.getMessage());
  }

  @Test
  void aMixedPrecisionRunResumesExactlyAndItsCheckpointIsRefusedInDouble(@TempDir Path dir) throws Exception {
    SimulationSettings mixed = settings(2).withPrecision(org.backmap.md.energy.Precision.MIXED);
    TrajectoryFiles whole = files(Files.createDirectory(dir.resolve("whole")));
    SimulationResult all = Simulation.run(protein, mixed, whole, SimulationProgress.NONE);
    TrajectoryFiles parts = files(Files.createDirectory(dir.resolve("parts")));
    SimulationControl control = new SimulationControl();
    Simulation.run(protein, mixed, parts, stopAfter(3, control), control);
    RestartException other = assertThrows(RestartException.class,
        () -> Simulation.resume(protein, settings(2), parts, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(other.getMessage().contains("precision=mixed"), other.getMessage());
    SimulationResult rest = Simulation.resume(protein, mixed, parts, SimulationProgress.NONE, new SimulationControl());
    assertEquals(6, rest.frames());
    assertArrayEquals(all.acceptance(), rest.acceptance());
    assertSameFiles(whole, parts);
  }

  @Test
  void aCheckpointOfAnotherSystemIsRefused(@TempDir Path dir) throws Exception {
    TrajectoryFiles files = files(dir);
    SimulationControl control = new SimulationControl();
    control.requestStop();
    Simulation.run(protein, settings(1), files, SimulationProgress.NONE, control);
    PreparedProtein other = PreparedProtein.read(Path.of(SimulationResumeTest.class.getResource("/energy/1T2Y.pdb").toURI()));
    RestartException e = assertThrows(RestartException.class,
        () -> Simulation.resume(other, settings(1), files, SimulationProgress.NONE, new SimulationControl()));
    assertTrue(e.getMessage().contains("another system"), e.getMessage());
  }

  @Test
  void divergingDynamicsStopWithTheStepAndKeepTheFrames(@TempDir Path dir) throws Exception {
    // a bath hotter than any bond can hold: the dynamics blow up within a few frames
    SimulationSettings hot = new SimulationSettings(2, 0.002, 3e4, 3e4, 1, 1, 0.002, 0.002, null, false, 3, 1);
    TrajectoryFiles files = files(dir);
    SimulationDivergedException e = assertThrows(SimulationDivergedException.class,
        () -> Simulation.run(protein, hot, files, SimulationProgress.NONE));
    String m = e.getMessage();
    assertTrue(m.matches(".*1UAO\\.pdb: dynamics became unstable at step " + e.step() + " \\(.*; largest force on .*\\); \\d+ frames? kept in run\\.dcd"), m);
    long kept = Long.parseLong(m.replaceAll(".*; (\\d+) frames? kept.*", "$1"));
    assertEquals(e.step() - 1, kept, m);
    assertValidFiles(files, kept, 1);
  }

  @Test
  void aMissingOutputFolderFailsBeforeAnyWork(@TempDir Path dir) {
    TrajectoryFiles files = TrajectoryFiles.withPrefix(dir.resolve("no-such-folder").resolve("run").toString(), false);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Simulation.run(protein, settings(1), files, SimulationProgress.NONE));
    assertTrue(e.getMessage().contains("no-such-folder") && e.getMessage().contains("does not exist"), e.getMessage());
  }

  /** DCD header and size, CSV rows, PDB models and END agree on {@code frames}; no temporary file is left. */
  static void assertValidFiles(TrajectoryFiles files, long frames, int replicas) throws IOException {
    ByteBuffer dcd = ByteBuffer.wrap(Files.readAllBytes(files.dcd())).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(frames, dcd.getInt(8), "DCD frame count");
    assertEquals(196 + frames * FRAME_BYTES, dcd.capacity(), "DCD size");
    assertEquals(1 + frames * replicas, Files.readAllLines(files.csv()).size(), "CSV rows");
    if (files.pdb() != null) {
      List<String> pdb = Files.readAllLines(files.pdb());
      assertEquals(frames, pdb.stream().filter(l -> l.startsWith("MODEL")).count(), "PDB models");
      assertEquals("END", pdb.getLast());
    }
    try (Stream<Path> s = Files.list(files.dcd().toAbsolutePath().getParent())) {
      List<String> hidden = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
      assertEquals(List.of(), hidden, "temporary files left behind");
    }
  }

  private static void assertSameFiles(TrajectoryFiles expected, TrajectoryFiles actual) throws IOException {
    assertArrayEquals(Files.readAllBytes(expected.dcd()), Files.readAllBytes(actual.dcd()), "DCD bytes");
    assertEquals(Files.readAllLines(expected.csv()), Files.readAllLines(actual.csv()), "CSV lines");
    assertEquals(Files.readString(expected.pdb()), Files.readString(actual.pdb()), "PDB text");
  }
}
