package org.backmap.md.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A finished dataset folder ({@link DatasetBuilder}) opened for training: per residue type and split, the example
 * count and batches in file order or shuffled in bounded memory.
 */
public final class TrainingSet {
  private final Path folder;
  private final DatasetManifest manifest;

  private TrainingSet(Path folder, DatasetManifest manifest) {
    this.folder = folder;
    this.manifest = manifest;
  }

  /**
   * Opens the dataset in {@code folder}: reads its manifest and checks that every stream file is there with the
   * size the manifest gives.
   *
   * @throws UncheckedIOException when the folder holds no finished dataset or a stream differs from the manifest
   */
  public static TrainingSet open(Path folder) {
    DatasetManifest m = DatasetManifest.read(folder);
    for (DatasetManifest.Stream s : m.streams()) {
      Path file = folder.resolve(s.file());
      try {
        long size = Files.size(file);
        if (size != s.bytes()) {
          throw new IOException("holds " + size + " bytes, the manifest says " + s.bytes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("dataset stream " + file + " does not match the manifest", e);
      }
    }
    return new TrainingSet(folder, m);
  }

  /** The manifest. */
  public DatasetManifest manifest() {
    return manifest;
  }

  /** The residue types with examples in either split, in {@link ResidueType#REPORT_ORDER}. */
  public List<String> types() {
    TreeSet<String> types = new TreeSet<>(ResidueType.REPORT_ORDER);
    manifest.streams().forEach(s -> types.add(s.type()));
    return List.copyOf(types);
  }

  /** The manifest entry of {@code type} in {@code split}, if it has examples there. */
  public Optional<DatasetManifest.Stream> stream(String type, Split split) {
    return manifest.streams().stream().filter(s -> s.type().equals(type) && s.split().equals(split.folder())).findFirst();
  }

  /** Number of examples of {@code type} in {@code split}. */
  public long examples(String type, Split split) {
    return stream(type, split).map(DatasetManifest.Stream::examples).orElse(0L);
  }

  /** The examples of {@code type} in {@code split} in file order, in batches of {@code batchSize}; empty when none. */
  public DatasetReader reader(String type, Split split, int batchSize) {
    DatasetManifest.Stream s = stream(type, split)
        .orElseThrow(() -> new IllegalArgumentException("no " + split.folder() + " examples of " + type + " in " + folder));
    return new DatasetReader(folder.resolve(s.file()), batchSize);
  }

  /**
   * The examples of {@code type} in {@code split} in a seeded random order ({@link ShuffledBatches}) holding at
   * most {@code bufferSize} examples for shuffling; no batches when the split has none of the type.
   */
  public ShuffledBatches batches(String type, Split split, int batchSize, int bufferSize, long seed) {
    return batches(type, split, batchSize, bufferSize, seed, 0);
  }

  /**
   * As {@link #batches(String, Split, int, int, long)}, but the stream is read from the chunk holding example
   * {@code startExample} (modulo the examples) to its end and then from its beginning, so that the first examples
   * of an epoch capped at fewer than all come from anywhere in the stream, not always from its start.
   */
  public ShuffledBatches batches(String type, Split split, int batchSize, int bufferSize, long seed, long startExample) {
    Optional<DatasetManifest.Stream> s = stream(type, split);
    if (s.isEmpty()) {
      DatasetManifest.Stream other = manifest.streams().stream().filter(x -> x.type().equals(type)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no examples of " + type + " in " + folder));
      return new ShuffledBatches(null, type, org.backmap.md.bat.BatGroup.valueOf(other.group()), other.batDim(), batchSize, bufferSize, seed);
    }
    long examples = Math.max(1, s.get().examples());
    DatasetReader r = new DatasetReader(folder.resolve(s.get().file()), 1, Math.floorMod(startExample, examples) / manifest.chunkSize());
    try {
      return new ShuffledBatches(r, type, r.group(), r.batDim(), batchSize, bufferSize, seed);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }
}
