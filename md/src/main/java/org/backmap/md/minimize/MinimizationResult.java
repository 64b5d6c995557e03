package org.backmap.md.minimize;

/**
 * The outcome of a minimization.
 *
 * @param x the final point
 * @param value the function value there
 * @param rmsGradient root-mean-square gradient component there
 * @param iterations L-BFGS iterations taken
 * @param evaluations function evaluations used
 * @param converged whether the gradient tolerance was reached (else the iteration limit, or no further descent
 *     was possible in floating point)
 */
public record MinimizationResult(double[] x, double value, double rmsGradient, int iterations, int evaluations, boolean converged) {}
