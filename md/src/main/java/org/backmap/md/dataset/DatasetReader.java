package org.backmap.md.dataset;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.backmap.md.bat.BatGroup;

/**
 * Streams a dataset file ({@link DatasetFormat}) as batches of a fixed size (the last may be smaller). Only the
 * current chunk and the batch being filled are held in memory. A truncated file, or one whose example total
 * disagrees with its chunks, fails with an {@link UncheckedIOException} naming it.
 *
 * <p>A reader may start at any chunk: it then reads to the end and goes on from the beginning up to where it
 * started, so it still gives every example once, in the file order rotated.
 */
public final class DatasetReader implements Iterator<ExampleBatch>, Closeable {
  private final Path file;
  private final long startChunk;
  private DataInputStream in;
  private long chunkIndex;
  private long skippedExamples;
  private boolean wrapped;
  private final String template;
  private final BatGroup group;
  private final int version;
  private long read;
  private final int batDim;
  private final int env;
  private final int classes;
  private final int batchSize;
  private ExampleBatch chunk;
  private int chunkPos;
  private boolean ended;

  /** Opens {@code file} and reads its header. */
  public DatasetReader(Path file, int batchSize) {
    this(file, batchSize, 0);
  }

  /**
   * Opens {@code file} to read from chunk {@code startChunk} (taken modulo the number of chunks) to the end, then
   * from the first chunk up to it.
   */
  public DatasetReader(Path file, int batchSize, long startChunk) {
    if (batchSize < 1 || startChunk < 0) {
      throw new IllegalArgumentException("batch size must be positive and start chunk non-negative, got " + batchSize + " and " + startChunk);
    }
    this.file = file;
    this.batchSize = batchSize;
    try {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (!Arrays.equals(magic, DatasetFormat.MAGIC)) {
        throw new IOException("not a backmap dataset (bad magic)");
      }
      version = in.readInt();
      if (version < 1 || version > DatasetFormat.VERSION) {
        throw new IOException("unsupported dataset version " + version);
      }
      template = in.readUTF();
      group = BatGroup.valueOf(in.readUTF());
      batDim = in.readInt();
      env = in.readInt();
      classes = in.readInt();
      in.readInt(); // chunk size: informative
      if (env != ExampleExtractor.ENVIRONMENT_SIZE) {
        throw new IOException("environment size " + env + " differs from " + ExampleExtractor.ENVIRONMENT_SIZE);
      }
      this.startChunk = skipChunks(startChunk);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset " + file, e);
    }
  }

  /** Skips {@code n} chunks (modulo their number: at the end marker it reopens the file); returns the chunk reached. */
  private long skipChunks(long n) throws IOException {
    long perExample = 8L * batDim + 8 * 3 + (version >= 3 ? 8 * 9 : 0) + 4L * env * 3 + 2L * env;
    long skipped = 0;
    while (skipped < n) {
      int count = in.readInt();
      if (count == 0) {
        if (skipped == 0) {
          return reopen(); // an empty file
        }
        n %= skipped;
        reopen();
        skipped = 0;
        skippedExamples = 0;
        continue;
      }
      if (count < 0) {
        throw new IOException("negative chunk size " + count);
      }
      in.skipNBytes(count * perExample);
      skipped++;
      skippedExamples += count;
    }
    chunkIndex = skipped;
    return skipped;
  }

  /** Reopens the file after its header; returns 0. */
  private long reopen() throws IOException {
    in.close();
    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    in.skipNBytes(4 + 4);
    in.readUTF();
    in.readUTF();
    in.skipNBytes(4 * 4);
    chunkIndex = 0;
    return 0;
  }

  /** Residue type of every example in the file ({@link ResidueType}; in version 1 files, the one template). */
  public String template() {
    return template;
  }

  /** Group of every example in the file. */
  public BatGroup group() {
    return group;
  }

  /** BAT vector length. */
  public int batDim() {
    return batDim;
  }

  /** Number of particle classes. */
  public int classes() {
    return classes;
  }

  @Override
  public boolean hasNext() {
    return fill();
  }

  @Override
  public ExampleBatch next() {
    if (!fill()) {
      throw new NoSuchElementException();
    }
    double[] bat = new double[batchSize * batDim];
    double[] bead = new double[batchSize * 3];
    double[] roots = new double[batchSize * 9];
    float[] environment = new float[batchSize * env * 3];
    byte[] labels = new byte[batchSize * env];
    byte[] mask = new byte[batchSize * env];
    int n = 0;
    while (n < batchSize && fill()) {
      int take = Math.min(batchSize - n, chunk.size() - chunkPos);
      System.arraycopy(chunk.bat(), chunkPos * batDim, bat, n * batDim, take * batDim);
      System.arraycopy(chunk.bead(), chunkPos * 3, bead, n * 3, take * 3);
      System.arraycopy(chunk.roots(), chunkPos * 9, roots, n * 9, take * 9);
      System.arraycopy(chunk.environment(), chunkPos * env * 3, environment, n * env * 3, take * env * 3);
      System.arraycopy(chunk.labels(), chunkPos * env, labels, n * env, take * env);
      System.arraycopy(chunk.mask(), chunkPos * env, mask, n * env, take * env);
      n += take;
      chunkPos += take;
    }
    if (n < batchSize) {
      bat = Arrays.copyOf(bat, n * batDim);
      bead = Arrays.copyOf(bead, n * 3);
      roots = Arrays.copyOf(roots, n * 9);
      environment = Arrays.copyOf(environment, n * env * 3);
      labels = Arrays.copyOf(labels, n * env);
      mask = Arrays.copyOf(mask, n * env);
    }
    return new ExampleBatch(template, group, n, batDim, bat, bead, roots, environment, labels, mask);
  }

  /** Makes sure an unread example is in the current chunk; false at the end of the file. */
  private boolean fill() {
    if (chunk != null && chunkPos < chunk.size()) {
      return true;
    }
    if (ended) {
      return false;
    }
    try {
      if (wrapped && chunkIndex == startChunk) {
        ended = true;
        return false;
      }
      int n = in.readInt();
      if (n == 0) {
        long before = skippedExamples + read; // examples of the file: the skipped chunks, then those read
        if (version >= 2 && in.readLong() != before) {
          throw new IOException("the file ends after " + before + " examples but says it holds a different number");
        }
        if (startChunk > 0 && !wrapped) {
          wrapped = true;
          reopen();
          return fill();
        }
        ended = true;
        return false;
      }
      if (n < 0) {
        throw new IOException("negative chunk size " + n);
      }
      read += n;
      chunkIndex++;
      double[] bat = new double[n * batDim];
      for (int i = 0; i < bat.length; i++) {
        bat[i] = in.readDouble();
      }
      double[] bead = new double[n * 3];
      for (int i = 0; i < bead.length; i++) {
        bead[i] = in.readDouble();
      }
      double[] roots = new double[n * 9];
      for (int i = 0; i < roots.length; i++) {
        roots[i] = version >= 3 ? in.readDouble() : Double.NaN;
      }
      float[] environment = new float[n * env * 3];
      for (int i = 0; i < environment.length; i++) {
        environment[i] = in.readFloat();
      }
      byte[] labels = new byte[n * env];
      in.readFully(labels);
      byte[] mask = new byte[n * env];
      in.readFully(mask);
      chunk = new ExampleBatch(template, group, n, batDim, bat, bead, roots, environment, labels, mask);
      chunkPos = 0;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("truncated or corrupt dataset " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
