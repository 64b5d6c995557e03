/**
 * Bijections with log-determinants: rational-quadratic splines (interval with identity tails, and circular),
 * permutations, masked autoregressive spline blocks and chains of them.
 */
package org.backmap.flows.bijectors;
