package org.backmap.md.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The split of a set of structure files into train and validation, by whole structures: the file names sorted,
 * put in a random order seeded by {@code seed} (Fisher-Yates with {@link SplittableRandom}, whose sequence is
 * fixed for a seed), and every {@code every}-th file of that order (positions every-1, 2*every-1, ...) goes to
 * validation. The same names, {@code every} and seed always give the same split; the random order keeps runs of
 * related neighbouring names (entries deposited together) from landing together.
 *
 * @param every one file in {@code every} is a validation file (at least 2)
 * @param seed the seed of the order
 * @param train the train file names, sorted
 * @param validation the validation file names, sorted
 */
public record StructureSplit(int every, long seed, List<String> train, List<String> validation) {
  /** Checks the fields and copies the lists. */
  public StructureSplit {
    if (every < 2) {
      throw new IllegalArgumentException("split-every must be at least 2, got " + every);
    }
    train = List.copyOf(train);
    validation = List.copyOf(validation);
  }

  /** The split of the files named {@code names} (any order; duplicates are an error). */
  public static StructureSplit of(List<String> names, int every, long seed) {
    List<String> order = new ArrayList<>(new TreeSet<>(names));
    if (order.size() != names.size()) {
      throw new IllegalArgumentException("file names repeat");
    }
    java.util.Collections.shuffle(order, new SplittableRandom(seed)); // Fisher-Yates from the last position
    TreeSet<String> train = new TreeSet<>();
    TreeSet<String> validation = new TreeSet<>();
    for (int p = 0; p < order.size(); p++) {
      ((p + 1) % every == 0 ? validation : train).add(order.get(p));
    }
    return new StructureSplit(every, seed, List.copyOf(train), List.copyOf(validation));
  }

  /** The part that file {@code name} belongs to. */
  public Split partOf(String name) {
    if (validation.contains(name)) {
      return Split.VALIDATION;
    }
    if (train.contains(name)) {
      return Split.TRAIN;
    }
    throw new IllegalArgumentException(name + " is not in the split");
  }
}
