package org.backmap.md.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCD files read back as written, in either byte order, with or without unit cells; bad files are named. */
class DcdReaderTest {

  @Test
  void readsBackWhatTheWriterWrote(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("t.dcd");
    double[][] frames = {{0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, {1, 2, 3, -4, 5, 6.25}, {0, 0, 0, 1e-3, 2e-3, 3e-3}};
    try (DcdWriter w = new DcdWriter(file, 2, 0, 1, 0.002, "test")) {
      for (double[] f : frames) {
        w.append(f);
      }
      w.finish();
    }
    try (DcdReader r = new DcdReader(file)) {
      assertEquals(2, r.atoms());
      assertEquals(3, r.frames());
      double[] xyz = new double[6];
      for (int k = 0; k < frames.length; k++) {
        assertTrue(r.hasNext());
        assertEquals(k, r.next(xyz));
        for (int i = 0; i < 6; i++) {
          assertEquals((float) (10 * frames[k][i]), xyz[i], 0.0, "Angstrom, float32");
        }
      }
      assertFalse(r.hasNext());
    }
  }

  @Test
  void readsBigEndianFilesWithUnitCells(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("charmm.dcd");
    float[][] xyz = {{1, 2, 3}, {4, 5, 6}}; // two frames of one atom
    Files.write(file, charmm(ByteOrder.BIG_ENDIAN, xyz, true));
    try (DcdReader r = new DcdReader(file)) {
      assertEquals(1, r.atoms());
      assertEquals(2, r.frames());
      double[] out = new double[3];
      r.next(out);
      assertArrayEquals(new double[] {1, 2, 3}, out, 0.0);
      r.next(out);
      assertArrayEquals(new double[] {4, 5, 6}, out, 0.0);
    }
  }

  @Test
  void badFilesAreNamedWithTheirFrame(@TempDir Path dir) throws Exception {
    Path notDcd = dir.resolve("x.dcd");
    Files.writeString(notDcd, "ATOM      1  N   ALA A   1       0.000   0.000   0.000\n");
    IOException e = assertThrows(IOException.class, () -> new DcdReader(notDcd));
    assertTrue(e.getMessage().contains("x.dcd") && e.getMessage().contains("not a DCD file"), e.getMessage());

    Path nan = dir.resolve("nan.dcd");
    Files.write(nan, charmm(ByteOrder.LITTLE_ENDIAN, new float[][] {{1, 2, 3}, {Float.NaN, 0, 0}}, false));
    try (DcdReader r = new DcdReader(nan)) {
      r.next(new double[3]);
      IOException bad = assertThrows(IOException.class, () -> r.next(new double[3]));
      assertTrue(bad.getMessage().contains("frame 2") && bad.getMessage().contains("atom 1"), bad.getMessage());
    }

    // a frame cut short by an interrupted writer is not counted
    byte[] whole = charmm(ByteOrder.LITTLE_ENDIAN, new float[][] {{1, 2, 3}, {4, 5, 6}}, false);
    Path cut = dir.resolve("cut.dcd");
    Files.write(cut, Arrays.copyOf(whole, whole.length - 5));
    try (DcdReader r = new DcdReader(cut)) {
      assertEquals(1, r.frames());
    }
    Path header = dir.resolve("header.dcd");
    Files.write(header, Arrays.copyOf(whole, 100));
    assertThrows(IOException.class, () -> new DcdReader(header));
  }

  /** A CHARMM-style DCD file of one atom per frame in {@code order}, with a unit-cell record per frame if asked. */
  private static byte[] charmm(ByteOrder order, float[][] frames, boolean cell) {
    int atoms = frames[0].length / 3;
    ByteBuffer b = ByteBuffer.allocate(4096).order(order);
    b.putInt(84).put(new byte[] {'C', 'O', 'R', 'D'});
    int[] icntrl = new int[20];
    icntrl[0] = frames.length;
    icntrl[10] = cell ? 1 : 0;
    icntrl[19] = 24;
    for (int v : icntrl) {
      b.putInt(v);
    }
    b.putInt(84);
    b.putInt(164).putInt(2).put(new byte[160]).putInt(164); // two 80-character title lines
    b.putInt(4).putInt(atoms).putInt(4);
    for (float[] f : frames) {
      if (cell) {
        b.putInt(48);
        for (int i = 0; i < 6; i++) {
          b.putDouble(30);
        }
        b.putInt(48);
      }
      for (int d = 0; d < 3; d++) {
        b.putInt(4 * atoms);
        for (int i = 0; i < atoms; i++) {
          b.putFloat(f[3 * i + d]);
        }
        b.putInt(4 * atoms);
      }
    }
    return Arrays.copyOf(b.array(), b.position());
  }
}
