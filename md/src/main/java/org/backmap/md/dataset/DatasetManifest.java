package org.backmap.md.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code manifest.json} of a dataset folder: how it was made, the split with its file names, and every stream
 * file with its example count and size. It is written last, so a folder without it (an interrupted run) is no
 * dataset; {@link TrainingSet#open} checks each stream against it.
 *
 * @param format always {@value #FORMAT}
 * @param version manifest version ({@value #VERSION})
 * @param streamVersion version of the stream files ({@link DatasetFormat})
 * @param seed seed of the split and of the decoded subsets
 * @param splitEvery one structure in this many is a validation structure
 * @param splitRule the split rule in words
 * @param trainFiles train structure files, sorted (skipped ones included: the split is decided before reading)
 * @param validationFiles validation structure files, sorted
 * @param environmentSize environment particles per example
 * @param cutoffAngstrom environment cutoff
 * @param classes particle classes
 * @param chunkSize examples per chunk
 * @param streams the stream files
 * @param skipped the files that gave no examples, with the reason
 */
public record DatasetManifest(String format, int version, int streamVersion, long seed, int splitEvery, String splitRule,
    List<String> trainFiles, List<String> validationFiles, int environmentSize, double cutoffAngstrom, int classes,
    int chunkSize, List<Stream> streams, List<SkippedFile> skipped) {
  /** The value of {@link #format}. */
  public static final String FORMAT = "backmap-training-examples";
  /** The manifest version this code writes and reads. */
  public static final int VERSION = 1;
  /** The manifest's file name in the dataset folder. */
  public static final String FILE = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One stream file.
   *
   * @param type residue type ({@link ResidueType})
   * @param group BAT group name
   * @param split {@code train} or {@code validation}
   * @param file path relative to the dataset folder
   * @param batDim BAT vector length
   * @param examples number of examples
   * @param structures number of structures that gave examples
   * @param bytes file size
   */
  public record Stream(String type, String group, String split, String file, int batDim, long examples, int structures, long bytes) {}

  /**
   * A file that gave no examples.
   *
   * @param file the file name
   * @param reason why
   */
  public record SkippedFile(String file, String reason) {}

  /** Manifest and lists are copied. */
  public DatasetManifest {
    trainFiles = List.copyOf(trainFiles);
    validationFiles = List.copyOf(validationFiles);
    streams = List.copyOf(streams);
    skipped = List.copyOf(skipped);
  }

  /** The JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the manifest of dataset folder {@code folder}.
   *
   * @throws UncheckedIOException when it is missing, unreadable, of another format or version
   */
  public static DatasetManifest read(Path folder) {
    Path file = folder.resolve(FILE);
    DatasetManifest m;
    try {
      m = JSON.readValue(Files.readString(file), DatasetManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dataset manifest " + file, e);
    }
    if (!FORMAT.equals(m.format()) || m.version() != VERSION) {
      throw new UncheckedIOException("dataset manifest " + file + " is " + m.format() + " version " + m.version()
          + ", expected " + FORMAT + " version " + VERSION, new IOException("unsupported manifest"));
    }
    return m;
  }
}
