/**
 * Probability distributions with batched, differentiable log-densities and seeded sampling: Normal, von Mises,
 * Laplace, Uniform, and joints over independent dimensions.
 */
package org.backmap.flows.distributions;
