package org.backmap.base.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A streamed output file that appears only when complete: data go to a hidden temporary sibling, which
 * {@link #commit} renames into place; {@link #close} without commit deletes it, so a failed run leaves no
 * partial file. Every writer of the project goes through here, so finished files all get the usual permissions.
 */
public final class AtomicOutput implements AutoCloseable {

  /** The last writes of a file, run by {@link #commitAfter} just before the commit. */
  @FunctionalInterface
  public interface FinalWrites {
    /** Writes what is still missing and flushes every buffer that sits on {@link #channel()}. */
    void run() throws IOException;
  }

  private final Path target;
  private final Path temporary;
  private final FileChannel channel;
  private boolean committed;

  /** Creates the hidden temporary sibling of {@code file}. */
  public AtomicOutput(Path file) {
    target = file.toAbsolutePath();
    try {
      // createFile (not createTempFile) so the finished file gets the usual permissions, not owner-only ones.
      temporary = Files.createFile(target.resolveSibling(
          "." + target.getFileName() + "." + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp"));
      channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  /**
   * Writes {@code content} to {@code file} atomically: the file appears, complete, only when every byte is written.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  public static void write(Path file, byte[] content) {
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(content);
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.commitAfter(() -> {
        while (bytes.hasRemaining()) {
          out.channel().write(bytes);
        }
      });
    }
  }

  /** The open channel to write to. */
  public FileChannel channel() {
    return channel;
  }

  /**
   * Writes the first {@code length} bytes of {@code file} to the channel: how a writer continues a file that
   * already exists (often the target itself, which stays untouched until the commit).
   */
  public void copyFrom(Path file, long length) {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      if (in.size() < length) {
        throw new IOException(file + " holds " + in.size() + " bytes, expected at least " + length);
      }
      for (long done = 0; done < length; ) {
        done += in.transferTo(done, length - done, channel);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + file, e);
    }
  }

  /** The file this output becomes on {@link #commit()}, as an absolute path. */
  public Path target() {
    return target;
  }

  /** Closes the channel and renames the temporary file to the target. */
  public void commit() {
    commitAs(target);
  }

  /**
   * Closes the channel and renames the temporary file to {@code file} instead of the target, for files whose
   * name depends on their content (known only once written). {@code file} must be in the target's directory,
   * so the rename stays atomic.
   */
  public void commitAs(Path file) {
    Path destination = file.toAbsolutePath();
    if (!Objects.equals(destination.getParent(), target.getParent())) {
      throw new IllegalArgumentException(file + " is not in the directory of " + target);
    }
    try {
      channel.force(false);
      channel.close();
      Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + destination, e);
    }
  }

  /**
   * Runs {@code last}, then {@link #commit()}s: the one way a streamed writer finishes its file. When
   * {@code last} fails nothing is committed, and {@link #close()} discards the file.
   */
  public void commitAfter(FinalWrites last) {
    try {
      last.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    commit();
  }

  /** Deletes the temporary file unless it was committed; does nothing after a commit. */
  @Override
  public void close() {
    if (!committed) {
      try {
        channel.close();
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // best effort: the temporary file is hidden and harmless
      }
    }
  }
}
