package org.backmap.nn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.backmap.nn.Rng;
import org.junit.jupiter.api.Test;

class DataSplitTest {

  @Test
  void holdsOutTheRequestedShareAndCoversEveryExampleOnce() {
    DataSplit split = DataSplit.of(1003, 0.1, Rng.seeded(1));
    assertEquals(100, split.validation().length); // round(100.3)
    assertEquals(903, split.train().length);
    int[] all = IntStream.concat(IntStream.of(split.train()), IntStream.of(split.validation())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 1003).toArray(), all);
    assertArrayEquals(IntStream.of(split.train()).sorted().toArray(), split.train());
  }

  @Test
  void isDeterminedByTheSeed() {
    assertArrayEquals(DataSplit.of(500, 0.1, Rng.seeded(4)).validation(),
        DataSplit.of(500, 0.1, Rng.seeded(4)).validation());
    assertFalse(Arrays.equals(DataSplit.of(500, 0.1, Rng.seeded(4)).validation(),
        DataSplit.of(500, 0.1, Rng.seeded(5)).validation()));
  }

  @Test
  void keepsBothPartsNonEmpty() {
    assertEquals(1, DataSplit.of(3, 0.1, Rng.seeded(1)).validation().length);
    assertThrows(IllegalArgumentException.class, () -> DataSplit.of(1, 0.1, Rng.seeded(1)));
    assertThrows(IllegalArgumentException.class, () -> DataSplit.of(10, 0, Rng.seeded(1)));
  }
}
