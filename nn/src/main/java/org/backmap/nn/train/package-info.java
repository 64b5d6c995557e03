/**
 * Minibatch training: datasets, a seeded train/validation split, and the {@link org.backmap.nn.train.Trainer}
 * loop with validation, best-weight tracking, non-finite loss detection, checkpoints and progress reporting.
 */
package org.backmap.nn.train;
