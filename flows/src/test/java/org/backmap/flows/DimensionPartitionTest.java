package org.backmap.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionPartitionTest {
  @Test
  void splitsAndMergesBack() {
    DimensionPartition p = DimensionPartition.of(new boolean[] {true, false, false, true, false});
    assertArrayEquals(new int[] {1, 2, 4}, p.linear());
    assertArrayEquals(new int[] {0, 3}, p.circular());
    // concat(linear, circular) = dims 1, 2, 4, 0, 3: dimension 0 sits at 3, dimension 3 at 4
    assertArrayEquals(new int[] {3, 0, 1, 4, 2}, p.merge());
    int[] concat = {1, 2, 4, 0, 3};
    for (int d = 0; d < p.dims(); d++) {
      assertEquals(d, concat[p.merge()[d]]);
    }
  }

  @Test
  void selectKeepsTheFamilies() {
    DimensionPartition p = DimensionPartition.of(List.of(false, true, true));
    assertArrayEquals(new boolean[] {true, false}, p.select(new int[] {2, 0}).circularMask());
  }
}
