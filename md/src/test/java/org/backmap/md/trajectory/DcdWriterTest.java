package org.backmap.md.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DCD layout as VMD's dcdplugin and MDTraj read it, and no partial files. */
class DcdWriterTest {

  @Test
  void writesHeaderAndFramesReadBackInAngstrom(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.dcd");
    try (DcdWriter w = new DcdWriter(file, 2, 10, 10, 0.002, "test")) {
      w.append(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6});
      w.append(new double[] {1, 2, 3, 4, 5, 6});
      w.finish();
    }
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(84, b.getInt(0));
    assertEquals("CORD", new String(Files.readAllBytes(file), 4, 4, StandardCharsets.US_ASCII));
    assertEquals(2, b.getInt(8), "frame count");
    assertEquals(10, b.getInt(12), "first step");
    assertEquals(10, b.getInt(16), "steps per frame");
    assertEquals(20, b.getInt(20), "step of the last frame");
    assertEquals(0.002 / DcdWriter.AKMA_PS, b.getFloat(8 + 4 * 9), 1e-6, "time step in AKMA units");
    assertEquals(24, b.getInt(8 + 4 * 19), "CHARMM version");
    assertEquals(84, b.getInt(88));
    assertEquals(2, b.getInt(188), "atoms");
    int frame = 196 + (8 + 4 * 2) * 3; // second frame
    assertEquals(8, b.getInt(frame));
    assertEquals(10f, b.getFloat(frame + 4), "x of atom 0 in Angstrom");
    assertEquals(40f, b.getFloat(frame + 8));
    assertEquals(60f, b.getFloat(frame + 2 * 16 + 8), "z of atom 1");
    assertEquals(196 + 2 * 3 * (8 + 8), Files.size(file));
  }

  @Test
  void unfinishedFileLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.dcd");
    try (DcdWriter w = new DcdWriter(file, 2, 1, 1, 0.002, "test")) {
      w.append(new double[6]);
      assertThrows(IllegalArgumentException.class, () -> w.append(new double[5]));
    }
    try (var files = Files.list(dir)) {
      assertFalse(files.findAny().isPresent(), "no file, not even a temporary one");
    }
  }
}
