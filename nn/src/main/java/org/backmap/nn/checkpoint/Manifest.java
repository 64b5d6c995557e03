package org.backmap.nn.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.backmap.autodiff.DType;

/**
 * The JSON manifest of a checkpoint, bound by Jackson.
 *
 * @param format always {@link #FORMAT}; identifies the file as a checkpoint manifest
 * @param formatVersion layout version, {@link #VERSION} for this reader and writer
 * @param config the caller's description of what the tensors belong to (e.g. a network's architecture)
 * @param payload the binary file holding the tensor data
 * @param tensors one entry per tensor, in payload order
 */
record Manifest(String format, int formatVersion, JsonNode config, Payload payload, List<Entry> tensors) {

  /** Value of the {@code format} field. */
  static final String FORMAT = "backmap-checkpoint";

  /** The format version written and read by this code. */
  static final int VERSION = 1;

  /**
   * The payload file, next to the manifest.
   *
   * @param file file name (no directory), {@code <manifest base>.<first 16 hex digits of the hash>.bin}
   * @param bytes exact length in bytes
   * @param sha256 SHA-256 of the whole file, lower-case hex
   */
  record Payload(String file, long bytes, String sha256) {}

  /**
   * One tensor.
   *
   * @param name unique name
   * @param dtype element type, stored little-endian (4 bytes for F32, 8 for F64)
   * @param shape row-major shape
   * @param offset position of the first byte in the payload
   * @param bytes number of bytes, {@code product(shape) * width(dtype)}
   */
  record Entry(String name, DType dtype, int[] shape, long offset, long bytes) {}

  /** Bytes per element of {@code dtype}. */
  static int width(DType dtype) {
    return dtype == DType.F32 ? Float.BYTES : Double.BYTES;
  }
}
