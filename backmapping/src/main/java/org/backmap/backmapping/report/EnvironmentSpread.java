package org.backmap.backmapping.report;

/**
 * chi1 of many samples in one chosen validation environment: how sharply the environment fixes the torsion.
 *
 * @param example the example's position in the validation stream (0-based, file order)
 * @param particles real particles in its environment
 * @param chi1Data chi1 of the example itself (radians)
 * @param samples samples drawn
 * @param meanResultantLength {@code |mean of exp(i chi1)|} over the samples: 1 for one value, 0 for uniform
 * @param circularStdDegrees circular standard deviation {@code sqrt(-2 ln R)} in degrees
 */
public record EnvironmentSpread(long example, int particles, double chi1Data, int samples, double meanResultantLength,
    double circularStdDegrees) {}
