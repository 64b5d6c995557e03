package org.backmap.md.dataset;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backmap.md.bat.BatGroup;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.templates.TemplateLibrary;

/**
 * Streams training examples of one residue type ({@link ResidueType}) into a chunked binary file
 * ({@link DatasetFormat}). Examples are buffered one chunk at a time; the file appears under its name only when
 * {@link #close()} succeeds, and {@link #discard()} drops it.
 */
public final class DatasetWriter implements Closeable {
  private final Path file;
  private final AtomicOutput atomic;
  private final DataOutputStream out;
  private final String type;
  private final BatGroup group;
  private final TemplateLibrary library = TemplateLibrary.ff14SB();
  private final int batDim;
  private final int chunkSize;
  private final List<TrainingExample> pending = new ArrayList<>();
  private long written;

  /** Opens {@code file} for examples of residue type {@code type}/{@code group} with BAT length {@code batDim}. */
  public DatasetWriter(Path file, String type, BatGroup group, int batDim, int chunkSize) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size must be positive");
    }
    this.file = file.toAbsolutePath();
    this.type = type;
    this.group = group;
    this.batDim = batDim;
    this.chunkSize = chunkSize;
    try {
      this.atomic = new AtomicOutput(this.file);
      this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(atomic.channel()), 1 << 16));
      out.write(DatasetFormat.MAGIC);
      out.writeInt(DatasetFormat.VERSION);
      out.writeUTF(type);
      out.writeUTF(group.name());
      out.writeInt(batDim);
      out.writeInt(ExampleExtractor.ENVIRONMENT_SIZE);
      out.writeInt(new ParticleClasses(TemplateLibrary.ff14SB()).count());
      out.writeInt(chunkSize);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /** Adds one example; its template must be of this file's residue type and group, with this BAT length. */
  public void write(TrainingExample e) {
    if (e.group() != group || e.bat().length != batDim || e.roots().length != 9 || !ResidueType.of(library.template(e.template()), e.group()).equals(type)) {
      throw new IllegalArgumentException("example " + e.template() + "/" + e.group() + " does not belong in " + type + "/" + group);
    }
    pending.add(e);
    if (pending.size() == chunkSize) {
      flushChunk();
    }
  }

  /** The residue type of the file. */
  public String type() {
    return type;
  }

  /** The group of the file. */
  public BatGroup group() {
    return group;
  }

  /** The BAT vector length. */
  public int batDim() {
    return batDim;
  }

  /** Number of examples written so far. */
  public long count() {
    return written + pending.size();
  }

  private void flushChunk() {
    try {
      int n = pending.size();
      out.writeInt(n);
      for (TrainingExample e : pending) {
        for (double v : e.bat()) {
          out.writeDouble(v);
        }
      }
      for (TrainingExample e : pending) {
        for (double v : e.bead()) {
          out.writeDouble(v);
        }
      }
      for (TrainingExample e : pending) {
        for (double v : e.roots()) {
          out.writeDouble(v);
        }
      }
      for (TrainingExample e : pending) {
        for (float v : e.environment()) {
          out.writeFloat(v);
        }
      }
      for (TrainingExample e : pending) {
        out.write(e.labels());
      }
      for (TrainingExample e : pending) {
        out.write(e.mask());
      }
      written += n;
      pending.clear();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write " + file, ex);
    }
  }

  /** Writes the last chunk and the end marker, then moves the file into place. */
  @Override
  public void close() {
    try (atomic) {
      atomic.commitAfter(() -> {
        if (!pending.isEmpty()) {
          flushChunk();
        }
        out.writeInt(0);
        out.writeLong(written);
        out.flush();
      });
    }
  }

  /** Drops the file: nothing appears under its name (for a run that failed). */
  public void discard() {
    atomic.close();
  }
}
