package org.backmap.base.io;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Checks, before any work, that an output file can be written where it is to go. */
public final class OutputFolder {
  private OutputFolder() {}

  /**
   * Throws unless the folder of {@code file} exists, is a folder and is writable, and {@code file} is not a folder.
   *
   * @throws UncheckedIOException naming the folder and the problem
   */
  public static void requireWritable(Path file) {
    if (Files.isDirectory(file)) {
      throw new UncheckedIOException("output " + file + " is a folder, not a file", new FileSystemException(file.toString(), null, "is a folder"));
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder == null) {
      return;
    }
    if (!Files.exists(folder)) {
      throw new UncheckedIOException("output folder " + folder + " does not exist", new NoSuchFileException(folder.toString()));
    }
    if (!Files.isDirectory(folder)) {
      throw new UncheckedIOException("output folder " + folder + " is not a folder", new FileSystemException(folder.toString(), null, "not a folder"));
    }
    if (!Files.isWritable(folder)) {
      throw new UncheckedIOException("output folder " + folder + " is not writable", new AccessDeniedException(folder.toString()));
    }
  }
}
