package org.backmap.nn.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.base.io.AtomicOutput;

/**
 * Writes checkpoints so that a crash at any moment leaves either the previous complete checkpoint or the new one.
 *
 * <p>Steps, each file through {@link AtomicOutput}: (1) the payload goes to a temporary file in the target
 * directory, is forced to disk and renamed atomically to {@code <base>.<hash>.bin}, a name no earlier checkpoint
 * uses unless its content is identical; (2) the manifest goes to a temporary file, is forced and renamed
 * atomically over {@code <base>.json}; (3) only then is the payload of the replaced manifest deleted. Until step
 * 2 completes, the old manifest still points at its own, untouched payload. Both files get the usual (umask)
 * permissions.
 */
public final class CheckpointWriter {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static final int CHUNK_ELEMENTS = 1 << 14;

  private CheckpointWriter() {}

  /**
   * Writes {@code tensors} (in map order) and {@code config} (null for an empty object) as the checkpoint whose
   * manifest is {@code manifest}, e.g. {@code run/model.json}; the directory must exist.
   */
  public static void write(Path manifest, JsonNode config, Map<String, Tensor> tensors) throws IOException {
    Path dir = manifest.toAbsolutePath().getParent();
    String base = baseName(manifest);
    Path previousPayload = previousPayload(manifest);

    List<Manifest.Entry> entries = new ArrayList<>();
    long offset = 0;
    String sha256;
    Path payload;
    // the payload's name holds its hash, so it is written under a provisional name and committed as that
    try (AtomicOutput out = new AtomicOutput(dir.resolve(base + ".bin"))) {
      MessageDigest digest = sha256();
      for (var e : tensors.entrySet()) {
        Tensor t = e.getValue();
        long bytes = (long) t.size() * Manifest.width(t.dtype());
        entries.add(new Manifest.Entry(e.getKey(), t.dtype(), t.shape(), offset, bytes));
        writeTensor(t, out.channel(), digest);
        offset += bytes;
      }
      sha256 = HexFormat.of().formatHex(digest.digest());
      payload = dir.resolve(base + "." + sha256.substring(0, 16) + ".bin");
      out.commitAs(payload);
    }

    Manifest m = new Manifest(Manifest.FORMAT, Manifest.VERSION,
        config == null ? JsonNodeFactory.instance.objectNode() : config,
        new Manifest.Payload(payload.getFileName().toString(), offset, sha256), entries);
    ByteBuffer json = ByteBuffer.wrap(JSON.writeValueAsBytes(m));
    try (AtomicOutput out = new AtomicOutput(manifest)) {
      out.commitAfter(() -> {
        while (json.hasRemaining()) {
          out.channel().write(json);
        }
      });
    }
    syncDirectory(dir);
    // the same tensors saved twice give the same payload name: compare absolute paths, since the manifest's
    // path may be relative while the payload's is not, and deleting "the old one" would delete the new one
    if (previousPayload != null && !previousPayload.toAbsolutePath().normalize().equals(payload.toAbsolutePath().normalize())) {
      Files.deleteIfExists(previousPayload);
    }
  }

  /** The manifest's file name without a {@code .json} extension. */
  static String baseName(Path manifest) {
    String name = manifest.getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }

  /** The payload named by an existing manifest at this path, if it is readable and follows the naming rule. */
  private static Path previousPayload(Path manifest) {
    try {
      String file = JSON.readTree(manifest.toFile()).path("payload").path("file").asText("");
      return file.matches(Pattern.quote(baseName(manifest)) + "\\.[0-9a-f]{16}\\.bin")
          ? manifest.resolveSibling(file) : null;
    } catch (IOException | RuntimeException e) {
      return null; // no previous checkpoint, or one we must not touch
    }
  }

  private static void writeTensor(Tensor t, FileChannel out, MessageDigest digest) throws IOException {
    int width = Manifest.width(t.dtype());
    ByteBuffer buf = ByteBuffer.allocate(CHUNK_ELEMENTS * width).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < t.size(); start += CHUNK_ELEMENTS) {
      int n = Math.min(CHUNK_ELEMENTS, t.size() - start);
      buf.clear();
      if (t.dtype() == DType.F32) {
        buf.asFloatBuffer().put(t.floatData(), start, n);
      } else {
        buf.asDoubleBuffer().put(t.doubleData(), start, n);
      }
      buf.limit(n * width);
      digest.update(buf.duplicate());
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }
  }

  /** Makes the renames durable where the platform allows opening a directory. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform; the renames are still atomic
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
