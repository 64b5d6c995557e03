package org.backmap.md.simulation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.zip.CRC32C;
import org.backmap.base.io.AtomicOutput;
import org.backmap.md.dynamics.ExchangeState;
import org.backmap.md.dynamics.IntegratorState;
import org.backmap.md.dynamics.RestorableRandom;

/**
 * The restart checkpoint of a {@link Simulation}: what the run is (system fingerprint and trajectory-defining
 * settings) and where it is (frames written, every replica's state, the exchange state).
 *
 * <p>File layout (big-endian): the magic line {@code "backmap md checkpoint\n"}, an int32 version, an int32
 * payload length, the payload, and the CRC-32C of the payload as int32. Payload: the system fingerprint (UTF),
 * the settings as a count and {@code name, value} pairs (UTF), the frame count (int64), the number of replicas
 * and of coordinates (int32 each), per replica its bath temperature, step count, generator state, positions and
 * velocities, then the exchange generator state, attempt and acceptance counters and round number.
 *
 * @param system fingerprint of the system and its start positions
 * @param settings the trajectory-defining settings, {@code name -> value}
 * @param frame frames written when it was taken
 * @param replicas the replicas' states, lowest temperature first
 * @param exchange the replica-exchange state
 */
record RestartCheckpoint(String system, SequencedMap<String, String> settings, long frame, List<IntegratorState> replicas,
    ExchangeState exchange) {
  static final int VERSION = 1;
  private static final byte[] MAGIC = "backmap md checkpoint\n".getBytes(StandardCharsets.US_ASCII);

  /** Writes this checkpoint to {@code file} atomically: the old one stays until the new one is complete. */
  void write(Path file) {
    byte[] payload = payload();
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 12 + payload.length);
    b.put(MAGIC).putInt(VERSION).putInt(payload.length).put(payload).putInt((int) crc.getValue()).flip();
    try (AtomicOutput out = new AtomicOutput(file)) {
      out.commitAfter(() -> {
        while (b.hasRemaining()) {
          out.channel().write(b);
        }
      });
    }
  }

  private byte[] payload() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(system);
      out.writeInt(settings.size());
      for (Map.Entry<String, String> e : settings.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeUTF(e.getValue());
      }
      out.writeLong(frame);
      out.writeInt(replicas.size());
      out.writeInt(replicas.getFirst().positions().length);
      for (IntegratorState r : replicas) {
        out.writeDouble(r.temperature());
        out.writeLong(r.steps());
        writeLongs(out, r.random());
        writeDoubles(out, r.positions());
        writeDoubles(out, r.velocities());
      }
      writeLongs(out, exchange.random());
      out.writeInt(exchange.attempts().length);
      writeLongs(out, exchange.attempts());
      writeLongs(out, exchange.accepted());
      out.writeLong(exchange.rounds());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads {@code file}.
   *
   * @throws RestartException when it is missing, not a checkpoint, of another version, or corrupt
   */
  static RestartCheckpoint read(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new RestartException(file + ": no checkpoint to resume from (does not exist)", e);
    } catch (IOException e) {
      throw new RestartException(file + ": cannot read the checkpoint", e);
    }
    if (all.length < MAGIC.length + 12 || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new RestartException(file + ": not a backmap md checkpoint");
    }
    ByteBuffer b = ByteBuffer.wrap(all, MAGIC.length, all.length - MAGIC.length);
    int version = b.getInt();
    if (version != VERSION) {
      throw new RestartException(file + ": checkpoint version " + version + ", this backmap reads version " + VERSION);
    }
    int length = b.getInt();
    if (length < 0 || length != b.remaining() - 4) {
      throw new RestartException(file + ": checkpoint is corrupt (truncated or extended)");
    }
    CRC32C crc = new CRC32C();
    crc.update(all, b.position(), length);
    if ((int) crc.getValue() != ByteBuffer.wrap(all, b.position() + length, 4).getInt()) {
      throw new RestartException(file + ": checkpoint is corrupt (checksum mismatch)");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, b.position(), length))) {
      return parse(in);
    } catch (EOFException | IllegalArgumentException e) {
      throw new RestartException(file + ": checkpoint is corrupt (inconsistent content)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RestartCheckpoint parse(DataInputStream in) throws IOException {
    String system = in.readUTF();
    int count = in.readInt();
    SequencedMap<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      settings.put(in.readUTF(), in.readUTF());
    }
    long frame = in.readLong();
    int replicaCount = in.readInt();
    int n3 = in.readInt();
    if (replicaCount < 1 || n3 < 0 || (long) replicaCount * n3 * 16 > in.available()) {
      throw new IllegalArgumentException("sizes out of range");
    }
    List<IntegratorState> replicas = new ArrayList<>();
    for (int r = 0; r < replicaCount; r++) {
      double temperature = in.readDouble();
      long steps = in.readLong();
      long[] random = readLongs(in, RestorableRandom.STATE_LONGS);
      replicas.add(new IntegratorState(readDoubles(in, n3), readDoubles(in, n3), steps, temperature, random));
    }
    long[] random = readLongs(in, RestorableRandom.STATE_LONGS);
    int pairs = in.readInt();
    if (pairs != replicaCount - 1) {
      throw new IllegalArgumentException(pairs + " replica pairs for " + replicaCount + " replicas");
    }
    ExchangeState exchange = new ExchangeState(random, readLongs(in, pairs), readLongs(in, pairs), in.readLong());
    if (in.available() != 0) {
      throw new IllegalArgumentException("trailing bytes");
    }
    return new RestartCheckpoint(system, settings, frame, replicas, exchange);
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static long[] readLongs(DataInputStream in, int n) throws IOException {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readLong();
    }
    return v;
  }

  private static double[] readDoubles(DataInputStream in, int n) throws IOException {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.readDouble();
    }
    return v;
  }
}
