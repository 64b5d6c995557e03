/**
 * Backmapping models: one conditional density per residue type over its BAT coordinates given the local
 * environment ({@link org.backmap.backmapping.model}), their resumable training
 * ({@link org.backmap.backmapping.train}), their per-residue evaluation ({@link org.backmap.backmapping.report}), decoding
 * ({@code org.backmap.backmapping.decode}) and the quality metrics of decoded structures
 * ({@link org.backmap.backmapping.metrics}). Joins {@code md} (structures, BAT, training data) with {@code flows} and
 * {@code ga-attention}, which know nothing of each other.
 */
package org.backmap.backmapping;
