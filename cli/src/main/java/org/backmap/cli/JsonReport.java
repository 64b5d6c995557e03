package org.backmap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.backmap.base.io.AtomicOutput;

/** A command's {@code --json} report: the record as indented JSON, written atomically (the file appears only when complete). */
final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** Writes {@code report} (a Jackson-ready record) to {@code file}. */
  static void write(Path file, Object report) throws IOException {
    AtomicOutput.write(file, JSON.writeValueAsBytes(report));
  }
}
