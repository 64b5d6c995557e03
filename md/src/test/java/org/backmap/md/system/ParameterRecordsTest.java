package org.backmap.md.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ParameterRecordsTest {
  @Test
  void consistentArraysGiveCounts() {
    assertEquals(2, new BondParameters(new int[] {0, 1, 1, 2}, new double[] {0.1, 0.1}, new double[] {1, 1}).count());
    assertEquals(1, new AngleParameters(new int[] {0, 1, 2}, new double[] {2}, new double[] {3}).count());
    assertEquals(1, new TorsionParameters(new int[] {0, 1, 2, 3}, new int[] {2}, new double[] {0}, new double[] {1}).count());
    assertEquals(1, new ConstraintParameters(new int[] {0, 1}, new double[] {0.1}).count());
    NonbondedParameters nb = nonbonded(new int[] {0, 3}, new double[] {0.5});
    assertEquals(4, nb.count());
    assertEquals(1, nb.pair14Count());
    double[] perAtom = new double[2];
    assertEquals(2, new GbParameters(perAtom, perAtom, perAtom, perAtom, perAtom, perAtom, new int[2],
        new double[1], new double[1], 1).count());
  }

  @Test
  void mismatchedLengthsNameRecordAndArray() {
    fails("BondParameters: atoms holds 3 indices, expected 2 per entry for 2 entries (4)",
        () -> new BondParameters(new int[] {0, 1, 2}, new double[2], new double[2]));
    fails("BondParameters: k has 1 entries, expected 2",
        () -> new BondParameters(new int[4], new double[2], new double[1]));
    fails("AngleParameters: atoms holds 4 indices",
        () -> new AngleParameters(new int[4], new double[1], new double[1]));
    fails("TorsionParameters: phase has 2 entries, expected 1",
        () -> new TorsionParameters(new int[4], new int[1], new double[2], new double[1]));
    fails("ConstraintParameters: atoms holds 1 indices",
        () -> new ConstraintParameters(new int[1], new double[1]));
    fails("NonbondedParameters: pair14Atoms holds 3 indices",
        () -> nonbonded(new int[] {0, 3, 1}, new double[] {0.5}));
    fails("NonbondedParameters: sigma has 3 entries, expected 4",
        () -> new NonbondedParameters(new double[4], new double[3], new double[4], new int[4][],
            new int[0], new double[0], new double[0], new double[0]));
    double[] perAtom = new double[2];
    fails("GbParameters: neckM0 has 1 entries, expected 4",
        () -> new GbParameters(perAtom, perAtom, perAtom, perAtom, perAtom, perAtom, new int[2], new double[1],
            new double[4], 2));
    fails("GbParameters: radiusIndex has 1 entries, expected 2",
        () -> new GbParameters(perAtom, perAtom, perAtom, perAtom, perAtom, perAtom, new int[1], new double[1],
            new double[1], 1));
  }

  @Test
  void nullArrayIsNamed() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> new AngleParameters(new int[3], new double[1], null));
    assertEquals("AngleParameters: k is null", e.getMessage());
  }

  private static NonbondedParameters nonbonded(int[] pairAtoms, double[] chargeProduct) {
    int n = 4;
    return new NonbondedParameters(new double[n], new double[n], new double[n], new int[n][0], pairAtoms,
        chargeProduct, new double[chargeProduct.length], new double[chargeProduct.length]);
  }

  private static void fails(String message, Executable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }
}
