package org.backmap.md.structure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A streamed output file that appears only when complete: data go to a hidden temporary sibling, which
 * {@link #commit} renames into place; {@link #close} without commit deletes it, so a failed run leaves no
 * partial file. Every writer of the md module goes through here, so finished files all get the usual permissions.
 */
public final class AtomicOutput implements AutoCloseable {
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

  /** The open channel to write to. */
  public FileChannel channel() {
    return channel;
  }

  /** Closes the channel and renames the temporary file to the target. */
  public void commit() {
    try {
      channel.force(false);
      channel.close();
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      committed = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

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
