/**
 * Backmapping models: one conditional density per residue type over its BAT coordinates given the local
 * environment ({@link org.backmap.backmapping.model}), and their resumable training
 * ({@link org.backmap.backmapping.train}). Joins {@code md} (structures, BAT, training data) with {@code flows} and
 * {@code ga-attention}, which know nothing of each other.
 */
package org.backmap.backmapping;
