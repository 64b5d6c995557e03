package org.backmap.base.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir
  Path dir;

  @Test
  void commitMakesTheFileAppearWithDefaultPermissions() throws IOException {
    Path file = dir.resolve("out.txt");
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.channel().write(ByteBuffer.wrap(bytes("hello")));
      assertFalse(Files.exists(file), "nothing under the name before commit");
      out.commit();
    }
    assertArrayEquals(bytes("hello"), Files.readAllBytes(file));
    assertEquals(List.of(file), entries(), "no temporary file is left");

    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // a file created the ordinary way gets the process umask; the committed file must match it
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
    assertEquals(usual, Files.getPosixFilePermissions(file));
  }

  @Test
  void closeWithoutCommitLeavesNoFile() throws IOException {
    Path file = dir.resolve("out.bin");
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.channel().write(ByteBuffer.wrap(bytes("partial")));
    }
    assertFalse(Files.exists(file));
    assertEquals(List.of(), entries(), "the hidden temporary file is deleted too");
  }

  @Test
  void failingWriteLeavesThePreviousFileIntact() throws IOException {
    Path file = dir.resolve("model.json");
    Files.write(file, bytes("previous"));
    assertThrows(UncheckedIOException.class, () -> {
      try (AtomicOutput out = new AtomicOutput(file)) {
        out.commitAfter(() -> {
          out.channel().write(ByteBuffer.wrap(bytes("half of the new")));
          throw new IOException("disk full");
        });
      }
    });
    assertArrayEquals(bytes("previous"), Files.readAllBytes(file));
    assertEquals(List.of(file), entries(), "no temporary file is left");
  }

  @Test
  void commitReplacesThePreviousFile() throws IOException {
    Path file = dir.resolve("model.json");
    Files.write(file, bytes("previous"));
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.commitAfter(() -> out.channel().write(ByteBuffer.wrap(bytes("new"))));
    }
    assertArrayEquals(bytes("new"), Files.readAllBytes(file));
  }

  @Test
  void commitAsRenamesWithinTheDirectoryOnly() throws IOException {
    Path named = dir.resolve("payload.0123.bin");
    try (AtomicOutput out = new AtomicOutput(dir.resolve("payload.bin"))) {
      out.channel().write(ByteBuffer.wrap(bytes("data")));
      assertThrows(IllegalArgumentException.class, () -> out.commitAs(dir.resolve("sub").resolve("x.bin")));
      out.commitAs(named);
    }
    assertArrayEquals(bytes("data"), Files.readAllBytes(named));
    assertTrue(Files.notExists(dir.resolve("payload.bin")));
    assertEquals(List.of(named), entries());
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
