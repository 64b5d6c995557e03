package org.backmap.md.prepare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The resumable record of a run: {@code prepare-manifest.jsonl} in the output folder, one JSON line per finished
 * file, appended with a single write and forced to disk as each file finishes. A run killed while appending can
 * leave a partial last line; reading ignores lines that do not parse, so that file is just prepared again.
 */
final class Manifest {
  /** The manifest's file name. */
  static final String FILE_NAME = "prepare-manifest.jsonl";
  static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path file;
  private final Map<String, PreparedFile> finished = new HashMap<>();

  private Manifest(Path file) {
    this.file = file;
  }

  /** The manifest of {@code outDir}, with the entries already there. */
  static Manifest open(Path outDir) {
    Manifest m = new Manifest(outDir.resolve(FILE_NAME));
    if (Files.exists(m.file)) {
      try {
        String text = Files.readString(m.file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
          m.appendBytes("\n".getBytes(StandardCharsets.UTF_8)); // end a partial last line, so the next entry starts its own
        }
        for (String line : text.split("\n")) {
          PreparedFile r = parse(line);
          if (r != null) {
            m.finished.put(key(r.sha256(), r.settings()), r); // a later entry for the same input wins
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + m.file, e);
      }
    }
    return m;
  }

  private static PreparedFile parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      PreparedFile r = JSON.readValue(line, PreparedFile.class);
      return r.sha256() == null || r.settings() == null || r.status() == null ? null : r;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String key(String sha256, String settings) {
    return sha256 + " " + settings;
  }

  /**
   * The finished entry for an input with this hash under these settings, or {@code null}. A prepared file whose
   * output has gone from {@code outDir} does not count.
   */
  synchronized PreparedFile finished(String sha256, String settings, Path outDir) {
    PreparedFile r = finished.get(key(sha256, settings));
    if (r != null && r.status() == FileStatus.OK && (r.output() == null || !Files.isRegularFile(outDir.resolve(r.output())))) {
      return null;
    }
    return r;
  }

  /** Appends {@code record} and forces it to disk. */
  synchronized void append(PreparedFile record) {
    byte[] line;
    try {
      line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the record of " + record.input(), e);
    }
    appendBytes(line);
    finished.put(key(record.sha256(), record.settings()), record);
  }

  private void appendBytes(byte[] line) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  /** Number of entries. */
  synchronized int size() {
    return finished.size();
  }
}
