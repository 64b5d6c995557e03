package org.backmap.nn.checkpoint;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;

/**
 * Reads and verifies checkpoints written by {@link CheckpointWriter}: the manifest must be a backmap checkpoint
 * of a supported format version with consistent entries, and the payload must have exactly the recorded length
 * and SHA-256. Every failure is a {@link CheckpointException} whose message names the file and the problem.
 * The payload is read whole, so it must be smaller than 2 GiB.
 */
public final class CheckpointReader {

  private CheckpointReader() {}

  /** Reads the checkpoint whose manifest is {@code manifest}. */
  public static Checkpoint read(Path manifest) throws CheckpointException {
    Manifest m = readManifest(manifest);
    checkEntries(manifest, m);
    byte[] payload = readPayload(manifest, m.payload());
    ByteBuffer buf = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Manifest.Entry e : m.tensors()) {
      buf.position((int) e.offset());
      int n = (int) (e.bytes() / Manifest.width(e.dtype()));
      Tensor t;
      if (e.dtype() == DType.F32) {
        float[] data = new float[n];
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        t = Tensor.wrap(data, e.shape());
      } else {
        double[] data = new double[n];
        buf.slice().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
        t = Tensor.wrap(data, e.shape());
      }
      tensors.put(e.name(), t);
    }
    return new Checkpoint(manifest, m.config(), tensors);
  }

  private static Manifest readManifest(Path manifest) throws CheckpointException {
    JsonNode tree;
    try {
      tree = CheckpointWriter.JSON.readTree(Files.readAllBytes(manifest));
    } catch (NoSuchFileException e) {
      throw new CheckpointException("checkpoint manifest " + manifest + " does not exist", e);
    } catch (JacksonException e) {
      throw new CheckpointException(manifest + " is not a checkpoint manifest: invalid JSON ("
          + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read checkpoint manifest " + manifest + ": " + e.getMessage(), e);
    }
    if (tree == null || !Manifest.FORMAT.equals(tree.path("format").asText(null))) {
      throw new CheckpointException(manifest + " is not a checkpoint manifest: no \"format\": \""
          + Manifest.FORMAT + "\" field");
    }
    JsonNode version = tree.path("formatVersion");
    if (!version.isInt() || version.intValue() != Manifest.VERSION) {
      throw new CheckpointException(manifest + " has unsupported checkpoint format version " + version
          + " (this build reads version " + Manifest.VERSION + ")");
    }
    Manifest m;
    try {
      m = CheckpointWriter.JSON.treeToValue(tree, Manifest.class);
    } catch (JacksonException e) {
      throw new CheckpointException(manifest + " is a malformed checkpoint manifest: " + e.getOriginalMessage(), e);
    }
    if (m.payload() == null || m.tensors() == null || m.payload().file() == null || m.payload().sha256() == null) {
      throw new CheckpointException(manifest + " is a malformed checkpoint manifest: missing \"payload\" or "
          + "\"tensors\"");
    }
    return m;
  }

  /** Entries must be unique, well-formed, and tile the payload exactly in order. */
  private static void checkEntries(Path manifest, Manifest m) throws CheckpointException {
    Set<String> names = new HashSet<>();
    long offset = 0;
    for (Manifest.Entry e : m.tensors()) {
      String what = manifest + ": tensor '" + e.name() + "' ";
      if (e.name() == null || e.dtype() == null || e.shape() == null) {
        throw new CheckpointException(manifest + " is a malformed checkpoint manifest: a tensor entry lacks "
            + "name, dtype or shape");
      }
      if (!names.add(e.name())) {
        throw new CheckpointException(what + "appears twice");
      }
      long elements = 1;
      for (int d : e.shape()) {
        if (d < 0) {
          throw new CheckpointException(what + "has negative shape " + Arrays.toString(e.shape()));
        }
        elements *= d;
      }
      if (e.bytes() != elements * Manifest.width(e.dtype())) {
        throw new CheckpointException(what + "has " + e.bytes() + " bytes, but shape " + Arrays.toString(e.shape())
            + " of " + e.dtype() + " needs " + elements * Manifest.width(e.dtype()));
      }
      if (e.offset() != offset) {
        throw new CheckpointException(what + "starts at byte " + e.offset() + ", expected " + offset);
      }
      offset += e.bytes();
    }
    if (offset != m.payload().bytes()) {
      throw new CheckpointException(manifest + ": tensors cover " + offset + " bytes but the payload is recorded as "
          + m.payload().bytes() + " bytes");
    }
  }

  private static byte[] readPayload(Path manifest, Manifest.Payload p) throws CheckpointException {
    String file = p.file();
    if (file.isEmpty() || file.contains("/") || file.contains("\\") || file.equals("..")) {
      throw new CheckpointException(manifest + " names an invalid payload file '" + file + "'");
    }
    Path payload = manifest.resolveSibling(file);
    byte[] data;
    try {
      data = Files.readAllBytes(payload);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("payload " + payload + " of checkpoint " + manifest + " does not exist", e);
    } catch (IOException e) {
      throw new CheckpointException("cannot read payload " + payload + ": " + e.getMessage(), e);
    }
    if (data.length < p.bytes()) {
      throw new CheckpointException("payload " + payload + " is truncated: " + data.length + " bytes, manifest "
          + manifest + " records " + p.bytes());
    }
    if (data.length > p.bytes()) {
      throw new CheckpointException("payload " + payload + " has " + data.length + " bytes, manifest " + manifest
          + " records " + p.bytes());
    }
    String actual = HexFormat.of().formatHex(CheckpointWriter.sha256().digest(data));
    if (!actual.equals(p.sha256())) {
      throw new CheckpointException("payload " + payload + " is corrupted: its SHA-256 is " + actual
          + " but manifest " + manifest + " records " + p.sha256());
    }
    return data;
  }
}
