package org.backmap.md.dataset;

import java.util.List;
import java.util.SortedMap;

/**
 * The examples of one structure file, by residue type, or why the file was skipped.
 *
 * @param file the file name
 * @param residues residues of the prepared structure (0 when skipped)
 * @param hydrogensAdded hydrogens that reading had to complete (0 for a prepared, hydrogen-complete file)
 * @param byType examples per residue type ({@link ResidueType}), each list in residue order; empty when skipped
 * @param skipped why the file could not be used, or null
 */
public record StructureExamples(String file, int residues, int hydrogensAdded, SortedMap<String, List<TrainingExample>> byType,
    String skipped) {
  /** Number of examples over all types. */
  public long exampleCount() {
    return byType.values().stream().mapToLong(List::size).sum();
  }
}
