/**
 * Geometric-algebra vector attention (after Spellings, "Geometric Algebra Attention Networks for Small Point
 * Clouds", 2021): a rotation- and permutation-invariant description of a set of particles given as vectors from a
 * centre. {@link org.backmap.gaattention.VectorAttentionEncoder} is the public entry point; the layers know
 * nothing of chemistry, only vectors, classes and a mask.
 */
package org.backmap.gaattention;
