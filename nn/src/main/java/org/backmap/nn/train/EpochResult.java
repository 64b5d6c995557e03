package org.backmap.nn.train;

/**
 * Losses after one epoch.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size (measured while the
 *     weights changed)
 * @param validationLoss mean validation loss at the end of the epoch, weighted by batch size
 * @param improved whether this epoch set a new best validation loss (its weights are kept)
 */
public record EpochResult(int epoch, double trainLoss, double validationLoss, boolean improved) {}
