package org.backmap.md.dataset;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.backmap.md.bat.BatGroup;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.StructureException;
import org.backmap.md.topology.Topology;

/**
 * All training examples of one structure file: every target residue and group ({@link ExampleExtractor#targets}),
 * each with its own decoded subset ({@link DecodedSubsets}), routed to its {@link ResidueType}.
 *
 * <p>The random draws of a file come from a generator seeded by the run's seed and the file name alone, so a file
 * gives the same examples whatever other files, threads or order the run has.
 */
public final class StructureExtractor {
  private StructureExtractor() {}

  /**
   * Reads {@code file} with {@code preparation} and extracts its examples. A file that cannot be read or prepared,
   * or has no complete residue, comes back skipped with the reason.
   */
  public static StructureExamples extract(Path file, PreparationOptions preparation, long seed) {
    try {
      return extractOrThrow(file, preparation, seed);
    } catch (RuntimeException e) {
      // one strange file never stops a corpus run: it is skipped with what went wrong
      return skipped(file.getFileName().toString(), "unexpected failure: " + e);
    }
  }

  private static StructureExamples extractOrThrow(Path file, PreparationOptions preparation, long seed) {
    String name = file.getFileName().toString();
    PreparedProtein protein;
    try {
      protein = PreparedProtein.read(file, preparation).withoutCaps(); // caps have no CG form
    } catch (StructureException | UncheckedIOException | IllegalArgumentException e) {
      return skipped(name, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
    }
    Topology topology = protein.topology();
    ExampleExtractor extractor;
    try {
      extractor = new ExampleExtractor(topology);
    } catch (StructureException | IllegalArgumentException e) {
      return skipped(name, e.getMessage());
    }
    SplittableRandom random = new SplittableRandom(seed ^ nameHash(name));
    SortedMap<String, List<TrainingExample>> byType = new TreeMap<>();
    int n = extractor.residueCount();
    for (int i = 0; i < n; i++) {
      for (BatGroup group : BatGroup.values()) {
        if (extractor.isTarget(i, group)) {
          TrainingExample e = extractor.extract(i, group, DecodedSubsets.draw(n, i, random));
          byType.computeIfAbsent(ResidueType.of(topology.residues().get(i).template(), group), k -> new ArrayList<>()).add(e);
        }
      }
    }
    if (byType.isEmpty()) {
      return skipped(name, "no complete amino-acid residue");
    }
    return new StructureExamples(name, n, protein.completion().addedHydrogens(), Collections.unmodifiableSortedMap(byType), null);
  }

  private static StructureExamples skipped(String name, String reason) {
    return new StructureExamples(name, 0, 0, Collections.emptySortedMap(), reason);
  }

  /** 64-bit FNV-1a of the UTF-8 name: fixed across JVMs, unlike identity hashes. */
  static long nameHash(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }
}
