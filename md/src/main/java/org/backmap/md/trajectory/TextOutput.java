package org.backmap.md.trajectory;

import org.backmap.base.io.AtomicOutput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A streamed text file that appears only when finished (see {@link AtomicOutput}), new or continuing the first
 * lines of the file already there.
 */
abstract class TextOutput implements AutoCloseable {
  private final AtomicOutput out;
  private final Writer writer;

  /** Starts {@code file} afresh. */
  TextOutput(Path file) {
    this(file, 0);
  }

  /** Starts {@code file} with its own first {@code keptBytes} bytes. */
  TextOutput(Path file, long keptBytes) {
    out = new AtomicOutput(file);
    if (keptBytes > 0) {
      out.copyFrom(file, keptBytes);
    }
    writer = new java.io.BufferedWriter(Channels.newWriter(out.channel(), StandardCharsets.UTF_8), 1 << 16);
  }

  /**
   * The length in bytes of the lines of {@code file} up to and including the {@code count}-th line that
   * {@code counted} accepts, or -1 when it has fewer such lines. Lines are ASCII, ended by {@code '\n'}.
   */
  static long lengthThrough(Path file, long count, Predicate<String> counted) {
    if (count == 0) {
      return 0;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      StringBuilder line = new StringBuilder();
      long offset = 0, seen = 0;
      for (int b = in.read(); b >= 0; b = in.read()) {
        offset++;
        if (b != '\n') {
          line.append((char) b);
        } else {
          if (counted.test(line.toString()) && ++seen == count) {
            return offset;
          }
          line.setLength(0);
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The first line of {@code file}, or {@code ""} when it is empty. */
  static String firstLine(Path file) {
    try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The failure of a file to continue that holds fewer {@code what} than {@code expected}. */
  static UncheckedIOException tooShort(Path file, String what, long expected) {
    return new UncheckedIOException(file + " holds fewer than " + expected + " " + what, new IOException(file + ": too short"));
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
