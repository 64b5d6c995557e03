package org.backmap.md.forcefield;

import java.util.List;

/**
 * One {@code <Proper>} or {@code <Improper>} entry of a force-field file: four atom-type patterns and the
 * periodic terms {@code k (1 + cos(n phi - phase))} it contributes.
 *
 * @param patterns the four atom-type patterns, in file order
 * @param periodicities periodicity n of each term
 * @param phases phase of each term (rad)
 * @param ks force constant of each term (kJ/mol)
 */
public record TorsionType(List<TypePattern> patterns, int[] periodicities, double[] phases, double[] ks) {

  public TorsionType {
    patterns = List.copyOf(patterns);
    if (patterns.size() != 4) {
      throw new IllegalArgumentException("a torsion has four atom patterns, got " + patterns.size());
    }
  }

  /** Pattern {@code i} (0..3). */
  public TypePattern pattern(int i) {
    return patterns.get(i);
  }

  /** Whether any pattern is the wildcard. */
  public boolean hasWildcard() {
    return patterns.stream().anyMatch(TypePattern::isWildcard);
  }

  /** Number of periodic terms. */
  public int terms() {
    return ks.length;
  }
}
