package org.backmap.md.trajectory;

import org.backmap.base.io.AtomicOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a CHARMM/NAMD DCD trajectory (little-endian Fortran records, coordinates in Angstrom as float32, no unit
 * cell), the format VMD, MDTraj and MDAnalysis read. Layout: a header record {@code "CORD"} + 20 int32 control
 * words (frame count, first step, steps between frames, last step, time step as float32 in AKMA units, CHARMM
 * version 24),
 * a title record, an atom-count record, then per frame three records X, Y, Z. The frame count is written at
 * {@link #finish()}; the file appears only then. {@link #continuing} continues an existing file after its first
 * frames.
 */
public final class DcdWriter implements AutoCloseable {
  /** AKMA time unit in ps (CHARMM stores the time step in these units). */
  static final double AKMA_PS = 0.04888821;
  /** Bytes before the first frame: header, one 80-character title and atom-count records. */
  static final int HEADER_BYTES = 196;

  private final AtomicOutput out;
  private final int atoms;
  private final ByteBuffer frame;
  private final int firstStep;
  private final int stepsPerFrame;
  private int frames;

  /**
   * @param file output file
   * @param atoms atoms per frame
   * @param firstStep step number of the first frame
   * @param stepsPerFrame steps between frames
   * @param timeStepPs integration time step (ps)
   * @param title a title line (at most 80 characters are kept)
   */
  public DcdWriter(Path file, int atoms, int firstStep, int stepsPerFrame, double timeStepPs, String title) {
    this.atoms = atoms;
    this.firstStep = firstStep;
    this.stepsPerFrame = stepsPerFrame;
    this.out = new AtomicOutput(file);
    ByteBuffer h = ByteBuffer.allocate(84 + 8 + 88 + 8 + 12).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(84);
    h.put("CORD".getBytes(StandardCharsets.US_ASCII));
    h.putInt(0); // frame count, patched at finish
    h.putInt(firstStep);
    h.putInt(stepsPerFrame);
    h.putInt(0); // step of the last frame, patched at finish
    for (int i = 4; i < 9; i++) {
      h.putInt(0);
    }
    h.putFloat((float) (timeStepPs / AKMA_PS));
    for (int i = 10; i < 19; i++) {
      h.putInt(0);
    }
    h.putInt(24);
    h.putInt(84);
    byte[] t = new byte[80];
    java.util.Arrays.fill(t, (byte) ' ');
    byte[] src = title.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(src, 0, t, 0, Math.min(80, src.length));
    h.putInt(84);
    h.putInt(1);
    h.put(t);
    h.putInt(84);
    h.putInt(4);
    h.putInt(atoms);
    h.putInt(4);
    h.flip();
    write(h);
    frame = ByteBuffer.allocate(frameBytes(atoms)).order(ByteOrder.LITTLE_ENDIAN);
  }

  private DcdWriter(Path file, int atoms, int firstStep, int stepsPerFrame, int frames) {
    this.atoms = atoms;
    this.firstStep = firstStep;
    this.stepsPerFrame = stepsPerFrame;
    this.frames = frames;
    this.out = new AtomicOutput(file);
    frame = ByteBuffer.allocate(frameBytes(atoms)).order(ByteOrder.LITTLE_ENDIAN);
    out.copyFrom(file, HEADER_BYTES + (long) frames * frameBytes(atoms));
    try {
      out.channel().position(out.channel().size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Continues {@code file}, written by this class with the same atoms and step numbering, after its first
   * {@code frames} frames; later frames are dropped. The file itself is replaced only at {@link #finish()}.
   *
   * @throws UncheckedIOException when the file is not such a DCD file or holds fewer frames
   */
  public static DcdWriter continuing(Path file, int atoms, int firstStep, int stepsPerFrame, int frames) {
    ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    long size;
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      size = in.size();
      while (h.hasRemaining() && in.read(h) >= 0) {
        // reads the header
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    boolean ours = h.position() == HEADER_BYTES && h.getInt(0) == 84 && h.get(4) == 'C' && h.get(5) == 'O' && h.get(6) == 'R'
        && h.get(7) == 'D' && h.getInt(12) == firstStep && h.getInt(16) == stepsPerFrame && h.getInt(92) == 84 && h.getInt(96) == 1
        && h.getInt(184) == 4 && h.getInt(188) == atoms;
    if (!ours) {
      throw new UncheckedIOException(file + ": not the DCD file of this run", new IOException(file + ": unexpected header"));
    }
    long available = (size - HEADER_BYTES) / frameBytes(atoms);
    if (available < frames) {
      throw new UncheckedIOException(file + " holds " + available + " frames, " + frames + " expected",
          new IOException(file + ": too short"));
    }
    return new DcdWriter(file, atoms, firstStep, stepsPerFrame, frames);
  }

  private static int frameBytes(int atoms) {
    return 3 * (8 + 4 * atoms);
  }

  /** Appends a frame of positions in nm (flat, {@code 3 * atoms} values). */
  public void append(double[] xNm) {
    if (xNm.length != 3 * atoms) {
      throw new IllegalArgumentException("expected " + 3 * atoms + " coordinates, got " + xNm.length);
    }
    frame.clear();
    for (int d = 0; d < 3; d++) {
      frame.putInt(4 * atoms);
      for (int i = 0; i < atoms; i++) {
        frame.putFloat((float) (10 * xNm[3 * i + d]));
      }
      frame.putInt(4 * atoms);
    }
    frame.flip();
    write(frame);
    frames++;
  }

  /** Frames written. */
  public int frames() {
    return frames;
  }

  /** Writes the frame count and makes the file appear. */
  public void finish() {
    ByteBuffer count = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(frames);
    count.flip();
    ByteBuffer lastStep = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
        .putInt(frames == 0 ? 0 : firstStep + stepsPerFrame * (frames - 1));
    lastStep.flip();
    out.commitAfter(() -> {
      out.channel().write(count, 8);
      out.channel().write(lastStep, 20);
    });
  }

  /** Deletes the unfinished file unless {@link #finish()} was called. */
  @Override
  public void close() {
    out.close();
  }

  private void write(ByteBuffer b) {
    try {
      while (b.hasRemaining()) {
        out.channel().write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write DCD frame", e);
    }
  }
}
