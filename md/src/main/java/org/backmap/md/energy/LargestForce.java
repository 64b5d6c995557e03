package org.backmap.md.energy;

/** Finds the atom to name when an evaluation went wrong: the one with the largest force. */
public final class LargestForce {
  private LargestForce() {}

  /**
   * The first atom whose force (or gradient: the sign does not matter) is not finite, else the atom with the
   * largest one; -1 when {@code forces} is {@code null} or empty.
   *
   * @param forces flat, three values per atom
   */
  public static int atom(double[] forces) {
    if (forces == null) {
      return -1;
    }
    int best = -1;
    double largest = -1;
    for (int i = 0; i < forces.length / 3; i++) {
      double f2 = forces[3 * i] * forces[3 * i] + forces[3 * i + 1] * forces[3 * i + 1] + forces[3 * i + 2] * forces[3 * i + 2];
      if (!Double.isFinite(f2)) {
        return i;
      }
      if (f2 > largest) {
        largest = f2;
        best = i;
      }
    }
    return best;
  }
}
