package org.backmap.nn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backmap.autodiff.DType;
import org.backmap.autodiff.Tensor;
import org.backmap.nn.Activation;
import org.backmap.nn.Linear;
import org.backmap.nn.Mlp;
import org.backmap.nn.MlpConfig;
import org.backmap.nn.Rng;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private Path manifest() {
    return dir.resolve("model.json");
  }

  private Path payload() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> bins = files.filter(p -> p.toString().endsWith(".bin")).toList();
      assertEquals(1, bins.size(), "payload files: " + bins);
      return bins.get(0);
    }
  }

  private static Map<String, Tensor> linearTensors(int in, int out, DType dtype) {
    Map<String, Tensor> m = new LinkedHashMap<>();
    m.put("weight", Tensor.zeros(dtype, in, out));
    m.put("bias", Tensor.zeros(dtype, out));
    return m;
  }

  private String loadFailure(Map<String, Tensor> saved, Linear into) throws IOException {
    CheckpointWriter.write(manifest(), null, saved);
    return assertThrows(CheckpointException.class, () -> ModelCheckpoints.load(manifest(), into)).getMessage();
  }

  private String readFailure() {
    return assertThrows(CheckpointException.class, () -> CheckpointReader.read(manifest())).getMessage();
  }

  @Test
  void saveThenLoadReproducesOutputsBitForBit() throws IOException {
    for (DType dtype : DType.values()) {
      MlpConfig config = MlpConfig.of(2, List.of(16, 16), 3, Activation.GELU).withDtype(dtype);
      Mlp original = new Mlp(config, Rng.seeded(1));
      ModelCheckpoints.save(manifest(), JSON.valueToTree(config), original);

      JsonNode stored = CheckpointReader.read(manifest()).config();
      Mlp restored = new Mlp(JSON.treeToValue(stored, MlpConfig.class), Rng.seeded(2));
      ModelCheckpoints.load(manifest(), restored);

      Tensor x = Tensor.uniform(Rng.seeded(3).generator(), dtype, -3, 3, 50, 2);
      assertArrayEquals(original.forward(x).toDoubleArray(), restored.forward(x).toDoubleArray(), 0.0);
      original.namedParameters().forEach((name, p) ->
          assertArrayEquals(p.toDoubleArray(), restored.namedParameters().get(name).toDoubleArray(), 0.0, name));
    }
  }

  @Test
  void manifestRecordsNamesShapesDtypesOffsetsAndHashOfALittleEndianPayload() throws Exception {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("a", Tensor.of(new float[] {1.5f, -2f, 3f, 4f, 5f, 6f}, 2, 3));
    tensors.put("b", Tensor.of(new double[] {Math.PI}, 1));
    ObjectNode config = JSON.createObjectNode().put("kind", "test");
    CheckpointWriter.write(manifest(), config, tensors);

    JsonNode m = JSON.readTree(manifest().toFile());
    assertEquals("backmap-checkpoint", m.get("format").asText());
    assertEquals(1, m.get("formatVersion").asInt());
    assertEquals(config, m.get("config"));
    assertEquals("a", m.get("tensors").get(0).get("name").asText());
    assertEquals("F32", m.get("tensors").get(0).get("dtype").asText());
    assertEquals("[2,3]", m.get("tensors").get(0).get("shape").toString());
    assertEquals(0, m.get("tensors").get(0).get("offset").asLong());
    assertEquals(6 * 4, m.get("tensors").get(1).get("offset").asLong());
    assertEquals(8, m.get("tensors").get(1).get("bytes").asLong());

    byte[] bytes = Files.readAllBytes(payload());
    assertEquals(6 * 4 + 8, bytes.length);
    assertEquals(bytes.length, m.get("payload").get("bytes").asLong());
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(sha, m.get("payload").get("sha256").asText());
    assertEquals("model." + sha.substring(0, 16) + ".bin", m.get("payload").get("file").asText());
    ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1.5f, le.getFloat(0));
    assertEquals(-2f, le.getFloat(4));
    assertEquals(Math.PI, le.getDouble(24));
  }

  @Test
  void overwritingReplacesThePayloadAndLeavesNoOtherFiles() throws IOException {
    Linear first = new Linear(3, 2, Rng.seeded(1));
    Linear second = new Linear(3, 2, Rng.seeded(2));
    ModelCheckpoints.save(manifest(), null, first);
    Path firstPayload = payload();
    ModelCheckpoints.save(manifest(), null, second);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "manifest and one payload");
    }
    assertTrue(!Files.exists(firstPayload) && Files.exists(payload()));
    Linear loaded = new Linear(3, 2, Rng.seeded(3));
    ModelCheckpoints.load(manifest(), loaded);
    assertArrayEquals(second.weight().floatData(), loaded.weight().floatData());
  }

  @Test
  void savingTheSameTensorsTwiceThroughARelativePathKeepsThePayload() throws IOException {
    // the second save's payload has the first's name; "deleting the previous payload" must not delete it
    Path relative = Path.of("").toAbsolutePath().relativize(manifest().toAbsolutePath());
    Linear same = new Linear(3, 2, Rng.seeded(1));
    ModelCheckpoints.save(relative, null, same);
    ModelCheckpoints.save(relative, null, same);
    Linear loaded = new Linear(3, 2, Rng.seeded(3));
    ModelCheckpoints.load(relative, loaded);
    assertArrayEquals(same.weight().floatData(), loaded.weight().floatData());
  }

  @Test
  void checkpointFilesGetTheUsualPermissions() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(3, 2, Rng.seeded(1)));
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    // a file created the ordinary way gets the process umask; checkpoints must match it, not be owner-only
    Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("reference")));
    assertEquals(usual, Files.getPosixFilePermissions(manifest()));
    assertEquals(usual, Files.getPosixFilePermissions(payload()));
  }

  @Test
  void leftoversOfAnInterruptedWriteDoNotAffectThePreviousCheckpoint() throws IOException {
    Linear saved = new Linear(3, 2, Rng.seeded(1));
    ModelCheckpoints.save(manifest(), null, saved);
    // a crash may leave a temporary file and a renamed payload that no manifest points to yet
    Files.write(dir.resolve(".model.bin.123.tmp"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("model.0123456789abcdef.bin"), new byte[] {4, 5});
    Linear loaded = new Linear(3, 2, Rng.seeded(2));
    ModelCheckpoints.load(manifest(), loaded);
    assertArrayEquals(saved.weight().floatData(), loaded.weight().floatData());
  }

  @Test
  void truncatedPayloadIsRejected() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(4, 4, Rng.seeded(1)));
    Path payload = payload();
    byte[] bytes = Files.readAllBytes(payload);
    Files.write(payload, Arrays.copyOf(bytes, bytes.length - 10));
    String message = readFailure();
    assertTrue(message.contains(payload + " is truncated: " + (bytes.length - 10) + " bytes"), message);
    assertTrue(message.contains("records " + bytes.length), message);
  }

  @Test
  void corruptedPayloadIsRejected() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(4, 4, Rng.seeded(1)));
    Path payload = payload();
    byte[] bytes = Files.readAllBytes(payload);
    bytes[17] ^= 0x01;
    Files.write(payload, bytes);
    String message = readFailure();
    assertTrue(message.startsWith("payload " + payload + " is corrupted: its SHA-256 is "), message);
    assertTrue(message.contains(manifest().toString()), message);
  }

  @Test
  void missingPayloadIsRejected() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(2, 2, Rng.seeded(1)));
    Path payload = payload();
    Files.delete(payload);
    assertEquals("payload " + payload + " of checkpoint " + manifest() + " does not exist", readFailure());
  }

  @Test
  void missingExtraMisshapenAndWrongDtypeTensorsAreRejectedByName() throws IOException {
    Linear target = new Linear(2, 3, Rng.seeded(1));
    String prefix = "checkpoint " + manifest() + " does not fit: ";

    Map<String, Tensor> missing = linearTensors(2, 3, DType.F32);
    missing.remove("bias");
    assertEquals(prefix + "missing tensor 'bias'", loadFailure(missing, target));

    Map<String, Tensor> extra = linearTensors(2, 3, DType.F32);
    extra.put("scale", Tensor.zeros(DType.F32, 3));
    assertEquals(prefix + "unexpected tensor 'scale'", loadFailure(extra, target));

    assertEquals(prefix + "tensor 'weight' has shape [3, 2], expected [2, 3]",
        loadFailure(linearTensors(3, 2, DType.F32), target));
    assertEquals(prefix + "tensor 'weight' has dtype F64, expected F32",
        loadFailure(linearTensors(2, 3, DType.F64), target));

    float[] before = new Linear(2, 3, Rng.seeded(1)).weight().floatData();
    assertArrayEquals(before, target.weight().floatData(), "a failed load changes nothing");
  }

  @Test
  void unsupportedFormatVersionIsRejected() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(2, 2, Rng.seeded(1)));
    ObjectNode m = (ObjectNode) JSON.readTree(manifest().toFile());
    m.put("formatVersion", 99);
    JSON.writeValue(manifest().toFile(), m);
    assertEquals(manifest() + " has unsupported checkpoint format version 99 (this build reads version 1)",
        readFailure());
  }

  @Test
  void inconsistentManifestEntriesAreRejected() throws IOException {
    ModelCheckpoints.save(manifest(), null, new Linear(2, 2, Rng.seeded(1)));
    ObjectNode m = (ObjectNode) JSON.readTree(manifest().toFile());
    ((ObjectNode) m.get("tensors").get(1)).put("offset", 4);
    JSON.writeValue(manifest().toFile(), m);
    assertEquals(manifest() + ": tensor 'bias' starts at byte 4, expected 16", readFailure());
  }

  @Test
  void filesThatAreNotCheckpointsAreRejected() throws IOException {
    assertEquals("checkpoint manifest " + manifest() + " does not exist", readFailure());

    Files.writeString(manifest(), "hello");
    assertTrue(readFailure().startsWith(manifest() + " is not a checkpoint manifest: invalid JSON"));

    Files.writeString(manifest(), "{\"weights\": [1, 2, 3]}");
    assertEquals(manifest() + " is not a checkpoint manifest: no \"format\": \"backmap-checkpoint\" field",
        readFailure());

    ModelCheckpoints.save(dir.resolve("real.json"), null, new Linear(2, 2, Rng.seeded(1)));
    Path bin;
    try (Stream<Path> files = Files.list(dir)) {
      bin = files.filter(p -> p.getFileName().toString().startsWith("real.")).filter(p -> p.toString()
          .endsWith(".bin")).findFirst().orElseThrow();
    }
    String message = assertThrows(CheckpointException.class, () -> CheckpointReader.read(bin)).getMessage();
    assertTrue(message.startsWith(bin + " is not a checkpoint manifest"), message);
  }
}
