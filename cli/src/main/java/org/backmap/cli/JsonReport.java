package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.backmap.base.io.AtomicOutput;

/** Writes a command's JSON report: indented, atomically (the file appears whole or not at all). */
final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** Writes {@code value} (a record or Jackson-ready object) to {@code file}. */
  static void write(Path file, Object value) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(value);
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.commitAfter(() -> out.channel().write(ByteBuffer.wrap(bytes)));
    }
  }
}
