/**
 * JMH benchmarks of the numerical core: float32 matrix products (the Vector API kernel against a naive
 * triple loop, reported in GFLOP/s), an MLP training step, and {@link org.backmap.benchmarks.PeakFlops}, which
 * derives the machine's theoretical FMA peak that the matmul numbers are measured against.
 */
package org.backmap.benchmarks;
