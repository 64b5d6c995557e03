package org.backmap.md.system;

import java.util.Objects;

/** Null and length checks shared by the parameter records, with messages naming the record and component. */
final class ParameterArrays {
  private ParameterArrays() {}

  static <T> T requireNonNull(String record, String component, T values) {
    return Objects.requireNonNull(values, () -> record + ": " + component + " is null");
  }

  /** Requires {@code atoms} to hold {@code perEntry} indices for each of {@code count} entries. */
  static void requireAtoms(String record, String component, int[] atoms, int perEntry, int count) {
    requireNonNull(record, component, atoms);
    if (atoms.length != perEntry * count) {
      throw new IllegalArgumentException(record + ": " + component + " holds " + atoms.length + " indices, expected " + perEntry
          + " per entry for " + count + " entries (" + perEntry * count + ")");
    }
  }

  static void requireLength(String record, String component, double[] values, int count) {
    check(record, component, requireNonNull(record, component, values).length, count);
  }

  static void requireLength(String record, String component, int[] values, int count) {
    check(record, component, requireNonNull(record, component, values).length, count);
  }

  static void requireLength(String record, String component, Object[] values, int count) {
    check(record, component, requireNonNull(record, component, values).length, count);
  }

  private static void check(String record, String component, int length, int count) {
    if (length != count) {
      throw new IllegalArgumentException(record + ": " + component + " has " + length + " entries, expected " + count);
    }
  }
}
