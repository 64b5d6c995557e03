package org.backmap.md.trajectory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a CHARMM/NAMD/OpenMM DCD trajectory frame by frame (one frame in memory): either byte order, 32-bit
 * Fortran record markers, an optional unit-cell record before each frame (CHARMM flag word 1) and the fixed
 * atoms of CHARMM files rejected with a clear message. Coordinates are in Angstrom, as DCD stores them.
 * Errors ({@link IOException}) name the file and the frame.
 */
public final class DcdReader implements AutoCloseable {
  private final Path file;
  private final FileChannel in;
  private final ByteOrder order;
  private final int atoms;
  private final boolean unitCell;
  private final long firstFrame;
  private final long frameBytes;
  private final long frames;
  private final ByteBuffer frame;
  private long next;

  /**
   * Opens {@code file} and reads its header.
   *
   * @throws IOException naming the file when it is not a DCD file, is truncated in its header, or has fixed atoms
   */
  public DcdReader(Path file) throws IOException {
    this.file = file;
    this.in = FileChannel.open(file, StandardOpenOption.READ);
    boolean ok = false;
    try {
      if (in.size() < 8) {
        throw bad("not a DCD file (" + in.size() + " bytes)");
      }
      ByteBuffer start = read(0, 4, ByteOrder.LITTLE_ENDIAN, "header");
      if (start.getInt(0) != 84 && start.order(ByteOrder.BIG_ENDIAN).getInt(0) != 84) {
        throw bad("not a DCD file (the first record is not 84 bytes)");
      }
      ByteBuffer first = read(0, 92, ByteOrder.LITTLE_ENDIAN, "header");
      if (first.getInt(0) == 84) {
        order = ByteOrder.LITTLE_ENDIAN;
      } else if (first.order(ByteOrder.BIG_ENDIAN).getInt(0) == 84) {
        order = ByteOrder.BIG_ENDIAN;
      } else {
        throw bad("not a DCD file (the first record is not 84 bytes)");
      }
      ByteBuffer h = first.order(order);
      if (h.get(4) != 'C' || h.get(5) != 'O' || h.get(6) != 'R' || h.get(7) != 'D' || h.getInt(88) != 84) {
        throw bad("not a DCD file (no CORD header)");
      }
      int fixed = h.getInt(4 + 4 * 9);
      if (fixed != 0) {
        throw bad("has " + fixed + " fixed atoms, which this reader does not support");
      }
      boolean charmm = h.getInt(4 + 4 * 20) != 0;
      unitCell = charmm && h.getInt(4 + 4 * 11) != 0;
      long pos = 92;
      int titleBytes = read(pos, 4, order, "title").getInt(0);
      if (titleBytes < 0 || titleBytes > 1 << 20) {
        throw bad("bad title record length " + titleBytes);
      }
      pos += 8 + titleBytes;
      ByteBuffer n = read(pos, 12, order, "atom count");
      if (n.getInt(0) != 4 || n.getInt(8) != 4) {
        throw bad("bad atom-count record");
      }
      atoms = n.getInt(4);
      if (atoms < 1) {
        throw bad("declares " + atoms + " atoms");
      }
      firstFrame = pos + 12;
      frameBytes = (unitCell ? 8 + 48 : 0) + 3L * (8 + 4L * atoms);
      frames = (in.size() - firstFrame) / frameBytes;
      frame = ByteBuffer.allocate((int) frameBytes).order(order);
      ok = true;
    } finally {
      if (!ok) {
        in.close();
      }
    }
  }

  /** Atoms per frame. */
  public int atoms() {
    return atoms;
  }

  /**
   * Complete frames in the file (from its size: the header's frame count is not trusted, since writers that
   * were interrupted leave it stale).
   */
  public long frames() {
    return frames;
  }

  /** Whether another frame follows. */
  public boolean hasNext() {
    return next < frames;
  }

  /**
   * The next frame's coordinates in Angstrom, flat {@code x0 y0 z0 x1 ...}, into {@code xyz} (length
   * {@code 3 * atoms}); returns its 0-based index.
   *
   * @throws IOException naming the file and frame when a record is malformed or a coordinate is not finite
   */
  public long next(double[] xyz) throws IOException {
    if (xyz.length != 3 * atoms) {
      throw new IllegalArgumentException("expected " + 3 * atoms + " coordinates, got " + xyz.length);
    }
    if (!hasNext()) {
      throw new java.util.NoSuchElementException(file + ": no frame after " + frames);
    }
    long index = next++;
    frame.clear();
    long pos = firstFrame + index * frameBytes;
    while (frame.hasRemaining()) {
      if (in.read(frame, pos + frame.position()) < 0) {
        throw bad("frame " + (index + 1) + " is truncated");
      }
    }
    int p = unitCell ? 56 : 0;
    if (unitCell && (frame.getInt(0) != 48 || frame.getInt(52) != 48)) {
      throw bad("frame " + (index + 1) + ": bad unit-cell record");
    }
    for (int d = 0; d < 3; d++) {
      if (frame.getInt(p) != 4 * atoms || frame.getInt(p + 4 + 4 * atoms) != 4 * atoms) {
        throw bad("frame " + (index + 1) + ": bad " + "XYZ".charAt(d) + " record");
      }
      for (int i = 0; i < atoms; i++) {
        float v = frame.getFloat(p + 4 + 4 * i);
        if (!Float.isFinite(v)) {
          throw bad("frame " + (index + 1) + ", atom " + (i + 1) + ": coordinate " + "xyz".charAt(d) + " is " + v);
        }
        xyz[3 * i + d] = v;
      }
      p += 8 + 4 * atoms;
    }
    return index;
  }

  private ByteBuffer read(long pos, int bytes, ByteOrder o, String what) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(bytes).order(o);
    while (b.hasRemaining()) {
      if (in.read(b, pos + b.position()) < 0) {
        throw bad("truncated in its " + what);
      }
    }
    return b;
  }

  private IOException bad(String why) {
    return new IOException(file + ": " + why);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
