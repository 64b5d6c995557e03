package org.backmap.md.prepare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The structure files a list of files and folders names. */
public final class InputFiles {
  /** File name endings taken from a folder. */
  public static final List<String> SUFFIXES = List.of(".pdb", ".pdb.gz", ".cif", ".cif.gz", ".ent.gz");

  private InputFiles() {}

  /**
   * Files as given, and the files of each folder (not its subfolders) whose names end in one of
   * {@link #SUFFIXES}, sorted by name; each path once, in order.
   *
   * @throws IllegalArgumentException naming a path that does not exist
   */
  public static List<Path> expand(List<Path> filesAndFolders) {
    Set<Path> out = new LinkedHashSet<>();
    for (Path p : filesAndFolders) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.list(p)) {
          files.filter(f -> Files.isRegularFile(f) && isStructureName(f)).sorted().forEach(f -> out.add(f.normalize()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else if (Files.exists(p)) {
        out.add(p.normalize());
      } else {
        throw new IllegalArgumentException("no such file or folder: " + p);
      }
    }
    return new ArrayList<>(out);
  }

  /** Whether the name ends in one of {@link #SUFFIXES} (any case). */
  public static boolean isStructureName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /** The name without folder and without the structure and compression endings: {@code 1abc.pdb.gz} gives {@code 1abc}. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String ending : List.of(".gz", ".pdb", ".cif", ".ent", ".mmcif")) {
      if (lower.endsWith(ending) && lower.length() > ending.length()) {
        name = name.substring(0, name.length() - ending.length());
        lower = lower.substring(0, lower.length() - ending.length());
      }
    }
    return name;
  }
}
