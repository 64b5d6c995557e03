/**
 * Checkpoints: named tensors in a little-endian binary payload described by a JSON manifest, written
 * atomically and verified on load ({@link org.backmap.nn.checkpoint.CheckpointWriter}, {@link
 * org.backmap.nn.checkpoint.CheckpointReader}), and the convention for storing a model with its optimiser
 * state ({@link org.backmap.nn.checkpoint.ModelCheckpoints}).
 */
package org.backmap.nn.checkpoint;
