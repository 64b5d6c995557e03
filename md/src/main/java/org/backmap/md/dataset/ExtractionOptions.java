package org.backmap.md.dataset;

import org.backmap.base.concurrent.Threads;
import org.backmap.md.protein.PreparationOptions;

/**
 * Settings of {@link DatasetBuilder#build}.
 *
 * @param splitEvery one structure in this many goes to validation ({@link StructureSplit}; at least 2)
 * @param seed seed of the split and of the decoded subsets
 * @param threads structures extracted at once (at least 1); the output does not depend on it
 * @param chunkSize examples per chunk of a stream file (at least 1)
 * @param preparation how each file is read ({@link PreparationOptions#defaults()}: a prepared file passes unchanged)
 */
public record ExtractionOptions(int splitEvery, long seed, int threads, int chunkSize, PreparationOptions preparation) {
  /** Default examples per chunk: about 0.6 MB of a typical stream. */
  public static final int DEFAULT_CHUNK = 256;

  /** Checks the values. */
  public ExtractionOptions {
    if (splitEvery < 2) {
      throw new IllegalArgumentException("split-every must be at least 2, got " + splitEvery);
    }
    Threads.requirePositive(threads, "threads");
    Threads.requirePositive(chunkSize, "chunk size");
    if (preparation == null) {
      throw new IllegalArgumentException("preparation options are required");
    }
  }

  /** Every 10th structure to validation, seed 1, the default thread count, chunks of {@value #DEFAULT_CHUNK}. */
  public static ExtractionOptions defaults() {
    return new ExtractionOptions(10, 1, Threads.defaultCount(), DEFAULT_CHUNK, PreparationOptions.defaults());
  }

  /** The same options with another split interval. */
  public ExtractionOptions withSplitEvery(int every) {
    return new ExtractionOptions(every, seed, threads, chunkSize, preparation);
  }

  /** The same options with another seed. */
  public ExtractionOptions withSeed(long newSeed) {
    return new ExtractionOptions(splitEvery, newSeed, threads, chunkSize, preparation);
  }

  /** The same options with another thread count. */
  public ExtractionOptions withThreads(int n) {
    return new ExtractionOptions(splitEvery, seed, n, chunkSize, preparation);
  }

  /** The same options with another chunk size. */
  public ExtractionOptions withChunkSize(int n) {
    return new ExtractionOptions(splitEvery, seed, threads, n, preparation);
  }
}
