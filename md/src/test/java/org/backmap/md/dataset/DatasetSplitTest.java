package org.backmap.md.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {
  private final List<String> names = IntStream.range(0, 95).mapToObj(i -> String.format("%04d.pdb", i)).toList();

  @Test
  void everyTenthFileOfTheSeededOrderIsValidationAndNoFileIsInBoth() {
    StructureSplit s = StructureSplit.of(names, 10, 42);
    assertEquals(9, s.validation().size(), "positions 9, 19, ..., 89 of 95");
    assertEquals(86, s.train().size());
    Set<String> all = new HashSet<>(s.train());
    s.validation().forEach(v -> assertTrue(all.add(v), v + " in both parts"));
    assertEquals(new HashSet<>(names), all);
    assertEquals(s.train().stream().sorted().toList(), s.train(), "recorded sorted");
    for (String v : s.validation()) {
      assertEquals(Split.VALIDATION, s.partOf(v));
    }
    assertEquals(Split.TRAIN, s.partOf(s.train().getFirst()));
    assertThrows(IllegalArgumentException.class, () -> s.partOf("other.pdb"));
  }

  @Test
  void theSameSeedGivesTheSameSplitWhateverTheListOrder() {
    List<String> reversed = new ArrayList<>(names);
    java.util.Collections.reverse(reversed);
    assertEquals(StructureSplit.of(names, 10, 42), StructureSplit.of(reversed, 10, 42));
    assertNotEquals(StructureSplit.of(names, 10, 42).validation(), StructureSplit.of(names, 10, 43).validation());
    assertEquals(19, StructureSplit.of(names, 5, 1).validation().size());
    assertThrows(IllegalArgumentException.class, () -> StructureSplit.of(names, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> StructureSplit.of(List.of("a.pdb", "a.pdb"), 10, 1));
  }
}
