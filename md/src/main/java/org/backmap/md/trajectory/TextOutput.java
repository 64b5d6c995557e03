package org.backmap.md.trajectory;

import org.backmap.base.io.AtomicOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A streamed text file that appears only when finished (see {@link AtomicOutput}). */
abstract class TextOutput implements AutoCloseable {
  private final AtomicOutput out;
  private final Writer writer;

  TextOutput(Path file) {
    out = new AtomicOutput(file);
    writer = new java.io.BufferedWriter(Channels.newWriter(out.channel(), StandardCharsets.UTF_8), 1 << 16);
  }

  void write(String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write output", e);
    }
  }

  /** Text written last, before the file is committed (may be empty). */
  String trailer() {
    return "";
  }

  /** Completes the file and makes it appear. */
  public void finish() {
    out.commitAfter(() -> {
      writer.write(trailer());
      writer.flush();
    });
  }

  /** Deletes the unfinished file unless {@link #finish()} was called. */
  @Override
  public void close() {
    out.close();
  }
}
