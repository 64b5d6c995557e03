package org.backmap.md.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.backmap.base.io.OutputFolder;

/**
 * The layout of a dataset folder: {@code manifest.json}, {@code dataset-report.json}, {@code dataset-report.md},
 * and {@code train/TYPE.bmds}, {@code validation/TYPE.bmds}, one stream per residue type that has examples.
 */
public final class DatasetFolder {
  /** File extension of stream files. */
  public static final String STREAM_EXTENSION = ".bmds";
  private static final Set<String> OWN = Set.of(DatasetManifest.FILE, DatasetReport.JSON_FILE, DatasetReport.MARKDOWN_FILE,
      Split.TRAIN.folder(), Split.VALIDATION.folder());

  private DatasetFolder() {}

  /** The stream file of {@code type} in {@code split}, relative to the dataset folder. */
  public static String streamPath(Split split, String type) {
    return split.folder() + "/" + type + STREAM_EXTENSION;
  }

  /**
   * Makes {@code folder} ready for a new dataset: creates it (its parent must exist) or empties it of an earlier
   * dataset or an interrupted run. The manifest goes first, so no moment leaves a manifest describing other
   * streams. A folder holding anything else is refused, so nothing of the user's is deleted.
   *
   * @throws UncheckedIOException when the folder cannot be created or holds foreign files
   */
  static void prepare(Path folder) {
    // A new folder needs a writable parent; an existing one must be a writable folder.
    OutputFolder.requireWritable(Files.exists(folder) ? folder.resolve(DatasetManifest.FILE) : folder);
    try {
      if (!Files.exists(folder)) {
        Files.createDirectory(folder);
      }
      List<Path> entries;
      try (Stream<Path> s = Files.list(folder)) {
        entries = s.sorted().toList();
      }
      for (Path p : entries) {
        String name = p.getFileName().toString();
        boolean ownFolder = name.equals(Split.TRAIN.folder()) || name.equals(Split.VALIDATION.folder());
        if (!OWN.contains(name) && !isOwnTemporary(name) || ownFolder && !holdsOnlyStreams(p)) {
          throw new UncheckedIOException("output folder " + folder + " holds " + name + ", which is not part of a dataset;"
              + " give an empty or new folder", new DirectoryNotEmptyException(folder.toString()));
        }
      }
      Files.deleteIfExists(folder.resolve(DatasetManifest.FILE));
      for (Path p : entries) {
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.list(p)) {
            for (Path f : s.toList()) {
              Files.delete(f);
            }
          }
        } else {
          Files.deleteIfExists(p);
        }
      }
      for (Split split : Split.values()) {
        Files.createDirectories(folder.resolve(split.folder()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + folder, e);
    }
  }

  private static boolean holdsOnlyStreams(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(p -> Files.isRegularFile(p) && (p.getFileName().toString().endsWith(STREAM_EXTENSION)
          || isOwnTemporary(p.getFileName().toString())));
    }
  }

  /** A hidden temporary file of {@link org.backmap.base.io.AtomicOutput} for one of the dataset's files. */
  private static boolean isOwnTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }
}
